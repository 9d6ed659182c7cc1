"""Rows to sessions, shared by the Strong and Hevy CSV importers: each value read and checked
against the bounds (Values, each distinct text parsed once), one session per workout, its exercises
in file order, its sets in set order. A workout whose sets add up to more time (when the file gives
no duration) or distance than one session holds is refused as a whole, at its first line.

An exercise is a run of rows with its name; a set number seen before in the run starts a new one
(the same exercise added twice in a row). Within a run the sets are sorted by set number, as the
newest Strong exports write them shuffled.
"""

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import NamedTuple, Protocol

from restday.domain import ExerciseEntry, Session, SessionKind, SetEntry, SetType
from restday.domain.bounds import RANGES, SETS_MAX
from restday.domain.validate import clock_change, text_problem
from restday.errors import ImportFileError, Problem
from restday.io.base import ImportedSession, ParseResult, SkippedRow, fingerprint
from restday.io.csvfile import CsvFile, ValueProblem, column_key, parse_datetime

__all__ = [
    "MINUTES_PER_SET",
    "RowReader",
    "SetRow",
    "Values",
    "WorkoutHead",
    "read_workouts",
    "set_type_of",
]

# A workout whose file gives no duration is estimated at this many minutes a set (or the set's own
# time, if longer): an import estimate, not a training rule, so it lives here, not in the rulebook.
MINUTES_PER_SET = 2.5


class Values:
    """Reads a file's values, each distinct text once; raises ValueProblem naming column and value."""

    def __init__(self, *, decimal_comma: bool, date_example: str) -> None:
        self.decimal_comma, self.date_example = decimal_comma, date_example
        self._amounts: dict[tuple[str, float], dict[str, float | None]] = {}
        self._counts: dict[str, int | None] = {}
        self._rpes: dict[str, float | None] = {}
        self._dates: dict[str, datetime] = {}
        self._entries: dict[tuple[object, ...], SetEntry] = {}
        self._exercises: dict[str, str | Problem] = {}  # by the text as the row writes it
        self._names: dict[str, str] = {}  # each name kept once

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
        value = self._whole(text, column) or None
        problem = RANGES["set.reps"].problem(value or 1)
        if problem:
            raise ValueProblem(problem, column, text)
        return value

    def position(self, text: str, column: str) -> int | None:
        """A set's number, 0 to SETS_MAX (the sets a session may hold); empty is None."""
        value = self._whole(text, column)
        if value is not None and value > SETS_MAX:
            raise ValueProblem(f"must be a whole number from 0 to {SETS_MAX:,}", column, text)
        return value

    def _whole(self, text: str, column: str) -> int | None:
        """A whole number 0 or more; empty is None."""
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
        if value and RANGES["set.rpe"].problem(value):
            low, high = RANGES["set.rpe"].low, RANGES["set.rpe"].high
            raise ValueProblem(f"RPE must be from {low:g} to {high:g}", column, text)
        self._rpes[text] = result = value or None
        return result

    def exercise(self, text: str, column: str) -> str:
        """An exercise name, stripped, one object per distinct name; ValueProblem if it is empty,
        longer than TEXT_MAX["exercise"] or not one line (control characters, line breaks)."""
        found = self._exercises.get(text)
        if found is None:
            name = text.strip()
            problem = text_problem("exercise", name, column) if name else None
            found = self._exercises[text] = problem or self._names.setdefault(name, name)
        if isinstance(found, Problem):
            raise ValueProblem(found.message, column, str(found.value))
        if not found:
            raise ValueProblem("an exercise name is required", column, "")
        return found

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
    """A set type written as Hevy ("warmup", "dropset") or Strong ("W", "D", "F") writes it;
    empty is normal, but not a text of signs only ("?", "²")."""
    key = column_key(text)
    return _SET_TYPES.get(key) if key or not text.strip() else None


