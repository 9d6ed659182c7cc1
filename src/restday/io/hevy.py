"""Hevy app CSV exports: one row a set, one session a workout (title + start_time).

The workout lasts from start_time to end_time, counted between the two moments (times without a
zone in the profile's zone), so a workout across a clock change lasts as long as it was lived; an
end_time in the hour the clocks pass twice is the second of the two if the first would come before
start_time. Dates are read as Hevy writes them in any app language setting it has used ("7 Apr
2026, 10:14", "Jun 11, 2026, 1:01 PM", ISO 8601). Weights come in kg or lb (weight_kg,
weight_lbs), distances in km or miles; set_type normal, warmup, failure and dropset map to the set
types. Empty or 0 values count as not given. Header names match case-insensitively; other columns
(description, notes, superset_id) are ignored.
"""

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

from restday.domain import SetType
from restday.domain.bounds import RANGES
from restday.io.base import ParseResult
from restday.io.csvfile import (
    LB_IN_KG,
    MILE_IN_KM,
    CsvFile,
    ValueProblem,
    read_csv,
)
from restday.io.csvworkouts import SetRow, Values, WorkoutHead, read_workouts, set_type_of

__all__ = ["HevyImporter", "parse"]

_REQUIRED = {"title": "title", "starttime": "start_time", "exercisetitle": "exercise_title"}
_WEIGHTS = {"weightkg": 1.0, "weightlbs": LB_IN_KG, "weightlb": LB_IN_KG}
_DISTANCES = {"distancekm": 1.0, "distancemiles": MILE_IN_KM, "distancemi": MILE_IN_KM}
_DISTANCES |= {"distancem": 0.001, "distancemeters": 0.001}
_STRONG = {"date", "workoutname", "exercisename"}
_LABEL = "Hevy CSV export"


class _Rows:
    """Reads the rows of one Hevy export."""

    def __init__(self, f: CsvFile, tz: tzinfo) -> None:
        f.require(_REQUIRED, _LABEL, ("Strong export", _STRONG))
        self.tz = tz
        self.values = Values(decimal_comma=f.delimiter != ",", date_example="7 Apr 2026, 10:14")
        self.title, self.start, self.exercise = (f.keys[k] for k in _REQUIRED)
        self.end = f.find("endtime")
        self.index, self.type = f.find("setindex"), f.find("settype")
        self.reps, self.rpe = f.find("reps"), f.find("rpe")
        self.seconds = f.find("durationseconds", "durationsec", "seconds")
        self.weight, self.weight_scale = _column(f, _WEIGHTS, "weight")
        self.distance, self.distance_scale = _column(f, _DISTANCES, "distance")
        self.guessed: list[str] = []
        self.names = {i: f.name(i) for i in range(len(f.header))}

    def key(self, row: Sequence[str]) -> tuple[str, ...]:
        return row[self.start], row[self.title].strip()

    def head(self, row: Sequence[str]) -> WorkoutHead:
        start = self.values.date(row[self.start], self.names[self.start])
        minutes = None
        if self.end is not None and row[self.end].strip():
            end = self.values.date(row[self.end], self.names[self.end])
            if (end.tzinfo is None) != (start.tzinfo is None):
                raise ValueProblem(
                    "start_time and end_time must both have a time zone or neither",
                    self.names[self.end],
                    row[self.end],
                )
            elapsed = _elapsed(start, end, self.tz)
            if elapsed < timedelta(0):
                raise ValueProblem(
                    "end_time is before start_time", self.names[self.end], row[self.end]
                )
            minutes = elapsed.total_seconds() / 60 or None
            if minutes and RANGES["session.minutes"].problem(minutes):
                raise ValueProblem(
                    f"a workout lasts at most 24 hours, this one {minutes:,.0f} min from start_time",
                    self.names[self.end],
                    row[self.end],
                )
        return WorkoutHead(start, row[self.title].strip(), minutes)

    def set(self, row: Sequence[str]) -> SetRow | None:
        values, names = self.values, self.names
        exercise = values.exercise(row[self.exercise], names[self.exercise])
        order = None if self.index is None else values.position(row[self.index], names[self.index])
        set_type = set_type_of(row[self.type]) if self.type is not None else None
        if self.type is not None and set_type is None:
            raise ValueProblem(
                "set_type must be normal, warmup, failure or dropset",
                names[self.type],
                row[self.type],
            )
        reps = values.reps(row[self.reps], names[self.reps]) if self.reps is not None else None
        rpe = values.rpe(row[self.rpe], names[self.rpe]) if self.rpe is not None else None
        seconds = weight = distance = None
        if self.seconds is not None:
            seconds = values.amount(row[self.seconds], names[self.seconds], "set.seconds")
        if self.weight is not None:
            scale = self.weight_scale or 1.0
            weight = values.amount(row[self.weight], names[self.weight], "set.weight_kg", scale)
            if weight is not None and self.weight_scale is None:
                self._guessed(
                    "the file does not say whether its weights are in kg or lb; read as kg"
                )
        if self.distance is not None:
            scale = self.distance_scale or 1.0
            distance = values.amount(
                row[self.distance], names[self.distance], "session.distance_km", scale
            )
            if distance is not None and self.distance_scale is None:
                self._guessed("the file does not say which unit its distances are in; read as km")
        entry = values.entry(reps, seconds, weight, rpe, set_type or SetType.NORMAL)
        return SetRow(exercise, order, entry, distance)

    def _guessed(self, warning: str) -> None:
        if warning not in self.guessed:
            self.guessed.append(warning)

    def warnings(self) -> list[str]:
        return self.guessed


def _offset(moment: datetime) -> timedelta:
    return moment.utcoffset() or timedelta(0)


def _elapsed(start: datetime, end: datetime, tz: tzinfo) -> timedelta:
    """Time from start to end as moments (times without a zone in `tz`); an end in an hour the
    clocks pass twice is read as the second one when the first would come before the start."""
    local = start.tzinfo is None
    if local:
        start, end = start.replace(tzinfo=tz), end.replace(tzinfo=tz)
    # Wall times less their offsets: the UTC difference, with no UTC datetime (which overflows
    # near year 1 and 9999) and no wall-time subtraction (which Python does for one tzinfo).
    wall = end.replace(tzinfo=None) - start.replace(tzinfo=None)
    elapsed = wall - (_offset(end) - _offset(start))
    if elapsed < timedelta(0) and local:
        second = wall - (_offset(end.replace(fold=1)) - _offset(start))
        if second >= timedelta(0):
            return second
    return elapsed


def _column(f: CsvFile, scaled: dict[str, float], plain: str) -> tuple[int | None, float | None]:
    """The column of a quantity and its scale to kg or km when its name gives the unit."""
    for key, scale in scaled.items():
        if key in f.keys:
            return f.keys[key], scale
    return f.find(plain), None


def parse(path: Path, *, skip_invalid: bool = False, tz: tzinfo = UTC) -> ParseResult:
    """Read a Hevy CSV export; times without a zone are in `tz`."""
    with read_csv(path, _LABEL) as f:
        return read_workouts(f, _Rows(f, tz), source="hevy", tz=tz, skip_invalid=skip_invalid)


class HevyImporter:
    """The Hevy CSV importer behind the `Importer` interface."""

    source = "hevy"

    def parse(self, path: Path, *, skip_invalid: bool = False, tz: tzinfo = UTC) -> ParseResult:
        """Read `path`; an invalid row raises ImportFileError unless `skip_invalid`."""
        return parse(path, skip_invalid=skip_invalid, tz=tz)
