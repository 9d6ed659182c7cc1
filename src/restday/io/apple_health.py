"""Apple Health exports: nights of sleep, resting heart rate, HRV (SDNN), body mass and workouts.

Reads the zip the Health app writes (`export.zip` with `apple_health_export/export.xml` and
`workout-routes/*.gpx`), the unzipped `apple_health_export` folder, or a bare `export.xml`.
Real exports reach gigabytes: export.xml is streamed (out of the zip without extracting it) with
lxml's iterparse, each element dropped once read, so memory stays flat whatever the size; only
heart-rate samples are kept (12 bytes each) for workouts that give no heart rate of their own.
Entities are not expanded and nothing is fetched (Apple's internal DTD subset is parsed, not
loaded). Records of other types (steps, energy, ActivitySummary, Correlation, ECG ...) are left
out with one warning counting them. Sleep, readings: `apple_health_records`; workouts:
`apple_health_workouts`; what is read and how: docs/apple-health.md.
"""

import math
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import IO, Any, cast

from restday.errors import ImportFileError
from restday.io.apple_health_records import (
    READINGS,
    Fields,
    Nights,
    record_reading,
    source,
)
from restday.io.apple_health_workouts import Workouts
from restday.io.archive import Export, Folder, Zip, copy_member
from restday.io.base import ParseResult, unreadable
from restday.io.track import Broken, Invalid, free, local_name

__all__ = ["is_export", "parse", "source"]

Progress = Callable[[int, int], None]

_MEMBER = "apple_health_export/export.xml"
_ROOT = "HealthData"
# Every element at the top of HealthData that Apple writes: the ones not read are counted.
_TAGS = (
    "Record",
    "Workout",
    "Correlation",
    "ActivitySummary",
    "ClinicalRecord",
    "Audiogram",
    "VisionPrescription",
)
_HEART_RATE = "HKQuantityTypeIdentifierHeartRate"
_SLEEP = "HKCategoryTypeIdentifierSleepAnalysis"
_TYPE_PREFIXES = ("HKQuantityTypeIdentifier", "HKCategoryTypeIdentifier", "HKDataType")
_TAG_SET = frozenset(_TAGS)
# Apple's largest elements (a workout's events, an HRV's beat list) hold hundreds of elements;
# nothing inside one top element is dropped until it ends, so this bounds the memory it takes.
_INSIDE_MAX = 100_000
_PROGRESS_EVERY = 4 * 1024 * 1024
_HEAD_MAX = 1024 * 1024  # the root element starts within this (Apple's DTD is ~10 KB)
_BROKEN_ZIP = (zipfile.BadZipFile, zlib.error, EOFError)


# The control characters XML 1.0 forbids (all below 0x20 but tab, line feed, carriage return).
_NOT_XML = bytes(c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D))