_SET_TYPES = {
    **dict.fromkeys(("", "normal", "n", "working", "work"), SetType.NORMAL),
    **dict.fromkeys(("warmup", "w", "warm"), SetType.WARMUP),
    **dict.fromkeys(("failure", "f", "fail"), SetType.FAILURE),
    **dict.fromkeys(("dropset", "d", "drop"), SetType.DROP),
}


@dataclass(frozen=True, slots=True)
class WorkoutHead:
    """What identifies a workout and what its first row says of it: start, name, minutes."""

    start: datetime
    name: str
    minutes: float | None


class SetRow(NamedTuple):
    """One row of a workout: the exercise, the set's position (if given), the set, its distance."""

    exercise: str
    order: int | None
    entry: SetEntry
    distance_km: float | None = None


class RowReader(Protocol):
    """How one format reads its rows; the shared loop does the rest."""

    def key(self, row: Sequence[str]) -> tuple[str, ...]:
        """The texts that identify the row's workout."""
        ...

    def head(self, row: Sequence[str]) -> WorkoutHead:
        """The workout, read from the first row of it."""
        ...

    def set(self, row: Sequence[str]) -> SetRow | None:
        """The row's set, or None for a row that is not a set (a rest timer)."""
        ...

    def warnings(self) -> list[str]:
        """What the person should know about how the file was read."""
        ...


class _Workout:
    """A workout being read: its first line, head, exercises (runs of rows) and distance."""

    __slots__ = ("distance_km", "head", "line", "runs")

    def __init__(self, line: int, head: WorkoutHead) -> None:
        self.line, self.head = line, head
        self.runs: list[tuple[str, list[SetEntry], list[int | None]]] = []
        self.distance_km = 0.0

    def add(self, row: SetRow, empty: bool) -> None:
        """Add a row's set; a new exercise, or a set number seen before, starts a new run."""
        runs = self.runs
        if (
            not runs
            or runs[-1][0] != row.exercise
            or (row.order is not None and row.order in runs[-1][2])
        ):
            runs.append((row.exercise, [], []))
        if not empty:
            self.runs[-1][1].append(row.entry)
            self.runs[-1][2].append(row.order)
        self.distance_km += row.distance_km or 0.0

    def exercises(self) -> tuple[ExerciseEntry, ...]:
        """The exercises, built once: the rows read are let go as they are turned into sets."""
        entries = []
        for name, sets, orders in self.runs:
            if None not in orders and orders != sorted(orders):  # type: ignore[type-var]
                sets = [s for _, _, s in sorted(zip(orders, range(len(sets)), sets, strict=True))]
            entries.append(ExerciseEntry(name, tuple(sets)))
        self.runs = []
        return tuple(entries)


def _estimate_min(exercises: tuple[ExerciseEntry, ...]) -> float:
    """Minutes of a workout without a duration: MINUTES_PER_SET a set, or the set's time if longer;
    ValueProblem if that is more than a workout lasts."""
    sets = [s for e in exercises for s in e.sets]
    minutes = round(sum(max(MINUTES_PER_SET, (s.seconds or 0.0) / 60) for s in sets), 1)
    if RANGES["session.minutes"].problem(minutes or MINUTES_PER_SET):
        raise ValueProblem(
            f"a workout lasts at most 24 hours: without a duration in the file, its {len(sets):,}"
            f" sets are estimated at {minutes:,g} min"
        )
    return minutes or MINUTES_PER_SET


def _session(workout: _Workout, tz: tzinfo) -> tuple[Session, bool]:
    """The workout's session (a start without a zone is in `tz`) and whether its minutes are
    estimated; ValueProblem if its sets add up to more time or distance than a session holds."""
    head = workout.head
    exercises = workout.exercises()
    minutes = round(head.minutes or 0.0, 2)  # a few seconds round to 0: estimated
    estimated = minutes <= 0
    if estimated:
        minutes = _estimate_min(exercises)
    distance_km = round(workout.distance_km, 3) or None
    problem = RANGES["session.distance_km"].problem(distance_km or 0.0)
    if problem:
        raise ValueProblem(
            f"the distances of the workout's sets add up to {distance_km:,g} km; a workout's"
            f" distance {problem}"
        )
    start = head.start if head.start.tzinfo else head.start.replace(tzinfo=tz)
    session = Session(
        SessionKind.STRENGTH, start, minutes, exercises=exercises, distance_km=distance_km
    )
    return session, estimated


