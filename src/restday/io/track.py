"""What the track formats (FIT, GPX, TCX) share: sport names, times, distances, heart rate, XML."""

import math
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import cache
from itertools import islice
from pathlib import Path
from typing import IO, Any

from restday.catalog import load_activities
from restday.domain import ActivityKind
from restday.domain.bounds import LATEST_ASKED, RANGES
from restday.errors import ImportFileError
from restday.io.base import SkippedRow, unreadable

__all__ = [
    "READING_MAX",
    "Broken",
    "HeartRates",
    "Implausible",
    "Invalid",
    "LocalNames",
    "file_bytes",
    "free",
    "haversine_m",
    "heart_rate_summary",
    "left_out_warning",
    "local_name",
    "parse_time",
    "reading",
    "sport_name",
    "summary_warning",
    "xml_elements",
]

# No GPS watch recorded anything before EARLIEST (1970); earlier times are placeholders (GPSBabel
# writes 1901). Times outside [_FIRST_CLOCK, LATEST_ASKED) are no clock's (year 1, year 9999): not
# plausible times. The import gate narrows this further, to a few days after now.
_FIRST_CLOCK = datetime(1900, 1, 1, tzinfo=UTC)

# No reading a device writes (bpm, metres, seconds) comes near this; a larger one is damage. It
# keeps sums and products of readings finite; the import gate has the real bounds.
READING_MAX = 1e9

# Mean Earth radius (IUGG), metres.
_EARTH_RADIUS_M = 6_371_008.8

_SEPARATORS = re.compile(r"[\s_-]+")

# Device words for sports that the catalogue's names and aliases do not cover: FIT sport and
# sub-sport names, Garmin Connect and Strava activity types (CamelCase collapses to one word),
# TCX's Sport attribute. Ambiguous sub-sports (treadmill, trail, track, street) are left out:
# a treadmill can be walked on.
_DEVICE_SPORTS = {
    "run": "run",
    "treadmill-running": "run",
    "street-running": "run",
    "track-running": "run",
    "indoor-running": "run",
    "trailrun": "run",
    "virtual-run": "run",
    "virtualrun": "run",
    "ultra-run": "run",
    "9": "run",  # Strava's GPX <type> for Run
    "bike": "bike",
    "cycle": "bike",
    "road-biking": "bike",
    "road-cycling": "bike",
    "mountain-biking": "bike",
    "gravel-cycling": "bike",
    "indoor-cycling": "bike",
    "virtual-ride": "bike",
    "virtualride": "bike",
    "e-biking": "bike",
    "e-bike-ride": "bike",
    "ebikeride": "bike",
    "1": "bike",  # Strava's GPX <type> for Ride
    "swim": "swim",
    "lap-swimming": "swim",
    "open-water": "swim",
    "open-water-swimming": "swim",
    "row": "row",
    "indoor-rowing": "row",
    "walk": "walk",
    "casual-walking": "walk",
    "speed-walking": "walk",
    "indoor-walking": "walk",
    "hike": "hike",
    "mountaineering": "hike",
    "ski": "ski",
    "alpine-skiing": "ski",
    "alpineski": "ski",
    "resort-skiing": "ski",
    "backcountry-skiing": "ski",
    "backcountryski": "ski",
    "nordicski": "ski",
    "skate-skiing": "ski",
}


def _key(name: str) -> str:
    """Casefolded, separators as one hyphen, Garmin's "_ws" (winter sport) suffix dropped."""
    key = _SEPARATORS.sub("-", name.strip().casefold()).strip("-")
    return key.removesuffix("-ws")


@cache
def _sport_names() -> dict[str, str]:
    """Every known sport word (key form) to our sport name: device words, then the catalogue's."""
    names = dict(_DEVICE_SPORTS)
    for activity in load_activities().values():
        if activity.kind is ActivityKind.SPORT:
            names.update({_key(n): activity.name for n in (activity.name, *activity.aliases)})
    return names