class _Repaired:
    """export.xml as lxml can read it, its line numbers kept: an internal DTD that does not
    parse (iOS 16 wrote ATTLISTs without their closing `>`), which restday never uses, is
    blanked to its line breaks; the control characters XML forbids (Apple writes \x0b in some
    values) are dropped and counted. A UTF-16 file passes unchanged: in it such bytes are parts
    of characters."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.pending: bytes | None = None  # None until the head is read
        self.utf8 = True
        self.dropped = 0
        self.dtd_skipped = False

    def read(self, size: int = -1) -> bytes:
        if self.pending is None:
            head = self.raw.read(_HEAD_MAX)
            self.utf8 = not head.startswith((b"\xff\xfe", b"\xfe\xff"))
            if self.utf8:
                head = self._clean(head)
                blanked = _without_dtd(head)
                self.dtd_skipped = blanked != head and not _prolog_parses(head)
                head = blanked if self.dtd_skipped else head
            self.pending = head
        if self.pending:
            end = len(self.pending) if size < 0 else size
            data, self.pending = self.pending[:end], self.pending[end:]
            return data
        data = self.raw.read(size)
        return self._clean(data) if self.utf8 else data

    def _clean(self, data: bytes) -> bytes:
        kept = data.translate(None, _NOT_XML)
        self.dropped += len(data) - len(kept)
        return kept


def _prolog_parses(head: bytes) -> bool:
    """Whether what comes before the root element (the XML declaration and DTD) parses."""
    from lxml import etree

    parser = etree.XMLPullParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        parser.feed(head[: head.find(b"<" + _ROOT.encode())])
    except etree.XMLSyntaxError:
        return False
    return True


def _without_dtd(head: bytes) -> bytes:
    """`head` with the document type declaration before the root replaced by its line breaks."""
    start = head.find(b"<!DOCTYPE")
    root = head.find(b"<" + _ROOT.encode(), max(start, 0))
    if start < 0 or root < 0:
        return head
    end = head.rfind(b"]>", start, root)
    end = end + 2 if end >= 0 else head.find(b">", start, root) + 1
    if end <= start:
        return head
    return head[:start] + b"\n" * head.count(b"\n", start, end) + head[end:]


class _Counted:
    """A binary stream that replays what was read ahead, counts the bytes and reports them."""

    def __init__(self, raw: IO[bytes], total: int, progress: Progress | None) -> None:
        self.raw, self.total, self.progress = raw, total, progress
        self.done = 0
        self.head = b""
        self.next_report: float = _PROGRESS_EVERY

    def read(self, size: int = -1) -> bytes:
        if self.head:
            data, self.head = self.head, b""
            return data
        data = self.raw.read(size)
        self.done += len(data)
        if self.progress is not None and (self.done >= self.next_report or not data):
            self.next_report = self.done + _PROGRESS_EVERY if data else math.inf
            self.progress(self.done, max(self.total, self.done))
        return data


class _Routes:
    """The route GPX files beside export.xml, in its folder or its zip, copied out one by one."""

    def __init__(self, export: Export, stack: ExitStack) -> None:
        self.export, self.stack = export, stack
        self.copies: Path | None = None

    def __call__(self, name: str) -> Path | None:
        """A copy of `name` ("workout-routes/route_2024-03-10_7.30am.gpx"), None if the export
        does not hold it; ImportFileError if it cannot be read."""
        stream = self.export.open(name)
        if stream is None:
            return None
        if self.copies is None:
            self.copies = Path(self.stack.enter_context(TemporaryDirectory()))
        copy = self.copies / "route.gpx"
        copy_member(stream, copy, self.export.label(name))
        return copy


@dataclass(slots=True)
class _Export:
    """Where export.xml is: the name errors give, its stream and size, and its routes."""

    label: str
    stream: IO[bytes]
    size: int
    routes: _Routes
    repaired: _Repaired = field(init=False)

    def __post_init__(self) -> None:
        self.repaired = _Repaired(self.stream)


def _open_zip(path: Path, stack: ExitStack) -> _Export:
    """The export.xml of a zip, streamed out of it: it can be far larger than what `archive`
    copies out of a zip."""
    try:
        zf = stack.enter_context(zipfile.ZipFile(path))
        if any(not info.filename for info in zf.infolist()):
            raise zipfile.BadZipFile("a member without a name")
        archive = Zip(path, zf, "export.xml")
    except (*_BROKEN_ZIP, ValueError, NotImplementedError) as error:
        raise ImportFileError(path, f"not a readable zip archive ({error})") from None
    except ImportFileError:  # no export.xml at its top or one folder down
        raise ImportFileError(
            path, f"the zip holds no {_MEMBER}: not an Apple Health export"
        ) from None
    label = archive.label("export.xml")
    info = archive.zf.getinfo(archive.anchor)
    try:
        stream = stack.enter_context(archive.zf.open(info))
    except (*_BROKEN_ZIP, RuntimeError, NotImplementedError) as error:  # encrypted, unknown method
        raise ImportFileError(label, f"cannot be read ({error})") from None
    return _Export(label, stream, info.file_size, _Routes(archive, stack))


def _open(path: Path, stack: ExitStack) -> _Export:
    """The export.xml of a zip, a folder or the file itself, opened for streaming."""
    if path.is_dir():
        found = [p for p in (path / "export.xml", path / _MEMBER) if p.is_file()]
        if not found:
            raise ImportFileError(
                path, "the folder holds no export.xml: not an Apple Health export"
            )
        path = found[0]
    stream = stack.enter_context(path.open("rb"))
    if stream.read(4) in (b"PK\x03\x04", b"PK\x05\x06") or path.suffix.lower() == ".zip":
        return _open_zip(path, stack)
    stream.seek(0)
    routes = _Routes(Folder(path.parent), stack)
    return _Export(str(path), stream, path.stat().st_size, routes)


def _check_start(label: str, head: bytes) -> None:
    """Raise ImportFileError if the file's first bytes are not the start of an XML document."""
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not start:
        raise ImportFileError(label, "the file is empty, not an Apple Health export")
    if not start.startswith((b"<", b"\xff\xfe", b"\xfe\xff")):  # UTF-16 has its own marks
        raise ImportFileError(label, "not an Apple Health export (it is not XML)")


