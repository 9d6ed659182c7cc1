"""Rows to sessions, shared by the Strong and Hevy CSV importers: one session per workout, its
exercises in file order, its sets in set order.

An exercise is a run of rows with its name; a set number seen before in the run starts a new one
(the same exercise added twice in a row). Within a run the sets are sorted by set number, as the
newest Strong exports write them shuffled.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import NamedTuple, Protocol

from restday.domain import ExerciseEntry, Session, SessionKind, SetEntry
from restday.errors import ImportFileError
from restday.io.base import ImportedSession, ParseResult, SkippedRow, fingerprint
from restday.io.csvfile import CsvFile, ValueProblem

__all__ = ["MINUTES_PER_SET", "RowReader", "SetRow", "WorkoutHead", "read_workouts"]

# A workout whose file gives no duration is estimated at this many minutes a set (or the set's own
# time, if longer): an import estimate, not a training rule, so it lives here, not in the rulebook.
MINUTES_PER_SET = 2.5


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
    """Minutes of a workout without a duration: MINUTES_PER_SET a set, or the set's time if longer."""
    sets = [s for e in exercises for s in e.sets]
    minutes = sum(max(MINUTES_PER_SET, (s.seconds or 0.0) / 60) for s in sets)
    return round(minutes, 1) or MINUTES_PER_SET


def read_workouts(
    csv_file: CsvFile, reader: RowReader, *, source: str, tz: tzinfo, skip_invalid: bool
) -> ParseResult:
    """Read every row into workouts, one session each, in the order the file first names them."""
    path, width = csv_file.path, len(csv_file.header)
    result = ParseResult()
    workouts: dict[tuple[str, ...], _Workout] = {}
    skipped: Counter[tuple[str, ...]] = Counter()
    rows = empty = 0
    for line, row in csv_file.rows:
        rows += 1
        key: tuple[str, ...] = ()
        try:
            if len(row) != width:
                raise ValueProblem(f"the row has {len(row)} fields where the header has {width}")
            key = reader.key(row)
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
    for key, workout in workouts.items():
        head = workout.head
        exercises = workout.exercises()
        minutes = head.minutes
        if not minutes or minutes <= 0:
            minutes, estimated = _estimate_min(exercises), estimated + 1
        start = head.start if head.start.tzinfo else head.start.replace(tzinfo=tz)
        session = Session(
            SessionKind.STRENGTH,
            start,
            round(minutes, 2),
            exercises=exercises,
            distance_km=round(workout.distance_km, 3) or None,
        )
        ident = fingerprint(source, head.start.isoformat(), head.name)
        result.sessions.append(
            ImportedSession(session, ident, workout.line, skipped_rows=skipped[key])
        )
    if not rows:
        result.warnings.append("no workouts in the file: it has a header but no rows")
    if estimated:
        result.warnings.append(
            f"workouts without a duration in the file: {estimated} of {len(workouts)}; their"
            f" minutes were estimated at {MINUTES_PER_SET:g} min a set"
        )
    if empty:
        result.warnings.append(
            f"rows with no weight, reps, time or distance (empty sets) left out: {empty}"
        )
    result.warnings += reader.warnings()
    return result
