"""Errors a user can meet, each worded for the user and carrying what a presenter needs.

RestdayError              something the user can fix, not a bug (exit code 1, HTTP 500)
├── InvalidInput          values given are not allowed: each problem names its field (exit 2, HTTP 422)
├── ImportFileError       a file cannot be imported: file, line or record, column, value (exit 2, HTTP 422)
├── RulebookError         a rulebook file has bad values, all of them listed (exit 2, HTTP 500)
├── NotFound              an id or name does not exist (exit 2, HTTP 404)
├── Conflict              the request clashes with what is stored (exit 2, HTTP 409)
├── Forbidden             a request the web app refuses: another site's, or for another host (HTTP 403)
├── TooLarge              a request body over the upload limit (HTTP 413)
└── StoreError            the database cannot be opened, migrated or written (exit 1, HTTP 503)

A presenter shows `str(error)`, or words the problems of an InvalidInput with its own names for
the fields (`--sets` on the command line, the form field on a page).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "Conflict",
    "Forbidden",
    "ImportFileError",
    "InvalidInput",
    "NotFound",
    "Problem",
    "RestdayError",
    "RulebookError",
    "StoreError",
    "TooLarge",
]


class RestdayError(Exception):
    """Base of every error that is the user's to fix, not a bug."""

    exit_code = 1
    http_status = 500


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong with one value: its field (the domain's name), the problem, the value given."""

    field: str
    message: str
    value: object = None

    def worded(self, label: str | None = None) -> str:
        """One sentence: `Invalid --rpe 11: must be from 1 to 10` (`label` names the field)."""
        shown = "" if self.value is None else f" {_shown(self.value)}"
        return f"Invalid {label or self.field}{shown}: {self.message}"


def _shown(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        text = str(value)
        return f'"{text[:120]}…"' if len(text) > 120 else f'"{text}"'
    return f"{value:.15g}" if isinstance(value, float) else str(value)


class InvalidInput(RestdayError):
    """Values the user gave are not allowed; each problem names its field and what is allowed."""

    exit_code = 2
    http_status = 422

    def __init__(self, message: str | None = None, *, problems: Sequence[Problem] = ()) -> None:
        self.problems = tuple(problems)
        super().__init__(message or "; ".join(p.worded() for p in self.problems))

    @property
    def field(self) -> str | None:
        """The field of the first problem (None for an error that names no field)."""
        return self.problems[0].field if self.problems else None

    @classmethod
    def of(cls, field: str, message: str, value: object = None) -> "InvalidInput":
        """The error of one bad value."""
        return cls(problems=[Problem(field, message, value)])

    def worded(self, labels: Mapping[str, str]) -> str:
        """The message with each field named by `labels` (field -> label; others as they are)."""
        if not self.problems:
            return str(self)
        return "; ".join(p.worded(labels.get(_plain(p.field))) for p in self.problems)


def _plain(field: str) -> str:
    """A field path without its positions: `exercises[0].sets[2].reps` -> `exercises.sets.reps`."""
    parts = []
    for part in field.split("."):
        parts.append(part.split("[", 1)[0])
    return ".".join(parts)


class ImportFileError(RestdayError):
    """A file cannot be imported; the message names the file, the line or record, and the problem."""

    exit_code = 2
    http_status = 422

    def __init__(
        self,
        file: Path | str,
        problem: str,
        *,
        line: int | None = None,
        column: str | None = None,
        value: str | None = None,
        record: str | None = None,
    ) -> None:
        self.file, self.problem, self.line = str(file), problem, line
        self.column, self.value, self.record = column, value, record
        where = f"{file}" + (f", line {line}" if line is not None else "")
        where += f", {record}" if record else ""
        what = (f", column {column}" if column else "") + (
            f' "{value}"' if value is not None else ""
        )
        super().__init__(f"{where}{what}: {problem}")


class RulebookError(RestdayError):
    """A rulebook file is malformed; the message names every bad key."""

    exit_code = 2


class NotFound(RestdayError):
    """Something the user named does not exist."""

    exit_code = 2
    http_status = 404


class Conflict(RestdayError):
    """The request clashes with what is already stored (restoring into a database in use)."""

    exit_code = 2
    http_status = 409


class Forbidden(RestdayError):
    """A request the web app refuses to answer: another site's, or for a host it does not serve."""

    exit_code = 2
    http_status = 403


class TooLarge(RestdayError):
    """A request body over the upload limit."""

    exit_code = 2
    http_status = 413


class StoreError(RestdayError):
    """The database cannot be opened, brought up to date or written."""

    http_status = 503
