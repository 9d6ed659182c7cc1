"""What the Strong and Hevy CSV importers share: reading the file and reading its values.

A file is streamed, never read whole: its encoding is found in one pass over the bytes (UTF-8 with
or without BOM, UTF-16 with BOM, else Windows-1252/Latin-1), its delimiter from the header line
(comma, semicolon or tab), and each row comes with the physical line it starts on, embedded
newlines in quoted notes counted. Each distinct text of a column is parsed once.
"""

import codecs
import csv
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from restday.domain import SetEntry, SetType
from restday.domain.bounds import RANGES
from restday.errors import ImportFileError

if TYPE_CHECKING:
    import _csv

__all__ = [
    "LB_IN_KG",
    "MILE_IN_KM",
    "CsvFile",
    "ValueProblem",
    "Values",
    "column_key",
    "detect_encoding",
    "parse_datetime",
    "parse_duration_min",
    "read_csv",
    "set_type_of",
]

LB_IN_KG = 0.45359237
MILE_IN_KM = 1.609344

_CHUNK = 1 << 20
_DELIMITERS = (",", ";", "\t")
_QUOTED = re.compile(r'"[^"]*"')
_NOT_KEY = re.compile(r"[^0-9a-z]+")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAYS = frozenset(
    (
        *("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"),
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    )
)
_MERIDIEM = {"am": 0, "a.m": 0, "a.m.": 0, "pm": 12, "p.m": 12, "p.m.": 12}
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?(am|pm)?$")
_DURATION_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*([a-z]+)")
_DURATION_UNITS = {
    **dict.fromkeys(("d", "day", "days"), 1440.0),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), 60.0),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), 1.0),
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), 1 / 60),
}


class ValueProblem(ValueError):
    """A value in a row that cannot be read; becomes an ImportFileError or a SkippedRow."""

    def __init__(self, problem: str, column: str | None = None, value: str | None = None) -> None:
        super().__init__(problem)
        self.problem, self.column, self.value = problem, column, value


def detect_encoding(path: Path, label: str) -> str:
    """The file's text encoding; raises ImportFileError for a file that is not text."""
    with path.open("rb") as f:
        head = f.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        for encoding in ("utf-8", "cp1252"):
            f.seek(0)
            decoder = codecs.getincrementaldecoder(encoding)()
            try:
                while chunk := f.read(_CHUNK):
                    if b"\x00" in chunk:
                        raise ImportFileError(path, f"not a {label}: it is binary, not text")
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                continue
            return encoding
    return "latin-1"


def column_key(name: str) -> str:
    """A header name as it is matched: lower case, letters and digits only ("Weight (kg)" -> "weightkg")."""
    return _NOT_KEY.sub("", name.casefold())


@dataclass(slots=True)
class CsvFile:
    """An open CSV file: its header, delimiter, and its rows as (first line, fields)."""

    path: Path
    header: list[str]
    header_line: int
    delimiter: str
    rows: Iterator[tuple[int, list[str]]]
    keys: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.keys = {}
        for i, name in enumerate(self.header):
            self.keys.setdefault(column_key(name), i)

    def find(self, *keys: str) -> int | None:
        """The index of the first column whose key is one of `keys`, or None."""
        return next((self.keys[k] for k in keys if k in self.keys), None)

    def require(self, columns: dict[str, str], label: str, other: tuple[str, set[str]]) -> None:
        """Refuse a file without the columns (key -> name) this format needs, saying if it
        looks like the `other` format (its name and the keys that give it away)."""
        missing = [name for key, name in columns.items() if key not in self.keys]
        if missing:
            word = "column" if len(missing) == 1 else "columns"
            hint = f" (it looks like a {other[0]})" if self.keys.keys() >= other[1] else ""
            raise ImportFileError(
                self.path,
                f"not a {label}: missing {word} {', '.join(missing)}{hint}",
                line=self.header_line,
            )

    def name(self, index: int) -> str:
        """The column's name as the header writes it."""
        return self.header[index].strip()