def _check_root(label: str, counted: _Counted) -> None:
    """Raise ImportFileError unless the document's root is <HealthData>; what was read ahead
    is replayed to the parser that follows."""
    from lxml import etree

    parser = etree.XMLPullParser(
        events=("start",), resolve_entities=False, no_network=True, load_dtd=False
    )
    head = b""
    while len(head) < _HEAD_MAX:
        chunk = counted.read(1 << 16)
        if not head:
            _check_start(label, chunk)
        head += chunk
        try:
            if chunk:
                parser.feed(chunk)
            else:
                parser.close()
            for _, element in parser.read_events():
                name = local_name(element.tag)
                if name != _ROOT:
                    raise ImportFileError(
                        label, f"not an Apple Health export: its root element is <{name}>"
                    )
                counted.head = head
                return
        except etree.XMLSyntaxError as error:
            raise _broken_xml(label, error) from None
        if not chunk:
            break
    raise ImportFileError(label, "not an Apple Health export: no root element in its first 1 MB")


def is_export(path: Path) -> bool:
    """Whether the XML file at `path` is an export.xml: its root, within the first 1 MB (past
    Apple's DTD, in any encoding XML allows), is <HealthData>."""
    try:
        with path.open("rb") as stream:
            _check_root(str(path), _Counted(stream, 0, None))
    except (ImportFileError, OSError):
        return False
    return True


def _broken_xml(label: str, error: Any) -> ImportFileError:
    """The error for XML that lxml cannot read (cut off, damaged), naming its line."""
    return ImportFileError(label, f"broken XML ({error.msg or error})", line=error.lineno or None)


class _Reader:
    """Dispatches each element of the export to what reads it, and counts what is left out."""

    def __init__(self, fields: Fields, result: ParseResult) -> None:
        self.fields, self.result = fields, result
        self.nights = Nights()
        self.workouts = Workouts()
        self.left_out: Counter[str] = Counter()

    def element(self, element: Any) -> None:
        """Read one element at the top of the export, or count it as left out."""
        tag = element.tag
        try:
            if tag == "Record":
                kind = element.get("type")
                if kind == _HEART_RATE:
                    self.workouts.heart_rate(element, self.fields)
                elif kind == _SLEEP:
                    self.nights.add(element, self.fields)
                elif kind in READINGS:
                    self.result.readings.append(record_reading(element, kind, self.fields))
                else:
                    self.left_out[kind or "(no type)"] += 1
            elif tag == "Workout":
                self.workouts.add(element, self.fields)
            else:
                self.left_out[tag] += 1
        except Broken:
            pass  # reported: a skipped row with skip_invalid, else an ImportFileError

    def finish(self, routes: _Routes) -> None:
        """Add the nights and the sessions, and the warning counting what was left out."""
        self.nights.readings(self.result)
        self.workouts.sessions(self.result, routes)
        if self.left_out:
            total = sum(self.left_out.values())
            shown = ", ".join(f"{_short(k)} {n:,}" for k, n in self.left_out.most_common(5))
            more = len(self.left_out) - 5
            shown += f" and {more:,} more {'type' if more == 1 else 'types'}" if more > 0 else ""
            records = "record" if total == 1 else "records"
            self.result.warnings.append(
                f"left out {total:,} {records} of types restday does not read ({shown})"
            )


