"""Builders for domain objects in tests: short, readable histories."""

from datetime import UTC, datetime, timedelta

from restday.domain import (
    Activity,
    ActivityKind,
    CheckIn,
    ExerciseEntry,
    Intensity,
    Muscle,
    Profile,
    Reading,
    Region,
    Session,
    SessionKind,
    SetEntry,
    SetType,
)
from restday.engine import Inputs
from restday.rules import Rulebook, default_rulebook

MONDAY = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
M = Muscle

SQUAT = (frozenset({M.QUADRICEPS}), frozenset({M.GLUTES, M.HAMSTRINGS, M.CALVES, M.LOWER_BACK}))
BENCH = (frozenset({M.CHEST}), frozenset({M.SHOULDERS, M.TRICEPS}))
CURL = (frozenset({M.BICEPS}), frozenset({M.FOREARMS}))
PLANK = (frozenset({M.ABDOMINALS}), frozenset())

LEGS = frozenset({M.QUADRICEPS, M.HAMSTRINGS, M.GLUTES, M.CALVES})
ACTIVITIES = {
    a.name: a
    for a in (
        Activity("run", ActivityKind.SPORT, LEGS),
        Activity("bike", ActivityKind.SPORT, frozenset({M.QUADRICEPS, M.GLUTES, M.CALVES})),
        Activity(
            "swim",
            ActivityKind.SPORT,
            frozenset({M.LATS, M.SHOULDERS, M.CHEST}),
            frozenset({M.TRICEPS}),
        ),
        Activity(
            "indoor-cycling", ActivityKind.CLASS, frozenset({M.QUADRICEPS, M.GLUTES, M.CALVES})
        ),
        Activity(
            "dance",
            ActivityKind.CLASS,
            frozenset({M.CALVES, M.ABDUCTORS}),
            frozenset({M.ABDOMINALS}),
        ),
        Activity("barre", ActivityKind.CLASS, frozenset({M.GLUTES, M.ADDUCTORS, M.ABDOMINALS})),
        Activity("boxing", ActivityKind.CLASS, frozenset({M.SHOULDERS, M.CHEST, M.TRICEPS})),
        Activity("hiit", ActivityKind.CLASS, frozenset({M.QUADRICEPS, M.GLUTES, M.ABDOMINALS})),
        Activity("yoga", ActivityKind.CLASS, frozenset({M.ABDOMINALS, M.LOWER_BACK})),
        Activity("pilates", ActivityKind.CLASS, frozenset({M.ABDOMINALS, M.LOWER_BACK})),
    )
}


def sets(
    count: int,
    reps: int,
    kg: float | None = None,
    rpe: float | None = None,
    set_type: SetType = SetType.NORMAL,
) -> tuple[SetEntry, ...]:
    return tuple(
        SetEntry(reps=reps, weight_kg=kg, rpe=rpe, set_type=set_type) for _ in range(count)
    )


def exercise(
    muscles: tuple[frozenset[Muscle], frozenset[Muscle]],
    *set_entries: SetEntry,
    name: str = "exercise",
    rpe: float | None = None,
) -> ExerciseEntry:
    return ExerciseEntry(name, tuple(set_entries), muscles[0], muscles[1], rpe)


def strength(
    start: datetime,
    *exercises: ExerciseEntry,
    minutes: float = 60,
    rpe: float | None = None,
    kind: SessionKind = SessionKind.STRENGTH,
) -> Session:
    return Session(kind, start, minutes, rpe, exercises=exercises)


def squat_day(start: datetime, kg: float = 120, reps: int = 5, rpe: float | None = 8) -> Session:
    return strength(start, exercise(SQUAT, *sets(5, reps, kg)), rpe=rpe)


def endurance(
    start: datetime, sport: str = "run", intensity: str = "moderate", minutes: float = 45
) -> Session:
    return Session(
        SessionKind.ENDURANCE, start, minutes, intensity=Intensity(intensity), sport=sport
    )


def class_(start: datetime, kind: str, rpe: float = 7, minutes: float = 50) -> Session:
    return Session(SessionKind.CLASS, start, minutes, rpe, class_kind=kind)


def checkin(at: datetime, **fields: object) -> CheckIn:
    if "soreness" in fields:
        fields["soreness"] = {Region(k): v for k, v in dict(fields["soreness"]).items()}  # type: ignore[call-overload]
    if "injuries" in fields:
        fields["injuries"] = frozenset(Region(r) for r in fields["injuries"])  # type: ignore[attr-defined]
    return CheckIn(at, **fields)  # type: ignore[arg-type]


def inputs(
    *sessions: Session,
    checkins: tuple[CheckIn, ...] = (),
    profile: Profile | None = None,
    rules: Rulebook | None = None,
    readings: tuple[Reading, ...] = (),
) -> Inputs:
    return Inputs(
        tuple(sessions),
        checkins,
        profile or Profile(),
        rules or default_rulebook(),
        ACTIVITIES,
        readings=readings,
    )


def hours_after(start: datetime, hours: float) -> datetime:
    return start + timedelta(hours=hours)
