"""GPX files (1.0 and 1.1) as endurance sessions: one session per recorded track (`trk`).

Read incrementally with lxml so memory stays flat. A track's duration runs from its first to its
last timed point, its distance is the great-circle length between consecutive timed points of a
segment (never across a gap between segments), and heart rate comes from the Garmin
TrackPointExtension (v1 or v2 `hr`) or any other `hr`/`heartrate` extension. Points without a time,
or with an impossible one (before 1970), are left out with a warning; a time no clock can have
written (year 1, year 9999) or a heart rate that is not a finite, non-negative number is a broken
value; a heart rate no heart makes (outside RANGES["session.avg_hr_bpm"], a sensor's glitch) is
left out of the track's average and maximum, with a warning. The sport comes from the track's
`<type>`; without one the session has no sport and a warning says so.
"""

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from restday.domain import Session, SessionKind
from restday.domain.bounds import EARLIEST
from restday.errors import ImportFileError
from restday.io.base import ImportedSession, ParseResult, fingerprint
from restday.io.track import (
    Broken,
    HeartRates,
    Implausible,
    Invalid,
    LocalNames,
    free,
    haversine_m,
    left_out_warning,
    local_name,
    parse_time,
    reading,
    sport_name,
    xml_elements,
)

__all__ = ["parse", "source"]

source = "gpx"

_HEART_RATE = frozenset({"hr", "heartrate", "heart_rate", "heartratebpm"})


@dataclass(slots=True)
class _Track:
    """Running totals for the track being read."""

    number: int
    points: int = 0
    timed: int = 0
    skipped: int = 0
    before_1970: str | None = None
    first: datetime | None = None
    last: datetime | None = None
    distance_m: float = 0.0
    previous: tuple[float, float] | None = None
    hr: HeartRates = field(default_factory=HeartRates)


_AXIS = {"lat": ("latitude", 90.0), "lon": ("longitude", 180.0)}


def _degrees(element: Any, column: str) -> float | None:
    """The lat or lon attribute as degrees in range, None if it is missing or broken."""
    text = element.get(column)
    try:
        value = float(text) if text is not None else None
    except ValueError:
        return None
    limit = _AXIS[column][1]
    return value if value is not None and -limit <= value <= limit else None


def _reading(
    element: Any, invalid: Invalid, names: LocalNames
) -> tuple[float, float, datetime | None, float | None]:
    """A point's (lat, lon, time, bpm); raises Broken after reporting its first broken value."""
    lat, lon = _degrees(element, "lat"), _degrees(element, "lon")
    if lat is None or lon is None:
        column = "lat" if lat is None else "lon"
        text, word = element.get(column), _AXIS[column][0]
        problem = f"missing {word}" if text is None else f"not a valid {word}"
        invalid.found(element.sourceline, column, text, problem)
        raise Broken
    moment: datetime | None = None
    bpm: float | None = None
    for child in element:
        name = names[child.tag]
        if name == "time" and child.text and child.text.strip():
            try:
                moment = parse_time(child.text)
            except Implausible:
                invalid.found(child.sourceline, "time", child.text, "not a plausible time")
                raise Broken from None
            except ValueError:
                invalid.found(child.sourceline, "time", child.text, "not a time")
                raise Broken from None
        elif name == "extensions":
            for node in child.iter():
                if names[node.tag].lower() in _HEART_RATE and node.text:
                    try:
                        bpm = reading(node.text)
                    except ValueError:
                        column = names[node.tag]
                        invalid.found(node.sourceline, column, node.text, "not a heart rate")
                        raise Broken from None
    return lat, lon, moment, bpm


def _point(element: Any, track: _Track, invalid: Invalid, names: LocalNames) -> None:
    """Add one `trkpt` to its track; a point with a broken value is reported and left out."""
    track.points += 1
    try:
        lat, lon, moment, bpm = _reading(element, invalid, names)
    except Broken:
        track.skipped += 1
        return
    if moment is None:
        return
    if moment < EARLIEST:
        track.before_1970 = track.before_1970 or moment.strftime("%Y-%m-%dT%H:%M:%SZ")
        return
    track.timed += 1
    if track.first is None or moment < track.first:
        track.first = moment
    if track.last is None or moment > track.last:
        track.last = moment
    if track.previous is not None:
        track.distance_m += haversine_m(*track.previous, lat, lon)
    track.previous = (lat, lon)
    track.hr.add(bpm)


def _label(number: int, name: str | None) -> str:
    return f'track {number} ("{name}")' if name else f"track {number}"