def _delimiter(line: str) -> str:
    """The delimiter the header line uses most outside quotes (comma if none)."""
    bare = _QUOTED.sub("", line)
    counts = [bare.count(d) for d in _DELIMITERS]
    return _DELIMITERS[counts.index(max(counts))] if max(counts) else ","


def _numbered(reader: "_csv.Reader", offset: int) -> Iterator[tuple[int, list[str]]]:
    """Each non-blank row with the physical line it starts on (`offset` lines come before)."""
    last = reader.line_num
    for row in reader:
        first, last = last + 1, reader.line_num
        if len(row) > 1 or (row and row[0].strip()):
            yield first + offset, row


@contextmanager
def read_csv(path: Path, label: str) -> Iterator[CsvFile]:
    """Open a CSV export (`label` names the format in errors); raises ImportFileError if the
    file is empty or not text."""
    encoding = detect_encoding(path, label)
    with path.open(encoding=encoding, newline="") as f:
        blank = 0
        for line in f:
            if line.strip():
                break
            blank += 1
        else:
            raise ImportFileError(path, "the file is empty: no workouts")
        reader = csv.reader(chain([line], f), delimiter=_delimiter(line))
        try:
            header = next(reader)
            rows = _numbered(reader, blank)
            yield CsvFile(path, header, blank + 1, reader.dialect.delimiter, rows)
        except csv.Error as e:
            raise ImportFileError(
                path, f"not a readable {label}: {e}", line=reader.line_num + blank
            ) from None


def parse_datetime(text: str) -> datetime:
    """A date and time as the apps write it: ISO 8601 ("2021-02-10 16:46:13"), "7 Apr 2026, 10:14"
    or "Jun 11, 2026, 1:01 PM"; naive unless the text gives an offset. Raises ValueError."""
    s = text.strip()
    if s[:4].isdigit() and s[4:5] == "-":
        return datetime.fromisoformat(s)
    day = month = year = None
    hour, minute, second, shift = 0, 0, 0, None
    for token in s.replace(",", " ").casefold().split():
        time = _TIME.match(token)
        if time:
            hour, minute, second = int(time[1]), int(time[2]), int(time[3] or 0)
            shift = _MERIDIEM[time[4]] if time[4] else shift
        elif token in _MERIDIEM:
            shift = _MERIDIEM[token]
        elif token.rstrip(".") in _MONTHS and month is None:
            month = _MONTHS[token.rstrip(".")]
        elif token.isdigit() and len(token) == 4 and year is None:
            year = int(token)
        elif token.isdigit() and len(token) <= 2 and day is None:
            day = int(token)
        elif token.rstrip(".") not in _WEEKDAYS:
            raise ValueError(f"unexpected {token!r}")
    if day is None or month is None or year is None:
        raise ValueError("no day, month and year")
    if shift is not None:
        if not 1 <= hour <= 12:
            raise ValueError("hour out of range for AM/PM")
        hour = hour % 12 + shift
    return datetime(year, month, day, hour, minute, second)


def parse_duration_min(text: str) -> float:
    """Minutes in a duration such as "1h 5m", "38min", "2h" or "45s". Raises ValueError."""
    s = text.strip().casefold()
    parts = _DURATION_PART.findall(s)
    if not parts or _DURATION_PART.sub("", s).strip():
        raise ValueError("not a duration")
    if any(unit not in _DURATION_UNITS for _, unit in parts):
        raise ValueError("unknown unit")
    return sum(float(n.replace(",", ".")) * _DURATION_UNITS[u] for n, u in parts)


