"""Files restday writes (backups, CSV, calendars): checked first, written whole or not at all."""

import os
import stat
import tempfile
from pathlib import Path

from restday.errors import InvalidInput

__all__ = ["check_output", "write_output"]


def check_output(path: Path, field: str, database: str | None = None) -> None:
    """Refuse a path that cannot be written: its folder is missing, it is a folder, or it is the
    database file itself (`database`: the SQLite file in use, if any)."""
    folder = path.resolve().parent
    if not folder.is_dir():
        raise InvalidInput.of(
            field, f"cannot be written: there is no folder {path.parent}", str(path)
        )
    if path.is_dir():
        raise InvalidInput.of(field, "cannot be written: it is a folder", str(path))
    if database and _same_file(path, Path(database)):
        raise InvalidInput.of(
            field, "is the database restday is using: choose another file", str(path)
        )


def _same_file(path: Path, database: Path) -> bool:
    try:
        return path.exists() and database.exists() and path.samefile(database)
    except OSError:
        return False


def write_output(path: Path, content: bytes, field: str, database: str | None = None) -> None:
    """Write `content` to `path`. A regular file (or a link to one) is written through a temporary
    file beside it, so that a failure leaves the old one as it was, with the old one's permissions
    (a new one gets the usual ones); anything else (a pipe, /dev/stdout) is written to directly."""
    check_output(path, field, database)
    try:
        target = path.resolve()
        mode = target.stat().st_mode if target.exists() else None
        if mode is not None and not stat.S_ISREG(mode):
            with target.open("wb") as out:
                out.write(content)
            return
        _replace(target, content, stat.S_IMODE(mode) if mode is not None else _new_file_mode())
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InvalidInput.of(field, f"cannot be written ({reason})", str(path)) from None


def _replace(target: Path, content: bytes, mode: int) -> None:
    """Put `content` in place of `target` in one rename, the file having `mode`."""
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise


def _new_file_mode() -> int:
    """The permissions a new file gets from `open`: 0o666 less the process's umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
