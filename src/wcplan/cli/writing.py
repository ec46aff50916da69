"""Writing output files whole or not at all, never over an input, never over a read-only file."""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

from wcplan.base.errors import WcplanError
from wcplan.base.i18n import _
from wcplan.reading.files import refuse_input


def write_atomic(path: Path, data: bytes, force: bool = False) -> None:
    """Write to a temporary file in the same folder, then rename it into place: an interrupted
    run never leaves a half-written file, and an existing file is replaced only by a complete one.
    A read-only file is replaced only with `force`, as `cp -f` does."""
    folder = _check_target(path)
    if not force and _read_only(path):
        raise WcplanError(
            _("will not replace {path}: the file is read-only; give --force to replace it.").format(path=path)
        )
    noted: list[Path] = []
    try:
        handle = _create_temporary(path, folder, noted)
        # The temporary file is private (0600); give it the mode the file would have had:
        # the replaced file's own, else what the umask allows for a new file.
        os.chmod(noted[-1], _mode_for(path))
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(noted[-1], path)
    except BaseException as exc:
        # Every failure, Ctrl-C and SIGTERM included (the CLI turns SIGTERM into an interrupt).
        for temporary in noted:
            temporary.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot_write(path, exc) from None
        raise


def write_all(files: dict[Path, bytes], force: bool = False, folder: Path | None = None) -> None:
    """Write several files whole or none of them: every target is checked before anything is
    written (never an input, never a read-only file without `force`), each is written to a
    temporary file beside it, and only when all are written are they renamed into place.
    `folder`: the folder they go to, made when it does not exist (and removed again on failure)."""
    made = None
    if folder is not None and not folder.is_dir():
        _check_target(folder)
        try:
            folder.mkdir()
        except OSError as exc:
            raise _cannot_write(folder, exc) from None
        made = folder
    written: list[tuple[Path, Path]] = []
    noted: list[Path] = []  # every temporary file made
    try:
        for path in files:
            _check_target(path)
            if not force and _read_only(path):
                raise WcplanError(
                    _("will not replace {path}: the file is read-only; give --force to replace it.").format(
                        path=path
                    )
                )
        for path, data in files.items():
            try:
                handle = _create_temporary(path, path.parent, noted)
            except OSError as exc:
                raise _cannot_write(path, exc) from None
            temporary = noted[-1]
            written.append((temporary, path))
            try:
                os.chmod(temporary, _mode_for(path))
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                    out.flush()
                    os.fsync(out.fileno())
            except OSError as exc:
                raise _cannot_write(path, exc) from None
        while written:
            temporary, path = written[0]
            try:
                os.replace(temporary, path)
            except OSError as exc:
                raise _cannot_write(path, exc) from None
            written.pop(0)
    except BaseException:
        # Every failure, Ctrl-C and SIGTERM included: no temporary file is left behind (one that
        # was already renamed into place no longer exists under its temporary name).
        for temporary in noted:
            temporary.unlink(missing_ok=True)
        if made is not None and not any(made.iterdir()):
            made.rmdir()
        raise


def append_text(path: Path, text: str) -> None:
    """Add `text` at the end of `path`, a file others write to as well (a CI step summary): never
    an input, never a read-only file."""
    _check_target(path)
    if _read_only(path):
        raise WcplanError(_("cannot write {path}: the file is read-only.").format(path=path))
    try:
        with open(path, "a", encoding="utf-8") as out:
            out.write(text)
    except OSError as exc:
        raise _cannot_write(path, exc) from None


def _check_target(path: Path) -> Path:
    """Refuse a target that is an input of this run, or whose folder does not exist; returns the
    folder."""
    refuse_input(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise WcplanError(
            _("cannot write {path}: the folder {folder} does not exist.").format(path=path, folder=folder)
        )
    return folder


def _read_only(path: Path) -> bool:
    """An existing file that this user may not write, or that nobody may (0444: for root too)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return path.is_file() and (not os.access(path, os.W_OK) or not mode & 0o222)


def _cannot_write(path: Path, exc: OSError) -> WcplanError:
    return WcplanError(_("cannot write {path}: {reason}.").format(path=path, reason=exc.strerror or exc))


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _create_temporary(path: Path, folder: Path, noted: list[Path]) -> int:
    """Create a new, private temporary file beside `path` and return its descriptor.

    Its name goes into `noted` *before* the file exists: Python runs a signal handler between
    two steps of its own code, so an interrupt can land after the file is made and before
    `open` returns. Whoever cleans up then still knows the name (mkstemp would not tell it)."""
    for _attempt in range(100):
        temporary = folder / f".{path.name}.{secrets.token_hex(6)}.part"
        noted.append(temporary)
        try:
            return os.open(
                temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600
            )
        except FileExistsError:
            noted.pop()  # another file by that name: never ours to remove
    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(folder))