def sport_name(name: str | None) -> str | None:
    """Our sport name ("run", "bike" ...) for a device's sport word, or None if it is not known."""
    return _sport_names().get(_key(name)) if name else None


class Implausible(ValueError):
    """A value that reads as a time but that no clock can have written (year 1, year 9999)."""


def parse_time(text: str) -> datetime:
    """An ISO 8601 time as aware UTC (GPX and TCX define a time without zone as UTC).

    Raises ValueError if it is not a time, Implausible (a ValueError) if it is before 1900 or
    from 2100 on, or cannot be written in UTC at all.
    """
    moment = datetime.fromisoformat(text.strip())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        moment = moment.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00+01:00 is a moment before year 1
        raise Implausible(text) from None
    if not _FIRST_CLOCK <= moment < LATEST_ASKED:
        raise Implausible(text)
    return moment


def reading(text: str) -> float:
    """A device's reading (bpm, metres, seconds) from 0 to READING_MAX; ValueError otherwise
    (not a number, nan, inf, negative, absurdly large)."""
    value = float(text)
    if not 0.0 <= value <= READING_MAX:  # nan fails too
        raise ValueError(text)
    return value


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_M * math.asin(math.sqrt(min(1.0, h)))


# Heart rates no heart makes: a sample outside this range is a sensor's glitch, left out.
_HR = RANGES["session.avg_hr_bpm"]
_HR_WORDS = f"{_HR.low:g}-{_HR.high:g} {_HR.unit}"


class HeartRates:
    """Mean and maximum of heart-rate samples (bpm), kept as running totals; 0 means no reading,
    and a sample outside RANGES["session.avg_hr_bpm"] is counted in `outside` and left out."""

    __slots__ = ("count", "outside", "peak", "total")

    def __init__(self) -> None:
        self.total = 0.0
        self.count = 0
        self.peak = 0.0
        self.outside = 0

    def add(self, bpm: float | None) -> None:
        """Count one sample; None and 0 (a lost sensor) are not readings, and one outside the
        range (a glitch, nan, inf) is left out."""
        if bpm is None or bpm == 0.0:
            return
        if _HR.low <= bpm <= _HR.high:
            self.total += bpm
            self.count += 1
            self.peak = max(self.peak, bpm)
        else:
            self.outside += 1

    @property
    def average(self) -> float | None:
        """Mean bpm to one decimal, None without samples."""
        return round(self.total / self.count, 1) if self.count else None

    @property
    def maximum(self) -> float | None:
        """Highest bpm, None without samples."""
        return self.peak if self.count else None


def heart_rate_summary(bpm: float | None, bound: str) -> float | None:
    """A device's summary heart rate (RANGES[bound]: its average or maximum) if it is in range,
    else None: treated as missing, as a summary not given."""
    if bpm is None or RANGES[bound].problem(bpm):
        return None
    return bpm


def left_out_warning(label: str, outside: int) -> str:
    """The warning for a session's samples outside the range: "track 1: left out 1 ..."."""
    readings = "reading" if outside == 1 else "readings"
    return f"{label}: left out {outside:,} heart-rate {readings} outside {_HR_WORDS}"


def summary_warning(label: str, found: list[str]) -> str:
    """The warning for a session's summary heart rates outside the range (`found`: each as
    "MaximumHeartRateBpm 255"), treated as missing."""
    shown = ", ".join(found[:3]) + (f" and {len(found) - 3:,} more" if len(found) > 3 else "")
    return f"{label}: heart rate outside {_HR_WORDS} treated as missing ({shown})"


class Broken(Exception):
    """A row (track point, lap) with a broken value, already reported and to be left out."""


class Invalid:
    """Broken values in a file: raised as ImportFileError, or with skip_invalid kept as skipped rows."""

    def __init__(self, path: Path, skip_invalid: bool, skipped: list[SkippedRow]) -> None:
        self.path, self.skip_invalid, self.skipped = path, skip_invalid, skipped

    def found(self, line: int | None, column: str, value: str | None, problem: str) -> None:
        """Report a broken value; returns only when skip_invalid is set (the caller skips the row)."""
        if not self.skip_invalid:
            raise ImportFileError(self.path, problem, line=line, column=column, value=value)
        self.skipped.append(SkippedRow(str(self.path), line or 0, problem, column, value))


