"""The one small interface every importer implements: a file in, sessions with fingerprints out."""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from restday.domain import Reading, Session
from restday.errors import ImportFileError

__all__ = [
    "ImportedReading",
    "ImportedSession",
    "Importer",
    "ParseResult",
    "SkippedRow",
    "fingerprint",
    "unreadable",
]


@dataclass(frozen=True, slots=True)
class SkippedRow:
    """A row (or a record of a file without lines, such as a FIT session) left out with
    --skip-invalid, and why."""

    file: str
    line: int | None
    problem: str
    column: str | None = None
    value: str | None = None
    record: str | None = None


@dataclass(frozen=True, slots=True)
class ImportedSession:
    """A session read from a file: exercise names as the file wrote them (muscles empty), where
    it is in the file (its first line, or for a file without lines a record: "session 2"), and how
    many of its rows were left out with --skip-invalid."""

    session: Session
    fingerprint: str
    line: int | None = None
    record: str | None = None
    skipped_rows: int = 0


@dataclass(frozen=True, slots=True)
class ImportedReading:
    """A reading read from a file. `key` identifies it in its source (one night per wake-up date,
    one resting heart rate per day ...): importing a reading with a stored key again adds nothing,
    or replaces the stored value when the file now gives another. `line` or `record` says where
    it is in the file."""

    reading: Reading
    key: str
    line: int | None = None
    record: str | None = None


@dataclass(slots=True)
class ParseResult:
    """What a file held: its sessions and readings, the rows skipped and warnings worth telling
    the person."""

    sessions: list[ImportedSession] = field(default_factory=list)
    readings: list[ImportedReading] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class Importer(Protocol):
    """Reads one file of one format."""

    source: str

    def parse(self, path: Path, *, skip_invalid: bool = False) -> ParseResult:
        """Read `path`; an invalid row raises ImportFileError unless `skip_invalid`."""
        ...


def unreadable(path: Path, error: OSError) -> ImportFileError:
    """The error for a file the system cannot read (no permission, a folder, EIO)."""
    return ImportFileError(path, f"cannot be read ({error.strerror or error})")


def fingerprint(source: str, *parts: object) -> str:
    """A stable id for a session from the values that identify it in its source."""
    text = "\x1f".join([source, *(repr(p) for p in parts)])
    return f"{source}:{hashlib.sha256(text.encode('utf-8')).hexdigest()[:32]}"