class Values:
    """Reads a file's values, each distinct text once; raises ValueProblem naming column and value."""

    def __init__(self, *, decimal_comma: bool, date_example: str) -> None:
        self.decimal_comma, self.date_example = decimal_comma, date_example
        self._amounts: dict[tuple[str, float], dict[str, float | None]] = {}
        self._counts: dict[str, int | None] = {}
        self._rpes: dict[str, float | None] = {}
        self._dates: dict[str, datetime] = {}
        self._entries: dict[tuple[object, ...], SetEntry] = {}

    def _float(self, text: str, column: str) -> float:
        s = text.strip()
        if self.decimal_comma and s.count(",") == 1 and "." not in s:
            s = s.replace(",", ".")
        try:
            value = float(s) if s else 0.0
        except ValueError:
            raise ValueProblem("not a number", column, text) from None
        if not math.isfinite(value) or "_" in s:
            raise ValueProblem("not a number", column, text)
        return value

    def amount(self, text: str, column: str, bound: str, scale: float = 1.0) -> float | None:
        """A weight, time or distance times `scale`, within RANGES[bound]; empty or 0 is None."""
        cache = self._amounts.get((bound, scale))
        if cache is None:
            cache = self._amounts[bound, scale] = {}
        try:
            return cache[text]
        except KeyError:
            pass
        value = self._float(text, column)
        if value < 0:
            raise ValueProblem("must not be negative", column, text)
        # Converted values are kept to the gram, metre or millisecond.
        result = (value if scale == 1.0 else round(value * scale, 3)) or None
        problem = RANGES[bound].problem(result or RANGES[bound].high)
        if problem:
            unit = RANGES[bound].unit
            shown = f" (it is {result:,g} {unit})" if scale != 1.0 and unit else ""
            raise ValueProblem(f"{problem}{shown}", column, text)
        cache[text] = result
        return result

    def reps(self, text: str, column: str) -> int | None:
        """Reps ("8" or "8.0") within RANGES["set.reps"]; empty or 0 is None."""
        value = self.position(text, column) or None
        problem = RANGES["set.reps"].problem(value or 1)
        if problem:
            raise ValueProblem(problem, column, text)
        return value

    def position(self, text: str, column: str) -> int | None:
        """A whole number 0 or more, such as a set number; empty is None."""
        try:
            return self._counts[text]
        except KeyError:
            pass
        value = self._float(text, column)
        if value < 0 or value != int(value):
            raise ValueProblem("must be a whole number, 0 or more", column, text)
        self._counts[text] = result = int(value) if text.strip() else None
        return result

    def rpe(self, text: str, column: str) -> float | None:
        """An RPE from 1 to 10; empty or 0 (the apps' "not given") is None."""
        try:
            return self._rpes[text]
        except KeyError:
            pass
        value = self._float(text, column)
        if value and not 1 <= value <= 10:
            raise ValueProblem("RPE must be from 1 to 10", column, text)
        self._rpes[text] = result = value or None
        return result

    def date(self, text: str, column: str) -> datetime:
        """A date and time (naive unless the text has an offset)."""
        try:
            return self._dates[text]
        except KeyError:
            pass
        try:
            value = parse_datetime(text)
        except ValueError:
            raise ValueProblem(
                f"not a date and time (such as {self.date_example})", column, text
            ) from None
        self._dates[text] = value
        return value

    def entry(
        self,
        reps: int | None,
        seconds: float | None,
        weight_kg: float | None,
        rpe: float | None,
        set_type: SetType,
    ) -> SetEntry:
        """The set with these values; equal sets share one object (they are immutable)."""
        key = (reps, seconds, weight_kg, rpe, set_type)
        found = self._entries.get(key)
        if found is None:
            found = self._entries[key] = SetEntry(reps, seconds, weight_kg, rpe, set_type)
        return found


def set_type_of(text: str) -> SetType | None:
    """A set type written as Hevy ("warmup", "dropset") or Strong ("W", "D", "F") writes it."""
    return _SET_TYPES.get(column_key(text))


_SET_TYPES = {
    **dict.fromkeys(("", "normal", "n", "working", "work"), SetType.NORMAL),
    **dict.fromkeys(("warmup", "w", "warm"), SetType.WARMUP),
    **dict.fromkeys(("failure", "f", "fail"), SetType.FAILURE),
    **dict.fromkeys(("dropset", "d", "drop"), SetType.DROP),
}
