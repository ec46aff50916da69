"""The files this run has read, so that nothing it writes ever lands on one of them.

Every reader records each file it reads: the plan file, the tasks file, and every file of actuals
or task progress, those found inside folders included. Every writer calls `refuse_input` before
writing. A file is the same file however its path is spelled (relative, absolute, through a
symbolic or a hard link): files are compared by device and inode, not by name.
"""

from __future__ import annotations

import os
from pathlib import Path

from wcplan.errors import WcplanError
from wcplan.i18n import _

#: (device, inode) of each file read -> the path it was read by, as the user would write it.
_read: dict[tuple[int, int], str] = {}


def forget() -> None:
    """A new run (the CLI calls this as each command starts) has read nothing yet."""
    _read.clear()


def record(path: Path) -> None:
    """Remember that this run reads `path`."""
    from wcplan.locate import display_path

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
