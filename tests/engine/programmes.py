"""Weekly training programmes as generated histories, and the article's spacing without the engine."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from restday.catalog import load_exercises
from restday.domain import REGION_OF, ExerciseEntry, Muscle, Region, Session, SessionKind
from tests.factories import MONDAY, endurance, sets

WEEK = timedelta(days=7)
_CATALOGUE = {e.name: e for e in load_exercises().values()}


@dataclass(frozen=True)
class Lift:
    """An exercise of a programme: `heavy` (5 reps at RPE 8) or moderate (10 reps at RPE 7)."""

    name: str
    count: int
    heavy: bool

    def entry(self) -> ExerciseEntry:
        known = _CATALOGUE[self.name]
        reps, rpe = (5, 8.0) if self.heavy else (10, 7.0)
        return ExerciseEntry(
            self.name, sets(self.count, reps, 60.0, rpe=rpe), known.primary, known.secondary
        )


@dataclass(frozen=True)
class Day:
    """One training day of a week: the weekday (0 Monday), the local hour, and what is done."""

    weekday: int
    hour: int
    lifts: tuple[Lift, ...] = ()
    run: bool = False

    def session(self, week_start: datetime) -> Session:
        start = week_start.replace(hour=self.hour) + timedelta(days=self.weekday)
        if self.run:
            return endurance(start, sport="run", intensity="moderate")
        entries = tuple(lift.entry() for lift in self.lifts)
        return Session(SessionKind.STRENGTH, start, 60, 8, exercises=entries)


def generate(days: tuple[Day, ...], weeks: int, first: datetime = MONDAY) -> list[Session]:
    """`weeks` weeks of the programme, the last one starting on the Monday `first`."""
    start = first.replace(hour=0) - (weeks - 1) * WEEK
    return [day.session(start + i * WEEK) for i in range(weeks) for day in days]


def article_rest_h(session: Session, muscle: Muscle) -> float:
    """The rest the article asks of `muscle` after one session on its own, in hours (0: untouched).

    48 h after moderate to high intensity and after heavy lifting at RPE 8, 72 h for the legs after
    a heavy leg day; a muscle that only assists gets half; a run works the legs for half of 48 h.
    """
    if session.kind is SessionKind.ENDURANCE:
        legs = {Muscle.QUADRICEPS, Muscle.HAMSTRINGS, Muscle.GLUTES, Muscle.CALVES}
        return 24.0 if muscle in legs else 0.0
    rest = 0.0
    for entry in session.exercises:
        heavy = entry.sets[0].reps == 5
        base = 72.0 if heavy and REGION_OF[muscle] is Region.LEGS else 48.0
        if muscle in entry.primary:
            rest = max(rest, base)
        elif muscle in entry.secondary:
            rest = max(rest, base / 2)
    return rest


def article_ready(history: list[Session], muscle: Muscle, at: datetime) -> bool:
    """Whether every session before `at` has had the rest the article asks for `muscle`."""
    return all(
        s.end + timedelta(hours=article_rest_h(s, muscle)) <= at for s in history if s.start < at
    )


SQUAT = Lift("Barbell Squat", 6, True)
FIVE_DAY_LIFTER = (
    Day(
        0,
        18,
        (
            SQUAT,
            Lift("Leg Press", 6, False),
            Lift("Lying Leg Curls", 6, False),
            Lift("Standing Calf Raises", 5, False),
        ),
    ),
    Day(
        1,
        18,
        (
            Lift("Barbell Bench Press - Medium Grip", 6, True),
            Lift("Dumbbell Flyes", 6, False),
            Lift("Dips - Triceps Version", 6, False),
            Lift("Triceps Pushdown", 5, False),
        ),
    ),
    Day(
        2,
        18,
        (
            Lift("Barbell Deadlift", 6, True),
            Lift("Pullups", 6, False),
            Lift("Bent Over Barbell Row", 6, False),
            Lift("Barbell Curl", 5, False),
        ),
    ),
    Day(
        3,
        18,
        (
            SQUAT,
            Lift("Front Squat (Clean Grip)", 6, False),
            Lift("Romanian Deadlift", 6, False),
            Lift("Standing Calf Raises", 5, False),
        ),
    ),
    Day(6, 9, run=True),
)

_FULL_BODY = (
    Lift("Barbell Squat", 5, False),
    Lift("Barbell Bench Press - Medium Grip", 5, False),
    Lift("Bent Over Barbell Row", 5, False),
    Lift("Plank", 3, False),
)
FULL_BODY_3 = (Day(0, 17, _FULL_BODY), Day(2, 18, _FULL_BODY), Day(4, 19, _FULL_BODY))

_UPPER = (
    Lift("Barbell Bench Press - Medium Grip", 5, True),
    Lift("Bent Over Barbell Row", 5, True),
    Lift("Standing Military Press", 4, False),
    Lift("Barbell Curl", 3, False),
)
_LOWER = (
    Lift("Barbell Squat", 5, False),
    Lift("Romanian Deadlift", 4, False),
    Lift("Standing Calf Raises", 4, False),
    Lift("Crunches", 3, False),
)
UPPER_LOWER_4 = (Day(0, 18, _UPPER), Day(1, 18, _LOWER), Day(3, 18, _UPPER), Day(4, 18, _LOWER))

_PUSH = (
    Lift("Barbell Bench Press - Medium Grip", 5, True),
    Lift("Standing Military Press", 4, True),
    Lift("Triceps Pushdown", 4, False),
)
_PULL = (
    Lift("Pullups", 5, True),
    Lift("Bent Over Barbell Row", 5, True),
    Lift("Barbell Curl", 4, False),
)
_LEGS = (
    Lift("Barbell Squat", 5, False),
    Lift("Lying Leg Curls", 4, False),
    Lift("Standing Calf Raises", 4, False),
)
PUSH_PULL_LEGS_6 = tuple(
    Day(weekday, 18, block)
    for weekday, block in enumerate((_PUSH, _PULL, _LEGS, _PUSH, _PULL, _LEGS))
)
