"""Apple Health workouts as sessions. Read by `restday.io.apple_health`; see docs/apple-health.md.

The activity type gives the kind: endurance sports through `sport_name`, classes and strength
from the tables below; a type restday has no sport for is an endurance session without a sport.
Heart rate comes from the workout's HeartRate statistics, else from the heart-rate records within
its span (kept compactly while the file streams past), else from its route GPX.
"""

import operator
import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import islice
from pathlib import Path
from typing import Any

from restday.domain import Session, SessionKind
from restday.errors import ImportFileError
from restday.io.apple_health_records import Clock, Fields, source
from restday.io.base import ImportedSession, ParseResult, fingerprint
from restday.io.track import (
    HeartRates,
    heart_rate_summary,
    left_out_warning,
    reading,
    sport_name,
    summary_warning,
)

__all__ = ["Workouts", "activity"]

_PREFIX = "HKWorkoutActivityType"
_HEART_RATE = "HKQuantityTypeIdentifierHeartRate"
_DISTANCE = "HKQuantityTypeIdentifierDistance"  # Distance{WalkingRunning,Cycling,Swimming,...}

_STRENGTH = {
    "TraditionalStrengthTraining": SessionKind.STRENGTH,
    "FunctionalStrengthTraining": SessionKind.STRENGTH,
    "CoreTraining": SessionKind.BODYWEIGHT,
}
_CLASSES = {
    "HighIntensityIntervalTraining": "hiit",
    "Yoga": "yoga",
    "MindAndBody": "yoga",
    "Pilates": "pilates",
    "Barre": "barre",
    "Dance": "dance",
    "CardioDance": "dance",
    "SocialDance": "dance",
    "DanceInspiredTraining": "dance",
    "Boxing": "boxing",
    "Kickboxing": "kickboxing",
    "CrossTraining": "crossfit",
    "StepTraining": "step",
    "Flexibility": "stretching",
    "Cooldown": "stretching",
}
# Apple's names whose words sport_name does not know as they are.
_SPORT_WORDS = {"DownhillSkiing": "alpine-skiing"}
_WORDS = re.compile(r"(?<=[a-z])(?=[A-Z])")

_SECONDS = {"min": 60.0, "s": 1.0, "h": 3600.0, "hr": 3600.0}
_KM = {"km": 1.0, "m": 0.001, "mi": 1.609344, "yd": 0.0009144, "ft": 0.0003048}
_BPM = {"count/min": 1.0}


def activity(kind: str) -> tuple[SessionKind, str | None, str | None]:
    """(session kind, sport, class kind) for a workoutActivityType ("HKWorkoutActivityTypeYoga")."""
    name = kind.removeprefix(_PREFIX)
    if name in _STRENGTH:
        return _STRENGTH[name], None, None
    if name in _CLASSES:
        return SessionKind.CLASS, None, _CLASSES[name]
    return SessionKind.ENDURANCE, sport_name(_SPORT_WORDS.get(name) or _WORDS.sub("-", name)), None


@dataclass(slots=True)
class _Workout:
    """A workout as its element gives it."""

    kind: str
    name: str
    line: int | None
    start: datetime
    end: datetime
    seconds: float
    distance_km: float = 0.0
    avg_hr: float | None = None
    max_hr: float | None = None
    outside: list[str] = field(default_factory=list)  # summaries out of range: "average 255"
    route: str | None = None

    @property
    def label(self) -> str:
        return f"workout on line {self.line}"


def _statistics(child: Any, workout: _Workout, fields: Fields, distance: bool) -> None:
    """Add what one WorkoutStatistics gives: heart rate, and a distance if `distance`."""
    kind = child.get("type") or ""
    if kind == _HEART_RATE:
        fields.factor(child, "unit", _BPM)
        for name, bound in (("average", "session.avg_hr_bpm"), ("maximum", "session.max_hr_bpm")):
            if child.get(name) is None:
                continue
            bpm = fields.number(child, name)
            kept = heart_rate_summary(bpm, bound)
            if bpm and kept is None:
                workout.outside.append(f"{name} {bpm:g}")
            if name == "average":
                workout.avg_hr = kept
            else:
                workout.max_hr = kept
    elif distance and kind.startswith(_DISTANCE) and child.get("sum") is not None:
        workout.distance_km += fields.number(child, "sum") * fields.factor(child, "unit", _KM)