def _short(kind: str) -> str:
    """A record type without Apple's prefix: "StepCount"."""
    for prefix in _TYPE_PREFIXES:
        kind = kind.removeprefix(prefix)
    return kind


def _stream(export: _Export, reader: _Reader, progress: Progress | None) -> None:
    """Read every element of export.xml into `reader`, dropping each once read."""
    from lxml import etree

    counted = _Counted(cast("IO[bytes]", export.repaired), export.size, progress)
    _check_root(export.label, counted)
    # Every element's end, not only those read: an element restday does not know is dropped
    # too, so that a file (a zip bomb) of millions of them fills no memory.
    context = etree.iterparse(
        counted,
        events=("end",),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    root = None
    inside = 0  # elements ended within the top element being read
    try:
        for _, element in context:
            if root is None:
                root = element.getroottree().getroot()
            # A Correlation's records also appear on their own: read those only.
            if element.getparent() is not root:
                inside += 1
                if inside > _INSIDE_MAX:
                    raise _too_large(export.label, element)
                continue
            inside = 0
            if element.tag in _TAG_SET:
                reader.element(element)
            free(element)
    except etree.XMLSyntaxError as error:
        raise _broken_xml(export.label, error) from None


def _too_large(label: str, element: Any) -> ImportFileError:
    """The error for a top element holding more than _INSIDE_MAX elements."""
    ancestors = list(element.iterancestors())
    top = ancestors[-2] if len(ancestors) > 1 else element  # the one below <HealthData>
    return ImportFileError(
        label,
        f"a <{local_name(top.tag)}> holding more than {_INSIDE_MAX:,} elements, "
        "not what the Health app writes",
        line=top.sourceline,
    )


def parse(
    path: Path, *, skip_invalid: bool = False, progress: Progress | None = None
) -> ParseResult:
    """Read an Apple Health export (zip, folder or export.xml): sleep, resting heart rate, HRV,
    body mass and workouts; `progress(bytes_read, total_bytes)` is called every few MB."""
    path = Path(path)
    result = ParseResult()
    try:
        with ExitStack() as stack:
            export = _open(path, stack)
            fields = Fields(Invalid(Path(export.label), skip_invalid, result.skipped))
            reader = _Reader(fields, result)
            try:
                _stream(export, reader, progress)
                reader.finish(export.routes)
                if export.repaired.dtd_skipped:
                    result.warnings.append(
                        "its DTD is broken (as iOS 16 wrote it) and was skipped: restday does "
                        "not use it"
                    )
                dropped = export.repaired.dropped
                if dropped:
                    what = "control character" if dropped == 1 else "control characters"
                    result.warnings.append(
                        f"dropped {dropped:,} {what} that XML does not allow (Apple's export "
                        "writes some into names and values)"
                    )
            except _BROKEN_ZIP as error:
                raise ImportFileError(export.label, f"the zip is damaged ({error})") from None
            if not result.sessions and not result.readings:
                raise ImportFileError(
                    export.label,
                    "nothing to import: no workouts, sleep, resting heart rate, HRV or body mass",
                )
    except OSError as error:
        raise unreadable(path, error) from None
    return result
