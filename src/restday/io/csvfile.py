"""What the Strong and Hevy CSV importers share: reading the file, its dates and durations.

A file is streamed, never read whole: its encoding is found in one pass over the bytes (UTF-8 with
or without BOM, UTF-16 with BOM or, as its NULs show, without; else Windows-1252/Latin-1), its
delimiter from the header line (comma, semicolon or tab), and each row comes with the physical line
it starts on, embedded newlines in quoted notes counted. Whatever the bytes, reading ends in rows
or an ImportFileError: bytes that do not decode in the encoding a byte-order mark (or UTF-16's
NULs) chose are kept apart, as U+DC00 + byte, and refuse the row that holds them; a quote never
closed or a field over csv's limit refuses the file at the line of the row.
"""

import codecs
import csv
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from restday.domain.session import LB_IN_KG
from restday.errors import ImportFileError
from restday.io.base import unreadable

if TYPE_CHECKING:
    import _csv

__all__ = [
    "LB_IN_KG",
    "MILE_IN_KM",
    "CsvFile",
    "ValueProblem",
    "column_key",
    "detect_encoding",
    "parse_datetime",
    "parse_duration_min",
    "read_csv",
]

MILE_IN_KM = 1.609344

_CHUNK = 1 << 20
_SHOWN_MAX = 100  # characters of a value or column name an error shows
_UNDECODED = "restday-undecoded"  # the decoding error handler: a byte that does not decode
_ESCAPED = re.compile("[\udc00-\udcff]")  # ... as U+DC00 + byte, never a character of a text
_NAMES = {"utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16"}
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


def _cut(text: str | None) -> str | None:
    """`text` as an error shows it: at most _SHOWN_MAX characters."""
    return text if text is None or len(text) <= _SHOWN_MAX else f"{text[:_SHOWN_MAX]}…"


class ValueProblem(ValueError):
    """A value in a row that cannot be read; becomes an ImportFileError or a SkippedRow."""

    def __init__(self, problem: str, column: str | None = None, value: str | None = None) -> None:
        super().__init__(problem)
        self.problem, self.column, self.value = problem, _cut(column), _cut(value)


