"""Strong app CSV exports: one row a set, one session a workout (Date + Workout Name).

Every Strong export format is read: comma or semicolon separated, all fields quoted or not; the
weight unit in the column name ("kg", "Weight (kg)"), in a "Weight Unit" column, or not at all
(read as kg, or as `weight_unit`, with a warning); the duration as "1h 5m"/"38min", in seconds
("Duration (sec)") or absent (estimated); Set Order from 0 or 1, or "W"/"D"/"F" for warm-up, drop
and failure sets. Strong writes 0 for a value not filled in, so 0 reps, seconds, distance or RPE
count as not given. Header names match case-insensitively; other columns (notes) are ignored.
"""

import math
from collections.abc import Sequence
from datetime import UTC, tzinfo
from pathlib import Path

from restday.domain import SetType
from restday.domain.bounds import RANGES, SETS_MAX
from restday.errors import InvalidInput
from restday.io.base import ParseResult
from restday.io.csvfile import (
    LB_IN_KG,
    MILE_IN_KM,
    CsvFile,
    ValueProblem,
    column_key,
    parse_duration_min,
    read_csv,
)
from restday.io.csvworkouts import SetRow, Values, WorkoutHead, read_workouts, set_type_of

__all__ = ["StrongImporter", "parse"]

# Column keys (see column_key) -> the scale to kg or km of a column with its unit in its name.
_WEIGHTS = {"weightkg": 1.0, "weightkgs": 1.0, "kg": 1.0, "kgs": 1.0}
_WEIGHTS |= {"weightlbs": LB_IN_KG, "weightlb": LB_IN_KG, "lbs": LB_IN_KG, "lb": LB_IN_KG}
_DISTANCES = {"distancekm": 1.0, "km": 1.0, "distancemiles": MILE_IN_KM, "distancemi": MILE_IN_KM}
_DISTANCES |= {"miles": MILE_IN_KM, "distancemeters": 0.001, "distancem": 0.001}
_DISTANCES |= {"distancemetres": 0.001, "meters": 0.001}
# Unit names in a "Weight Unit" or "Distance Unit" column -> the scale to kg or km.
_WEIGHT_UNITS = {"kg": 1.0, "kgs": 1.0, "lb": LB_IN_KG, "lbs": LB_IN_KG}
_DISTANCE_UNITS = {"km": 1.0, "m": 0.001, "mi": MILE_IN_KM, "mile": MILE_IN_KM, "miles": MILE_IN_KM}
_DISTANCE_UNITS |= {"ft": 0.0003048, "yd": 0.0009144}
_REQUIRED = {"date": "Date", "workoutname": "Workout Name", "exercisename": "Exercise Name"}
_HEVY = {"title", "starttime", "exercisetitle"}
_LABEL = "Strong CSV export"


