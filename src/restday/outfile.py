"""Files restday writes (backups, CSV, calendars): checked first, written whole or not at all."""

import os
import tempfile
from pathlib import Path

from restday.errors import InvalidInput

__all__ = ["check_output", "write_output"]


def check_output(path: Path, field: str, database: str | None = None) -> None:
    """Refuse a path that cannot be written: its folder is missing, it is a folder, or it is the
    database file itself (`database`: the SQLite file in use, if any)."""
    folder = path.parent
    if not folder.is_dir():
        raise InvalidInput.of(field, f"cannot be written: there is no folder {folder}", str(path))
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
    """Write `content` to `path` through a temporary file beside it, so that a failure leaves the
    old file as it was."""
    check_output(path, field, database)
    temporary = None
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        temporary = Path(name)
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, path)
    except OSError as exc:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        reason = exc.strerror or str(exc)
        raise InvalidInput.of(field, f"cannot be written ({reason})", str(path)) from None