def _read(element: Any, fields: Fields) -> _Workout:
    """A Workout element as read; raises Broken after reporting a broken value."""
    start = fields.time(element, "startDate")
    end = fields.time(element, "endDate") if element.get("endDate") is not None else None
    seconds = 0.0
    if element.get("duration") is not None:
        unit = fields.factor(element, "durationUnit", _SECONDS, "min")
        seconds = fields.number(element, "duration") * unit
    if not seconds and end is not None:  # no duration given, or 0 (as some apps write)
        seconds = max(0.0, (end - start).total_seconds())
    if end is None or end < start:
        end = start + timedelta(seconds=min(seconds, 86400.0))
    workout = _Workout(
        element.get("workoutActivityType") or "",
        element.get("sourceName") or "",
        element.sourceline,
        start,
        end,
        seconds,
    )
    total = element.get("totalDistance") is not None  # older exports; newer ones have statistics
    if total:
        km = fields.factor(element, "totalDistanceUnit", _KM, "km")
        workout.distance_km = fields.number(element, "totalDistance") * km
    for child in element:
        if child.tag == "WorkoutStatistics":
            _statistics(child, workout, fields, distance=not total)
        elif child.tag == "WorkoutRoute":
            for reference in child.iter("FileReference"):
                workout.route = workout.route or reference.get("path")
    return workout


class _Pulse:
    """Heart-rate samples (UTC seconds, bpm) in file order, 12 bytes each."""

    def __init__(self) -> None:
        self.seconds = array("q")
        self.bpm = array("f")

    def ordered(self) -> bool:
        """Whether the samples are in time order (as Apple writes them)."""
        return all(map(operator.le, self.seconds, islice(self.seconds, 1, None)))

    def rates(self, spans: list[tuple[float, float]]) -> list[HeartRates]:
        """The samples within each span (start, end in UTC seconds)."""
        found = [HeartRates() for _ in spans]
        if not spans:
            return found
        if self.ordered():
            for (start, end), rates in zip(spans, found, strict=True):
                low, high = bisect_left(self.seconds, start), bisect_right(self.seconds, end)
                for bpm in self.bpm[low:high]:
                    rates.add(bpm)
            return found
        order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        starts = [spans[i][0] for i in order]
        longest = max((end - start for start, end in spans), default=0.0)
        for moment, bpm in zip(self.seconds, self.bpm, strict=True):
            i = bisect_right(starts, moment) - 1
            while i >= 0 and starts[i] >= moment - longest:
                if moment <= spans[order[i]][1]:
                    found[order[i]].add(bpm)
                i -= 1
        return found


def _route_rates(path: Path) -> tuple[float | None, float | None]:
    """Average and maximum heart rate of a route GPX; ImportFileError if it cannot be read."""
    from restday.io import gpx

    sessions = gpx.parse(path).sessions
    rated = [s.session for s in sessions if s.session.avg_hr_bpm]
    return (rated[0].avg_hr_bpm, rated[0].max_hr_bpm) if rated else (None, None)


