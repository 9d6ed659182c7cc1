"""TCX files (Garmin Training Center) as endurance sessions: one session per `Activity`.

Read incrementally with lxml. An activity's laps are summed: time (TotalTimeSeconds), distance
(DistanceMeters), heart rate (AverageHeartRateBpm weighted by lap time, the highest
MaximumHeartRateBpm); a lap without heart-rate summary takes it from its track points. A lap that
repeats an earlier one (same start and time, as some exporters write) counts once, with a warning.
Sport="Running" and "Biking" map to run and bike; "Other" says nothing about the sport (the
Creator is a device, the Notes free text), so such a session has no sport and a warning says so.
Transitions of a multisport session are not activities and are left out. A file with only courses
is a planned route, not a recorded activity, and is refused. A time no clock can have written (year
1, year 9999), or a number that is not finite, negative or absurdly large, is a broken value. A
heart rate no heart makes (outside RANGES["session.avg_hr_bpm"]) is left out with a warning: a
track point's is no sample, a lap's summary counts as not given (its track points give it).
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
    READING_MAX,
    Broken,
    HeartRates,
    Implausible,
    Invalid,
    LocalNames,
    free,
    heart_rate_summary,
    left_out_warning,
    local_name,
    parse_time,
    sport_name,
    summary_warning,
    xml_elements,
)

__all__ = ["parse", "source"]

source = "tcx"

_DEGREES = {"LatitudeDegrees": 90.0, "LongitudeDegrees": 180.0}

# What a broken value should have been, by element name.
_WORDS = {
    "LatitudeDegrees": "latitude",
    "LongitudeDegrees": "longitude",
    "TotalTimeSeconds": "number of seconds",
    "DistanceMeters": "distance in metres",
    "Value": "heart rate",
}


@dataclass(slots=True)
class _Lap:
    """A lap as read: its summary and what its track points add."""

    start: datetime | None = None
    seconds: float | None = None
    metres: float | None = None
    avg_hr: float | None = None
    max_hr: float | None = None
    points: HeartRates = field(default_factory=HeartRates)
    outside: list[str] = field(default_factory=list)  # summaries out of range: "Name 255"
    first: datetime | None = None
    last: datetime | None = None


@dataclass(slots=True)
class _Activity:
    """The activity being read."""

    number: int
    line: int | None
    laps: list[_Lap] = field(default_factory=list)
    lap: _Lap = field(default_factory=_Lap)


def _number(element: Any, invalid: Invalid, limit: float | None = None) -> float | None:
    """An element's text as a number (within ±limit, else a reading from 0 to READING_MAX);
    raises Broken after reporting a broken one (not a number, nan, inf, out of range)."""
    text = (element.text or "").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    low, high = (-limit, limit) if limit else (0.0, READING_MAX)
    if not low <= value <= high:  # nan fails too
        name = local_name(element.tag)
        column = local_name(element.getparent().tag) if name == "Value" else name
        word = _WORDS.get(name, "number")
        invalid.found(element.sourceline, column, element.text, f"not a valid {word}")
        raise Broken
    return value


def _time(text: str | None, line: int | None, column: str, invalid: Invalid) -> datetime | None:
    """A time value; None if absent or before 1970, raises Broken after reporting a broken one."""
    if not text or not text.strip():
        return None
    try:
        moment = parse_time(text)
    except Implausible:
        invalid.found(line, column, text, "not a plausible time")
        raise Broken from None
    except ValueError:
        invalid.found(line, column, text, "not a time")
        raise Broken from None
    return moment if moment >= EARLIEST else None


def _value(element: Any, invalid: Invalid) -> float | None:
    """The number in a HeartRateBpm-style element's <Value> child."""
    for child in element:
        if local_name(child.tag) == "Value":
            return _number(child, invalid)
    return None


def _summary(element: Any, invalid: Invalid, bound: str, outside: list[str]) -> float | None:
    """A lap's heart-rate summary within RANGES[bound]; one outside it is noted in `outside` and
    treated as missing (0 is not given)."""
    bpm = _value(element, invalid)
    kept = heart_rate_summary(bpm, bound)
    if bpm and kept is None:
        outside.append(f"{local_name(element.tag)} {bpm:g}")
    return kept


def _trackpoint(element: Any, lap: _Lap, invalid: Invalid, names: LocalNames) -> None:
    """Check one track point and add its time and heart rate to its lap."""
    moment: datetime | None = None
    bpm: float | None = None
    for child in element:
        name = names[child.tag]
        if name == "Time":
            moment = _time(child.text, child.sourceline, name, invalid)
        elif name == "Position":
            for axis in child:
                limit = _DEGREES.get(names[axis.tag])
                if limit is not None and _number(axis, invalid, limit) is None:
                    word = _WORDS[names[axis.tag]]
                    invalid.found(axis.sourceline, names[axis.tag], None, f"missing {word}")
                    raise Broken
        elif name == "HeartRateBpm":
            bpm = _value(child, invalid)
        elif name == "DistanceMeters":
            _number(child, invalid)
    lap.points.add(bpm)
    if moment is not None:
        lap.first = moment if lap.first is None else min(lap.first, moment)
        lap.last = moment if lap.last is None else max(lap.last, moment)


