"""The files to read, and the files this run has read.

`expand_paths`: the files named, and the CSV and Excel files of the folders named, each once.
`modification_times`: when each file read was last changed (wcplan submissions shows it).

The registry: every reader records each file it reads: the plan file, the tasks file, and every
file of actuals or task progress, those found inside folders included. Every writer calls
`refuse_input` before writing. A file is the same file however its path is spelled (relative,
absolute, through a symbolic or a hard link): files are compared by device and inode, not by name.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from wcplan.base.errors import WcplanError
from wcplan.base.findings import Finding, Severity
from wcplan.base.i18n import _
from wcplan.base.paths import display_path

SUFFIXES = (".csv", ".xlsx")


def expand_paths(paths: Iterable[Path], files_required: bool = False) -> tuple[list[Path], list[Finding]]:
    """Files named, and the CSV and Excel files inside folders named, each once, in a stable order.

    A folder with nothing to read is a warning, or an error with `files_required` (`validate`: a
    CI job pointed at the wrong folder must fail). An entry of a folder named like a file of
    actuals that is no file to read (a symbolic link that loops or leads nowhere) is an error."""
    files: list[Path] = []
    findings: list[Finding] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        found, problems = _folder_files(path)
        findings.extend(problems)
        if not found and not problems:
            findings.append(
                Finding(
                    "no-actuals-files",
                    _("this folder holds no .csv or .xlsx files of actuals."),
                    display_path(path),
                    severity=Severity.ERROR if files_required else Severity.WARNING,
                )
            )
        files.extend(found)
    # realpath, not Path.resolve: it never raises, not even on a symbolic link that loops
    unique = list(dict.fromkeys(Path(os.path.realpath(p)) for p in files))
    return unique, findings


def _folder_files(folder: Path) -> tuple[list[Path], list[Finding]]:
    """The CSV and Excel files of a folder, in name order, and a finding for each entry named like
    one that cannot be read. Only the folder itself is listed: nothing below it, so no loop of
    folders can make the listing endless."""
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        reason = _("cannot read this folder: {reason}.").format(reason=exc.strerror)
        return [], [Finding("folder-unreadable", reason, display_path(folder))]
    found: list[Path] = []
    problems: list[Finding] = []
    for entry in entries:
        if entry.suffix.lower() not in SUFFIXES:
            continue
        try:
            mode = entry.stat().st_mode
        except OSError as exc:
            problems.append(Finding("file-unreadable", _unreachable(entry, exc), display_path(entry)))
            continue
        if stat.S_ISREG(mode):
            found.append(entry)
        elif not stat.S_ISDIR(mode):
            sentence = _("this is not a file that can be read (it is a device, a pipe or a socket).")
            problems.append(Finding("file-unreadable", sentence, display_path(entry)))
    return found, problems


def _unreachable(entry: Path, exc: OSError) -> str:
    """Why the file an entry names cannot be reached."""
    if exc.errno == errno.ELOOP:
        return _("this symbolic link loops back on itself, so there is no file to read.")
    if entry.is_symlink() and exc.errno == errno.ENOENT:
        return _("this symbolic link leads to {target}, which does not exist.").format(
            target=os.readlink(entry)
        )
    return _("cannot read this file: {reason}.").format(reason=exc.strerror)


def modification_times(files: Iterable[str]) -> dict[str, dt.datetime]:
    """When each file (named as the reader names it: relative to the working folder, or absolute)
    was last changed, in local time. A file that cannot be examined is left out."""
    times = {}
    for name in files:
        try:
            stamp = os.stat(name).st_mtime
        except OSError:
            continue
        times[name] = dt.datetime.fromtimestamp(stamp, dt.UTC).astimezone()
    return times


# ── the registry of files read ─────────────────────────────────────────────────

#: (device, inode) of each file read -> the path it was read by, as the user would write it.
_read: dict[tuple[int, int], str] = {}


def forget() -> None:
    """A new run (the CLI calls this as each command starts) has read nothing yet."""
    _read.clear()


def record(path: Path) -> None:
    """Remember that this run reads `path`."""
    try:
        info = os.stat(path)
    except OSError:
        return  # not readable either: its reader says so
    _read.setdefault((info.st_dev, info.st_ino), display_path(path))


def refuse_input(path: Path) -> None:
    """Raise an error when `path` is (or leads to) a file this run read."""
    try:
        info = os.stat(path)
    except OSError:
        return  # no file there, so none this run read
    read_as = _read.get((info.st_dev, info.st_ino))
    if read_as is not None:
        raise WcplanError(
            _(
                "will not write {path}: it is the file {input}, which this run read; input files are never "
                "overwritten."
            ).format(path=path, input=read_as)
        )