def _left_out(track: _Track, label: str) -> str:
    """Why a track with points gives no session."""
    if track.timed == 0 and track.before_1970:
        return (
            f"{label}: its point times are before 1970 ({track.before_1970}), "
            "which no device records; left out"
        )
    if track.timed == 0 and track.skipped == track.points:
        return f"{label}: all {track.points} of its points are invalid; left out"
    if track.timed == 0:
        return f"{label}: none of its {track.points} points has a time; left out"
    return f"{label}: all its timed points are at one moment; left out"


def _session(trk: Any, track: _Track, result: ParseResult, no_sport: list[int]) -> None:
    """Turn a finished track into a session, or say why it is left out."""
    children = {local_name(c.tag): (c.text or "").strip() for c in trk}
    label = _label(track.number, children.get("name"))
    if track.points == 0:
        return
    if track.first is None or track.last is None or track.first == track.last:
        result.warnings.append(_left_out(track, label))
        return
    untimed = track.points - track.timed - track.skipped
    if untimed:
        has = "has" if untimed == 1 else "have"
        result.warnings.append(
            f"{label}: {untimed} of its {track.points} points {has} no usable time; "
            "left out of its duration and distance"
        )
    if track.hr.outside:
        result.warnings.append(left_out_warning(label, track.hr.outside))
    kind = children.get("type")
    sport = sport_name(kind)
    if sport is None and kind:
        result.warnings.append(f'{label}: sport "{kind}" is not known; imported without a sport')
    elif sport is None:
        no_sport.append(track.number)
    session = Session(
        kind=SessionKind.ENDURANCE,
        start=track.first,
        minutes=(track.last - track.first).total_seconds() / 60,
        sport=sport,
        distance_km=track.distance_m / 1000 or None,
        avg_hr_bpm=track.hr.average,
        max_hr_bpm=track.hr.maximum,
    )
    key = fingerprint(source, track.first.replace(microsecond=0).isoformat())
    result.sessions.append(ImportedSession(session, key, line=trk.sourceline))


def _nothing_to_import(path: Path, tracks: list[_Track], routes: int, waypoints: int) -> None:
    """Raise the error for a file that holds no timed track."""
    with_points = [t for t in tracks if t.points]
    if any(t.before_1970 for t in with_points):
        example = next(t.before_1970 for t in with_points if t.before_1970)
        problem = f"its track times are before 1970 ({example}), which no device records"
    elif with_points and all(t.skipped == t.points for t in with_points):
        skipped = sum(t.skipped for t in with_points)
        problem = f"every track point is invalid ({skipped} skipped)"
    elif any(t.timed for t in with_points):
        problem = "its tracks hold a single moment in time, not an activity with a duration"
    elif with_points:
        problem = "its tracks have no times, so it is a drawn path, not a recorded activity"
    elif routes:
        problem = "a route, not a recorded activity"
    elif waypoints:
        problem = "only waypoints, not a recorded activity"
    else:
        problem = "no track in it"
    raise ImportFileError(path, f"{problem}: no timed track to import")


def parse(path: Path, *, skip_invalid: bool = False) -> ParseResult:
    """Read a GPX file: one endurance session per track with times."""
    path = Path(path)
    result = ParseResult()
    invalid = Invalid(path, skip_invalid, result.skipped)
    tracks: list[_Track] = []
    no_sport: list[int] = []
    current: _Track | None = None
    names = LocalNames()
    routes = waypoints = 0
    for element in xml_elements(path, "GPX", "gpx", ("trk", "trkseg", "trkpt", "rte", "wpt")):
        name = names[element.tag]
        if name == "trkpt":
            if current is None:
                current = _Track(len(tracks) + 1)
                tracks.append(current)
            _point(element, current, invalid, names)
        elif name == "trkseg":
            if current is not None:
                current.previous = None
            # Its points are gone already; what else it holds is not read. Not freed: the track
            # still needs the children before it (name, type).
            element.clear(keep_tail=True)
            continue
        elif name == "trk":
            if current is None:
                current = _Track(len(tracks) + 1)
                tracks.append(current)
            _session(element, current, result, no_sport)
            current = None
        elif name == "rte":
            routes += 1
        elif name == "wpt":
            waypoints += 1
        free(element)
    if not result.sessions:
        _nothing_to_import(path, tracks, routes, waypoints)
    if no_sport:
        which = (
            f"track {no_sport[0]} gives"
            if len(no_sport) == 1
            else "tracks " + ", ".join(map(str, no_sport)) + " give"
        )
        result.warnings.append(f"{which} no sport (no <type>); imported without a sport")
    return result