def _lap(element: Any, lap: _Lap, invalid: Invalid, names: LocalNames) -> None:
    """Read a lap's start and summary values into `lap`."""
    lap.start = _time(element.get("StartTime"), element.sourceline, "StartTime", invalid)
    for child in element:
        name = names[child.tag]
        if name == "TotalTimeSeconds":
            lap.seconds = _number(child, invalid)
        elif name == "DistanceMeters":
            lap.metres = _number(child, invalid)
        elif name == "AverageHeartRateBpm":
            lap.avg_hr = _summary(child, invalid, "session.avg_hr_bpm", lap.outside)
        elif name == "MaximumHeartRateBpm":
            lap.max_hr = _summary(child, invalid, "session.max_hr_bpm", lap.outside)
    if lap.seconds is None and lap.first is not None and lap.last is not None:
        lap.seconds = (lap.last - lap.first).total_seconds()
    if not lap.avg_hr:
        lap.avg_hr = lap.points.average
    lap.max_hr = max(lap.max_hr or 0.0, lap.points.maximum or 0.0) or None


def _add_lap(activity: _Activity, result: ParseResult) -> None:
    """Keep the lap just read unless it repeats an earlier one of the same activity."""
    lap = activity.lap
    activity.lap = _Lap()
    for number, earlier in enumerate(activity.laps, start=1):
        if lap.start is not None and (earlier.start, earlier.seconds) == (lap.start, lap.seconds):
            result.warnings.append(
                f"activity {activity.number}: lap {len(activity.laps) + 1} repeats lap {number} "
                f"(same start {lap.start:%Y-%m-%dT%H:%M:%SZ}); counted once"
            )
            return
    activity.laps.append(lap)


def _heart_rate(laps: list[_Lap]) -> tuple[float | None, float | None]:
    """Average heart rate weighted by lap time, and the highest."""
    rated = [(lap.avg_hr, lap.seconds or 0.0) for lap in laps if lap.avg_hr]
    weight = sum(seconds for _, seconds in rated)
    if weight > 0:
        average: float | None = round(sum(hr * s for hr, s in rated) / weight, 1)
    else:
        average = round(sum(hr for hr, _ in rated) / len(rated), 1) if rated else None
    peaks = [lap.max_hr for lap in laps if lap.max_hr]
    return average, (max(peaks) if peaks else None)


def _session(element: Any, activity: _Activity, result: ParseResult) -> None:
    """Turn a finished activity into a session, or say why it is left out."""
    label = f"activity {activity.number}"
    starts = [lap.start or lap.first for lap in activity.laps]
    known = [s for s in starts if s is not None]
    start = min(known) if known else None
    if start is None:
        for child in element:
            if local_name(child.tag) == "Id" and child.text:
                try:
                    start = parse_time(child.text)
                except ValueError:  # Implausible too: an Id is a name, not a checked value
                    start = None
        start = start if start is not None and start >= EARLIEST else None
    seconds = sum(lap.seconds or 0.0 for lap in activity.laps)
    if start is None or not seconds / 60 > 0:  # 5e-324 s is no recorded time either
        why = "no start time" if start is None else "no recorded time"
        result.warnings.append(f"{label} has {why}; left out")
        return
    kind = element.get("Sport")
    sport = sport_name(kind)
    if sport is None:
        shown = f'sport "{kind}"' if kind else "no sport"
        result.warnings.append(f"{label} has {shown}; imported without a sport")
    outside = [found for lap in activity.laps for found in lap.outside]
    if outside:
        result.warnings.append(summary_warning(label, outside))
    samples = sum(lap.points.outside for lap in activity.laps)
    if samples:
        result.warnings.append(left_out_warning(label, samples))
    metres = sum(lap.metres or 0.0 for lap in activity.laps)
    avg_hr, max_hr = _heart_rate(activity.laps)
    session = Session(
        kind=SessionKind.ENDURANCE,
        start=start,
        minutes=seconds / 60,
        sport=sport,
        distance_km=metres / 1000 or None,
        avg_hr_bpm=avg_hr,
        max_hr_bpm=max_hr,
    )
    key = fingerprint(source, start.replace(microsecond=0).isoformat())
    result.sessions.append(ImportedSession(session, key, line=activity.line))


def _parent_name(element: Any, names: LocalNames, up: int = 1) -> str:
    """The local name of the element `up` levels above, "" at the top."""
    for _ in range(up):
        element = element.getparent()
        if element is None:
            return ""
    return names[element.tag]


def parse(path: Path, *, skip_invalid: bool = False) -> ParseResult:
    """Read a TCX file: one endurance session per activity."""
    path = Path(path)
    result = ParseResult()
    invalid = Invalid(path, skip_invalid, result.skipped)
    names = LocalNames()
    activity = _Activity(1, None)
    activities = courses = 0
    tags = ("Activity", "Lap", "Trackpoint", "Course")
    for element in xml_elements(path, "TCX", "TrainingCenterDatabase", tags):
        name = names[element.tag]
        try:
            if name == "Trackpoint" and _parent_name(element, names, 2) == "Lap":
                _trackpoint(element, activity.lap, invalid, names)
            elif name == "Lap" and _parent_name(element, names) == "Activity":
                _lap(element, activity.lap, invalid, names)
                _add_lap(activity, result)
        except Broken:
            if name == "Lap":
                activity.lap = _Lap()
        if name == "Activity":
            activities += 1
            activity.line = element.sourceline
            _session(element, activity, result)
            activity = _Activity(activities + 1, None)
        elif name == "Course":
            courses += 1
        if name == "Lap":  # keep the activity's <Id> before it
            element.clear(keep_tail=True)
        elif name != "TrainingCenterDatabase":
            free(element)
    if not result.sessions:
        if activities:
            problem = "no activity in it has a start time and a recorded time"
        elif courses:
            problem = "a course, not an activity: nothing recorded to import"
        else:
            problem = "no activity in it: nothing recorded to import"
        raise ImportFileError(path, problem)
    return result