def _escape_undecoded(error: UnicodeError) -> tuple[str, int]:
    """Bytes that do not decode, each kept as U+DC00 + byte (`_shown` writes them \\xff)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return "".join(chr(0xDC00 + b) for b in error.object[error.start : error.end]), error.end


codecs.register_error(_UNDECODED, _escape_undecoded)


def _shown(text: str) -> str:
    """A text read with undecoded bytes, those bytes written as \\xff."""
    return _ESCAPED.sub(lambda m: f"\\x{ord(m[0]) - 0xDC00:02x}", text)


def _decodes(f: BinaryIO, encoding: str, binary: ImportFileError | None = None) -> bool:
    """Whether all of `f` decodes in `encoding`; raises `binary`, if given, at a NUL byte."""
    f.seek(0)
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        while chunk := f.read(_CHUNK):
            if binary is not None and b"\x00" in chunk:
                raise binary
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _utf16(head: bytes) -> str | None:
    """UTF-16 without a byte-order mark, little or big endian, if the NULs of the file's first
    bytes are the high bytes of its characters (as in CSV's ASCII header and digits)."""
    even, odd = head[0::2], head[1::2]
    if b"\x00" not in even and odd.count(0) * 2 >= len(odd) > 0:
        return "utf-16-le"
    if b"\x00" not in odd and even.count(0) * 2 >= len(even) > 0:
        return "utf-16-be"
    return None


def _encoding(path: Path, label: str) -> tuple[str, bool]:
    """The file's text encoding, and whether some bytes do not decode in it (only when a
    byte-order mark or UTF-16's NULs chose it); ImportFileError for a file that is not text."""
    with path.open("rb") as f:
        head = f.read(_CHUNK)
        found = None
        if head.startswith(codecs.BOM_UTF8):
            found = "utf-8-sig"
        elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            found = "utf-16"
        elif b"\x00" in head:
            found = _utf16(head)
            if found is None:
                raise ImportFileError(path, f"not a {label}: it is binary, not text")
        if found is not None:
            return found, not _decodes(f, found)
        binary = ImportFileError(path, f"not a {label}: it is binary, not text")
        for encoding in ("utf-8", "cp1252"):
            if _decodes(f, encoding, binary):
                return encoding, False
    return "latin-1", False


def detect_encoding(path: Path, label: str) -> str:
    """The file's text encoding ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", ...);
    raises ImportFileError for a file that is not text."""
    return _encoding(path, label)[0]


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
    undecoded: str | None = None  # the encoding, when some bytes do not decode in it
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

    def check(self, row: Sequence[str]) -> None:
        """Raise ValueProblem for a row with bytes not decoded, or not as wide as the header."""
        if self.undecoded is not None:
            for i, text in enumerate(row):
                if _ESCAPED.search(text):
                    raise ValueProblem(
                        f"holds bytes that are not {self.undecoded} text (the file's encoding)",
                        self.name(i) if i < len(self.header) else None,
                        _shown(text),
                    )
        if len(row) != len(self.header):
            raise ValueProblem(
                f"the row has {len(row)} fields where the header has {len(self.header)}"
            )


def _delimiter(line: str) -> str:
    """The delimiter the header line uses most outside quotes (comma if none)."""
    bare = _QUOTED.sub("", line)
    counts = [bare.count(d) for d in _DELIMITERS]
    return _DELIMITERS[counts.index(max(counts))] if max(counts) else ","


_DELIMITER_NAMES = {",": "a comma", ";": "a semicolon", "\t": "a tab"}


def _read(reader: "_csv.Reader", path: Path, label: str, line: int) -> list[str] | None:
    """The reader's next row, or None at the end; ImportFileError naming the row's first `line`
    if csv cannot read it."""
    try:
        return next(reader, None)
    except csv.Error as e:
        problem = str(e)
        if problem == "unexpected end of data":
            problem = "a quote opened in this row is never closed"
        elif problem.startswith("field larger than field limit"):
            problem = f"a field is longer than {csv.field_size_limit():,} characters (or a quote"
            problem += " is never closed)"
        elif problem.endswith("expected after '\"'"):
            after = _DELIMITER_NAMES[reader.dialect.delimiter]
            problem = f"a closing quote must be followed by {after} or the end of the line"
        raise ImportFileError(path, f"not a readable {label}: {problem}", line=line) from None


def _numbered(
    reader: "_csv.Reader", offset: int, path: Path, label: str
) -> Iterator[tuple[int, list[str]]]:
    """Each non-blank row with the physical line it starts on (`offset` lines come before)."""
    last = reader.line_num
    while (row := _read(reader, path, label, last + 1 + offset)) is not None:
        first, last = last + 1, reader.line_num
        if len(row) > 1 or (row and row[0].strip()):
            yield first + offset, row


@contextmanager
def read_csv(path: Path, label: str) -> Iterator[CsvFile]:
    """Open a CSV export (`label` names the format in errors); raises ImportFileError if the
    file cannot be read, is empty, not text or not CSV (a quote never closed)."""
    try:
        with _opened(path, label) as csv_file:
            yield csv_file
    except OSError as error:
        raise unreadable(path, error) from None


@contextmanager
def _opened(path: Path, label: str) -> Iterator[CsvFile]:
    encoding, undecoded = _encoding(path, label)
    with path.open(encoding=encoding, errors=_UNDECODED, newline="") as f:
        blank = 0
        for line in f:
            if line.replace("\ufeff", "").strip():  # a blank line, or byte-order marks
                break
            blank += 1
        else:
            raise ImportFileError(path, "the file is empty: no workouts")
        reader = csv.reader(chain([line], f), delimiter=_delimiter(line), strict=True)
        header = _read(reader, path, label, blank + 1) or []
        name = _NAMES[encoding] if undecoded else None
        if name and any(_ESCAPED.search(text) for text in header):
            raise ImportFileError(
                path,
                f"not a {label}: the header holds bytes that are not {name} text",
                line=blank + 1,
            )
        rows = _numbered(reader, blank, path, label)
        yield CsvFile(path, header, blank + 1, reader.dialect.delimiter, rows, name)


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