class Workouts:
    """Workouts and heart-rate samples collected while the file streams, then sessions."""

    def __init__(self) -> None:
        self.read: list[_Workout] = []
        self.pulse = _Pulse()
        self.clock = Clock()

    def add(self, element: Any, fields: Fields) -> None:
        """Read one Workout element; raises Broken if a value in it is broken."""
        self.read.append(_read(element, fields))

    def heart_rate(self, element: Any, fields: Fields) -> None:
        """Keep a HeartRate record's sample for the workouts that give no heart rate themselves;
        raises Broken if its startDate or value is broken."""
        try:
            seconds = self.clock.seconds(element.get("startDate"))
            bpm = reading(element.get("value"))
        except (ValueError, TypeError):  # not Apple's usual form, or broken: ask `fields`
            seconds = int(fields.time(element, "startDate").timestamp())
            bpm = fields.number(element, "value")
        self.pulse.seconds.append(seconds)
        self.pulse.bpm.append(bpm)

    def sessions(self, result: ParseResult, route: Callable[[str], Path | None]) -> None:
        """Add a session per workout, and warnings counting what is missing or left out."""
        needing = [w for w in self.read if not w.avg_hr or not w.max_hr]
        spans = [(w.start.timestamp(), w.end.timestamp()) for w in needing]
        outside = 0
        missing: list[str] = []
        for workout, rates in zip(needing, self.pulse.rates(spans), strict=True):
            outside += rates.outside
            if not rates.count and workout.route:
                self._from_route(workout, workout.route.lstrip("/"), route, missing, result)
            workout.avg_hr = workout.avg_hr or rates.average
            workout.max_hr = workout.max_hr or rates.maximum
        if outside:
            result.warnings.append(left_out_warning("workouts", outside))
        summaries = [f for w in self.read for f in w.outside]
        if summaries:
            result.warnings.append(summary_warning("workouts", summaries))
        if missing:
            result.warnings.append(_missing_routes(missing))
        self._sessions(result)

    def _from_route(
        self,
        workout: _Workout,
        name: str,
        route: Callable[[str], Path | None],
        missing: list[str],
        result: ParseResult,
    ) -> None:
        """Take the heart rate of the workout's route GPX `name`, if the export holds it."""
        try:
            path = route(name)
            if path is None:
                missing.append(name)
                return
            workout.avg_hr, workout.max_hr = _route_rates(path)
        except ImportFileError as error:
            result.warnings.append(
                f"{workout.label}: its route {name} cannot be read ({error.problem})"
            )

    def _sessions(self, result: ParseResult) -> None:
        no_sport: Counter[str] = Counter()
        no_sets: Counter[str] = Counter()
        for workout in self.read:
            if not workout.seconds / 60 > 0:
                result.warnings.append(f"{workout.label} has no duration; left out")
                continue
            kind, sport, class_kind = activity(workout.kind)
            name = workout.kind.removeprefix(_PREFIX) or "(no type)"
            if kind is SessionKind.ENDURANCE and sport is None:
                no_sport[name] += 1
            elif kind in (SessionKind.STRENGTH, SessionKind.BODYWEIGHT):
                no_sets[name] += 1
            session = Session(
                kind=kind,
                start=workout.start,
                minutes=workout.seconds / 60,
                sport=sport,
                class_kind=class_kind,
                distance_km=(workout.distance_km or None)
                if kind is SessionKind.ENDURANCE
                else None,
                avg_hr_bpm=workout.avg_hr,
                max_hr_bpm=workout.max_hr,
            )
            key = fingerprint(source, workout.start.isoformat(), workout.kind, workout.name)
            result.sessions.append(ImportedSession(session, key, line=workout.line))
        if no_sets:
            result.warnings.append(
                f"{_counted(no_sets, 'workout')} strength training without sets (Apple Health "
                "records none): imported without exercises"
            )
        if no_sport:
            result.warnings.append(
                f"{_counted(no_sport, 'workout')} of a type restday has no sport for: "
                "imported as endurance without a sport"
            )


def _missing_routes(names: list[str]) -> str:
    """The warning for route files export.xml names that the export does not hold."""
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3:,} more" if len(names) > 3 else "")
    if len(names) == 1:
        return (
            f"1 route file named in export.xml is not in the export ({shown}): "
            "no heart rate from a route for its workout"
        )
    return (
        f"{len(names):,} route files named in export.xml are not in the export ({shown}): "
        "no heart rate from a route for their workouts"
    )


def _counted(counts: Counter[str], word: str) -> str:
    """The total, the top few by name and the verb: "3 workouts (Elliptical 2, Other 1) are"."""
    total = sum(counts.values())
    shown = ", ".join(f"{name} {n:,}" for name, n in counts.most_common(4))
    more = f" and {len(counts) - 4:,} more" if len(counts) > 4 else ""
    verb = "is" if total == 1 else "are"
    return f"{total:,} {word}{'' if total == 1 else 's'} ({shown}{more}) {verb}"