def local_name(tag: Any) -> str:
    """An element's name without its namespace ("" for comments and processing instructions)."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def free(element: Any) -> None:
    """Drop an element that has been read, and the siblings before it, to keep memory flat."""
    element.clear(keep_tail=True)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


class LocalNames(dict[Any, str]):
    """Tag -> local name, computed once per distinct tag (much cheaper than per element)."""

    def __missing__(self, tag: Any) -> str:
        name = self[tag] = local_name(tag)
        return name


def file_bytes(path: Path) -> bytes:
    """The whole file; ImportFileError if it cannot be read (no permission, a folder, EIO)."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise unreadable(path, error) from None


HELD_MAX = 100_000
"""The most elements of a GPX or TCX file held in memory at once, read and not yet dropped: an
activity's hold a few dozen; millions of elements restday does not read (a zip bomb) are refused."""
_HELD_CHECK_BYTES = 1024 * 1024


class _Watched:
    """The file as iterparse reads it: every MB read, the elements held in the tree so far are
    counted (iterparse builds every element; the caller drops only those it reads)."""

    def __init__(self, file: IO[bytes], path: Path, fmt: str) -> None:
        self.file, self.path, self.fmt = file, path, fmt
        self.root: Any = None
        self.done = 0

    def read(self, size: int = -1) -> bytes:
        data = self.file.read(size)
        before, self.done = self.done, self.done + len(data)
        if self.root is not None and before // _HELD_CHECK_BYTES != self.done // _HELD_CHECK_BYTES:
            held = sum(1 for _ in islice(self.root.iter(), HELD_MAX + 1))
            if held > HELD_MAX:
                raise ImportFileError(
                    self.path,
                    f"holds more than {HELD_MAX:,} elements restday does not read (by byte "
                    f"{self.done:,}): not an activity {self.fmt} file",
                )
        return data


def xml_elements(path: Path, fmt: str, root: str, tags: tuple[str, ...]) -> Iterator[Any]:
    """Each element named in `tags` (any namespace) once it has been read, then the root.

    Raises ImportFileError if the file cannot be read, is empty, not XML, broken, or its root is
    not `root`. Entities stay unresolved and nothing is fetched from the network. The caller
    clears the elements it has used so memory stays flat.
    """
    try:
        yield from _elements(path, fmt, root, tags)
    except OSError as error:
        raise unreadable(path, error) from None


def _elements(path: Path, fmt: str, root: str, tags: tuple[str, ...]) -> Iterator[Any]:
    from lxml import etree

    with path.open("rb") as file:
        head = file.read(4096).removeprefix(b"\xef\xbb\xbf").lstrip()
        if not head:
            raise ImportFileError(path, f"the file is empty, not a {fmt} file")
        if not head.startswith((b"<", b"\xff\xfe", b"\xfe\xff")):  # UTF-16 has its own marks
            raise ImportFileError(path, f"not a {fmt} file (it is not XML)")
        file.seek(0)
        watched = _Watched(file, path, fmt)
        context = etree.iterparse(
            watched,
            events=("start", "end"),
            tag=(f"{{*}}{root}", *(f"{{*}}{t}" for t in tags)),
            resolve_entities=False,
            no_network=True,
            remove_comments=True,
            remove_pis=True,
        )
        try:
            for event, element in context:
                if event == "end":
                    yield element
                elif watched.root is None:
                    watched.root = element
        except etree.XMLSyntaxError as error:
            raise ImportFileError(
                path, f"broken XML ({error.msg or error})", line=error.lineno or None
            ) from None
    found = local_name(context.root.tag) if context.root is not None else ""
    if found != root:
        raise ImportFileError(path, f"not a {fmt} file (its root element is <{found}>)")