class _Rows:
    """Reads the rows of one Strong export."""

    def __init__(self, f: CsvFile, weight_scale: float | None) -> None:
        f.require(_REQUIRED, _LABEL, ("Hevy export", _HEVY))
        self.values = Values(decimal_comma=f.delimiter != ",", date_example="2021-02-10 16:46:13")
        self.date, self.workout, self.exercise = (f.keys[k] for k in _REQUIRED)
        self.order = f.find("setorder")
        self.reps, self.rpe, self.seconds = f.find("reps"), f.find("rpe"), f.find("seconds")
        self.duration_text = f.find("duration")
        self.duration_sec = f.find("durationsec", "durationseconds", "durations")
        self.weight, self.weight_scale = _column(f, _WEIGHTS, "weight")
        self.weight_unit = f.find("weightunit") if self.weight_scale is None else None
        self.distance, self.distance_scale = _column(f, _DISTANCES, "distance")
        self.distance_unit = f.find("distanceunit") if self.distance_scale is None else None
        self.default_weight = weight_scale or 1.0
        self.told_unit = weight_scale is not None
        self.guessed_weight = self.guessed_distance = False
        self.rest_timers = 0
        self.names = {i: f.name(i) for i in range(len(f.header))}

    def key(self, row: Sequence[str]) -> tuple[str, ...]:
        return row[self.date], row[self.workout].strip()

    def head(self, row: Sequence[str]) -> WorkoutHead:
        start = self.values.date(row[self.date], self.names[self.date])
        minutes = None
        if self.duration_sec is not None:
            column = self.names[self.duration_sec]
            minutes = self.values.amount(row[self.duration_sec], column, "session.minutes", 1 / 60)
        elif self.duration_text is not None and row[self.duration_text].strip():
            text, column = row[self.duration_text], self.names[self.duration_text]
            try:
                minutes = parse_duration_min(text)
            except ValueError:
                raise ValueProblem("not a duration (such as 1h 5m)", column, text) from None
            problem = RANGES["session.minutes"].problem(minutes or RANGES["session.minutes"].high)
            if problem:
                shown = f" ({minutes:,.0f} min)" if math.isfinite(minutes) else ""
                raise ValueProblem(f"a workout lasts at most 24 hours{shown}", column, text)
        return WorkoutHead(start, row[self.workout].strip(), minutes)

    def set(self, row: Sequence[str]) -> SetRow | None:
        values, names = self.values, self.names
        exercise = values.exercise(row[self.exercise], names[self.exercise])
        order, set_type = self._order(row)
        if set_type is None:
            self.rest_timers += 1
            return None
        reps = values.reps(row[self.reps], names[self.reps]) if self.reps is not None else None
        rpe = values.rpe(row[self.rpe], names[self.rpe]) if self.rpe is not None else None
        seconds = None
        if self.seconds is not None:
            seconds = values.amount(row[self.seconds], names[self.seconds], "set.seconds")
        weight = distance = None
        if self.weight is not None:
            scale = self.weight_scale or self._unit(row, self.weight_unit, _WEIGHT_UNITS)
            weight = values.amount(
                row[self.weight], names[self.weight], "set.weight_kg", scale or self.default_weight
            )
            self.guessed_weight |= scale is None and weight is not None and not self.told_unit
        if self.distance is not None:
            scale = self.distance_scale or self._unit(row, self.distance_unit, _DISTANCE_UNITS)
            distance = values.amount(
                row[self.distance], names[self.distance], "session.distance_km", scale or 1.0
            )
            self.guessed_distance |= scale is None and distance is not None
        entry = values.entry(reps, seconds, weight, rpe, set_type)
        return SetRow(exercise, order, entry, distance)

    def _order(self, row: Sequence[str]) -> tuple[int | None, SetType | None]:
        """The set's position and type from Set Order: a number, W/D/F, or a rest timer (None)."""
        if self.order is None:
            return None, SetType.NORMAL
        text, column = row[self.order], self.names[self.order]
        if not (text.isascii() and text.isdigit()):
            set_type = set_type_of(text)
            if set_type is not None:
                return None, set_type
            if column_key(text) == "resttimer":
                return None, None
        try:
            return self.values.position(text, column), SetType.NORMAL
        except ValueProblem:
            raise ValueProblem(
                f"Set Order must be a whole number from 0 to {SETS_MAX:,}, or W, D or F",
                column,
                text,
            ) from None

    def _unit(self, row: Sequence[str], index: int | None, units: dict[str, float]) -> float | None:
        """The scale of the row's unit column ("lbs" -> kg per lb); None if there is no unit."""
        if index is None or not row[index].strip():
            return None
        scale = units.get(row[index].strip().casefold())
        if scale is None:
            raise ValueProblem(
                f"unknown unit: use {', '.join(units)}", self.names[index], row[index]
            )
        return scale

    def warnings(self) -> list[str]:
        found = []
        if self.guessed_weight and self.weight_unit is None:
            found.append("the file does not say whether its weights are in kg or lb; read as kg")
        elif self.guessed_weight:
            found.append("some rows do not say whether their weight is in kg or lb; read as kg")
        if self.guessed_distance:
            found.append("the file does not say which unit its distances are in; read as km")
        if self.rest_timers:
            found.append(f"rest-timer rows (not sets) left out: {self.rest_timers}")
        return found


def _default_scale(weight_unit: str) -> float:
    """The scale to kg of the unit the person says the file's weights are in."""
    scale = _WEIGHT_UNITS.get(weight_unit.strip().casefold())
    if scale is None:
        raise InvalidInput(f'Invalid weight unit "{weight_unit}": use kg or lb')
    return scale


def _column(f: CsvFile, scaled: dict[str, float], plain: str) -> tuple[int | None, float | None]:
    """The column of a quantity and its scale when its name gives the unit ("Weight (kg)")."""
    for key, scale in scaled.items():
        if key in f.keys:
            return f.keys[key], scale
    return f.find(plain), None


def parse(
    path: Path,
    *,
    skip_invalid: bool = False,
    tz: tzinfo = UTC,
    weight_unit: str | None = None,
) -> ParseResult:
    """Read a Strong CSV export; times without a zone are in `tz`, weights without a unit in
    `weight_unit` ("kg" or "lb"; kg with a warning if not given)."""
    scale = None if weight_unit is None else _default_scale(weight_unit)
    with read_csv(path, _LABEL) as f:
        rows = _Rows(f, scale)
        return read_workouts(f, rows, source="strong", tz=tz, skip_invalid=skip_invalid)


class StrongImporter:
    """The Strong CSV importer behind the `Importer` interface."""

    source = "strong"

    def parse(
        self,
        path: Path,
        *,
        skip_invalid: bool = False,
        tz: tzinfo = UTC,
        weight_unit: str | None = None,
    ) -> ParseResult:
        """Read `path`; an invalid row raises ImportFileError unless `skip_invalid`."""
        return parse(path, skip_invalid=skip_invalid, tz=tz, weight_unit=weight_unit)