def _clock_changes(starts: list[datetime], tz: tzinfo) -> list[str]:
    """Warnings for local start times that the clocks skip, or pass twice, in `tz`."""
    gap: list[datetime] = []
    twice: list[datetime] = []
    for start in starts:
        change = clock_change(start)
        if change is not None:
            (gap if change == "skipped" else twice).append(start)
    found = []
    if gap:
        found.append(
            f"workouts at a time the clocks skip in {tz} (the hour they go forward): {len(gap)},"
            f" such as {gap[0]:%Y-%m-%d %H:%M}; read with the offset before the change"
        )
    if twice:
        found.append(
            f"workouts at a time that happens twice in {tz} (the hour the clocks go back):"
            f" {len(twice)}, such as {twice[0]:%Y-%m-%d %H:%M}; read as the first of the two"
        )
    return found


def read_workouts(
    csv_file: CsvFile, reader: RowReader, *, source: str, tz: tzinfo, skip_invalid: bool
) -> ParseResult:
    """Read every row into workouts, one session each, in the order the file first names them."""
    path = csv_file.path
    result = ParseResult()
    workouts: dict[tuple[str, ...], _Workout] = {}
    skipped: Counter[tuple[str, ...]] = Counter()
    rows = empty = 0
    width = len(csv_file.header)
    for line, row in csv_file.rows:
        rows += 1
        key: tuple[str, ...] = reader.key(row) if len(row) == width else ()  # whose row it is
        try:
            csv_file.check(row)
            workout = workouts.get(key)
            head = reader.head(row) if workout is None else None
            set_row = reader.set(row)
        except ValueProblem as p:
            if not skip_invalid:
                raise ImportFileError(
                    path, p.problem, line=line, column=p.column, value=p.value
                ) from None
            result.skipped.append(SkippedRow(str(path), line, p.problem, p.column, p.value))
            skipped[key] += 1
            continue
        if head is not None:
            workout = workouts[key] = _Workout(line, head)
        if set_row is None or workout is None:
            continue
        entry = set_row.entry
        blank = (
            entry.reps is None
            and entry.seconds is None
            and entry.weight_kg is None
            and entry.rpe is None
            and not set_row.distance_km
        )
        empty += blank
        workout.add(set_row, blank)
    estimated = 0
    local: list[datetime] = []  # starts the file gives without a zone, read in `tz`
    for key, workout in workouts.items():
        try:
            session, guessed = _session(workout, tz)
        except ValueProblem as p:  # the workout as a whole: named by its first line
            if not skip_invalid:
                raise ImportFileError(path, p.problem, line=workout.line) from None
            result.skipped.append(SkippedRow(str(path), workout.line, p.problem))
            continue
        estimated += guessed
        if workout.head.start.tzinfo is None:
            local.append(session.start)
        ident = fingerprint(source, workout.head.start.isoformat(), workout.head.name)
        result.sessions.append(
            ImportedSession(session, ident, workout.line, skipped_rows=skipped[key])
        )
    if not rows:
        result.warnings.append("no workouts in the file: it has a header but no rows")
    if estimated:
        result.warnings.append(
            f"workouts without a duration in the file: {estimated} of {len(result.sessions)}; their"
            f" minutes were estimated at {MINUTES_PER_SET:g} min a set"
        )
    if empty:
        result.warnings.append(
            f"rows with no weight, reps, time or distance (empty sets) left out: {empty}"
        )
    result.warnings += reader.warnings() + _clock_changes(local, tz)
    return result
