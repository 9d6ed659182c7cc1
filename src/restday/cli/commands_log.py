"""Commands that record: `profile`, `log strength|bodyweight|class|endurance|recovery`, `checkin`."""

from datetime import timedelta
from enum import StrEnum
from typing import Annotated

import typer

from restday.cli.context import At, Json, Lang, _moment, _now, _renderer, _settings
from restday.cli.options import ordered_exercises

__all__ = ["bodyweight", "checkin", "class_", "endurance", "profile", "recovery", "strength"]


class GoalChoice(StrEnum):
    muscle = "muscle"
    endurance = "endurance"
    classes = "classes"
    hybrid = "hybrid"


class ExperienceChoice(StrEnum):
    beginner = "beginner"
    intermediate = "intermediate"
    advanced = "advanced"


class LoadMetricChoice(StrEnum):
    srpe = "srpe"
    trimp = "trimp"


class IntensityChoice(StrEnum):
    easy = "easy"
    moderate = "moderate"
    hard = "hard"


Minutes = Annotated[float, typer.Option("--minutes", help="Duration in minutes (up to 1440).")]
Rpe = Annotated[float | None, typer.Option("--rpe", help="Effort, 1 (very easy) to 10 (maximal).")]


def profile(
    ctx: typer.Context,
    goal: Annotated[GoalChoice | None, typer.Option(help="What you train for.")] = None,
    experience: Annotated[
        ExperienceChoice | None, typer.Option(help="Your training experience.")
    ] = None,
    timezone: Annotated[
        str | None, typer.Option(help="IANA time zone, e.g. Europe/Amsterdam.")
    ] = None,
    body_mass: Annotated[float | None, typer.Option("--body-mass", help="Body mass in kg.")] = None,
    resting_hr: Annotated[
        float | None, typer.Option("--resting-hr", help="Resting heart rate, bpm.")
    ] = None,
    max_hr: Annotated[
        float | None, typer.Option("--max-hr", help="Maximum heart rate, bpm.")
    ] = None,
    load_metric: Annotated[
        LoadMetricChoice | None, typer.Option("--load-metric", help="What drives the load model.")
    ] = None,
    lang: Lang = None,
    json: Json = False,
) -> None:
    """Show or update your profile; any subset of options updates it.

    Example: restday profile --goal muscle --experience beginner --timezone Europe/Amsterdam
    """
    from restday import service
    from restday.cli.render import Renderer
    from restday.domain import Experience, Goal, LoadMetric

    settings = _settings(ctx)
    db = settings.database()
    updated = service.update_profile(
        db,
        user=settings.user,
        goal=Goal(goal.value) if goal else None,
        experience=Experience(experience.value) if experience else None,
        timezone=timezone,
        body_mass_kg=body_mass,
        lang=lang.value if lang else None,
        resting_hr_bpm=resting_hr,
        max_hr_bpm=max_hr,
        load_metric=LoadMetric(load_metric.value) if load_metric else None,
    )
    Renderer.for_profile(updated, None).profile(updated, json)


def _log(
    ctx: typer.Context, session_kind: str, at: str | None, minutes: float, **fields: object
) -> None:
    from restday import service
    from restday.domain import Session, SessionKind

    settings = _settings(ctx)
    db = settings.database()
    renderer = _renderer(ctx, db, None)
    session = Session(SessionKind(session_kind), _moment(at, renderer), minutes, **fields)  # type: ignore[arg-type]
    renderer.logged(service.log_session(db, session, _now(), user=settings.user))


def _lifting(ctx: typer.Context, kind: str, at: str | None, minutes: float) -> None:
    from restday.domain import ExerciseEntry
    from restday.errors import InvalidInput
    from restday.parse import parse_sets

    session_rpe, exercises = ordered_exercises(ctx)
    if not exercises:
        raise InvalidInput(
            "No exercise given: add --exercise NAME --sets SPEC, e.g. --exercise squat --sets 5x5@100kg"
        )
    entries = []
    for name, specs, rpe_text in exercises:
        if not specs:
            raise InvalidInput(f'Exercise "{name}" has no --sets: add e.g. --sets 3x10 after it')
        rpe = _number("--rpe", rpe_text)
        entries.append(
            ExerciseEntry(name, tuple(s for spec in specs for s in parse_sets(spec)), rpe=rpe)
        )
    _log(ctx, kind, at, minutes, rpe=_number("--rpe", session_rpe), exercises=tuple(entries))


def _number(option: str, text: str | None) -> float | None:
    from restday.errors import InvalidInput

    if text is None:
        return None
    try:
        return float(text)
    except ValueError:
        raise InvalidInput(f'Invalid {option} "{text}": must be a number') from None


ExerciseOpt = Annotated[
    list[str] | None,
    typer.Option("--exercise", "-e", help="Exercise name; its --sets and --rpe follow it."),
]
SetsOpt = Annotated[
    list[str] | None,
    typer.Option("--sets", "-s", help="SETSxREPS[@WEIGHT(kg|lb)] or SETSxSECONDSs."),
]
RpeList = Annotated[
    list[str] | None,
    typer.Option(
        "--rpe", help="Effort 1-10: before any --exercise for the session, after one for it."
    ),
]


# app.py registers strength and bodyweight with OrderedOptionsCommand, which _lifting reads.
def strength(
    ctx: typer.Context,
    minutes: Minutes,
    at: At = None,
    exercise: ExerciseOpt = None,
    sets: SetsOpt = None,
    rpe: RpeList = None,
) -> None:
    """Log a strength session with exercises and sets.

    Example: restday log strength --at 2026-11-24T18:00 --minutes 60 --rpe 8 --exercise squat --sets 5x5@120kg
    """
    _lifting(ctx, "strength", at, minutes)


def bodyweight(
    ctx: typer.Context,
    minutes: Minutes,
    at: At = None,
    exercise: ExerciseOpt = None,
    sets: SetsOpt = None,
    rpe: RpeList = None,
) -> None:
    """Log a bodyweight session (planks, air squats, push-ups).

    Example: restday log bodyweight --minutes 20 --rpe 6 --exercise plank --sets 3x60s
    """
    _lifting(ctx, "bodyweight", at, minutes)


def class_(
    ctx: typer.Context,
    kind: Annotated[
        str, typer.Option(help="Class kind: indoor-cycling, dance, barre, hiit, yoga, ...")
    ],
    minutes: Minutes,
    at: At = None,
    rpe: Rpe = None,
) -> None:
    """Log a group class.

    Example: restday log class --kind indoor-cycling --minutes 45 --rpe 7
    """
    from restday.catalog import resolve_activity
    from restday.domain import ActivityKind

    _log(
        ctx,
        "class",
        at,
        minutes,
        rpe=rpe,
        class_kind=resolve_activity(kind, ActivityKind.CLASS).name,
    )


def endurance(
    ctx: typer.Context,
    sport: Annotated[str, typer.Option(help="run, bike, swim, row, walk, hike, ski")],
    minutes: Minutes,
    intensity: Annotated[IntensityChoice, typer.Option(help="How hard it was.")],
    at: At = None,
    rpe: Rpe = None,
    km: Annotated[float | None, typer.Option(help="Distance in km.")] = None,
) -> None:
    """Log an endurance session.

    Example: restday log endurance --sport run --minutes 50 --intensity hard --km 10
    """
    from restday.catalog import resolve_activity
    from restday.domain import ActivityKind, Intensity

    sport_name = resolve_activity(sport, ActivityKind.SPORT).name
    _log(
        ctx,
        "endurance",
        at,
        minutes,
        rpe=rpe,
        intensity=Intensity(intensity.value),
        sport=sport_name,
        distance_km=km,
    )


def recovery(
    ctx: typer.Context,
    kind: Annotated[str, typer.Option(help="yoga, walk, easy-bike, massage, foam-rolling, ...")],
    minutes: Minutes,
    at: At = None,
) -> None:
    """Log recovery: an easy walk or ride, yoga, massage, foam rolling.

    Example: restday log recovery --kind foam-rolling --minutes 15
    """
    from restday.catalog import resolve_activity
    from restday.domain import ActivityKind

    _log(
        ctx,
        "recovery",
        at,
        minutes,
        recovery_kind=resolve_activity(kind, ActivityKind.RECOVERY).name,
    )


def checkin(
    ctx: typer.Context,
    at: At = None,
    sleep: Annotated[float | None, typer.Option(help="Hours slept last night.")] = None,
    sleep_quality: Annotated[
        int | None, typer.Option("--sleep-quality", help="1 (bad) to 5 (great).")
    ] = None,
    sore: Annotated[
        list[str] | None, typer.Option(help="REGION=0-3 (0 none ... 3 very sore); repeat.")
    ] = None,
    fatigue: Annotated[
        int | None, typer.Option(help="Daytime fatigue, 1 (fresh) to 5 (exhausted).")
    ] = None,
    motivation: Annotated[
        int | None, typer.Option(help="Motivation to train, 1 (none) to 5 (eager).")
    ] = None,
    irritable: Annotated[bool, typer.Option("--irritable", help="You feel irritable.")] = False,
    injury: Annotated[
        list[str] | None, typer.Option(help="A region with an injury; repeat.")
    ] = None,
    resting_hr: Annotated[
        int | None, typer.Option("--resting-hr", help="Resting heart rate, bpm.")
    ] = None,
    hrv: Annotated[float | None, typer.Option(help="Heart-rate variability, ms.")] = None,
    list_: Annotated[
        bool,
        typer.Option(
            "--list", help="List check-ins and what devices measured, by day, newest first."
        ),
    ] = False,
    days: Annotated[int, typer.Option(help="With --list: this many days back from --at.")] = 14,
    json: Json = False,
    lang: Lang = None,
) -> None:
    """Record how you feel: sleep, soreness, fatigue, motivation, injuries; or list check-ins
    and the nights, resting heart rates and HRV that devices measured, each with its source.

    Example: restday checkin --sleep 6.5 --sore legs=2 --fatigue 3 --motivation 4
    """
    from restday import service
    from restday.domain import CheckIn
    from restday.domain.validate import number_problem, require
    from restday.errors import InvalidInput
    from restday.parse import parse_region, parse_soreness

    given = (sleep, sleep_quality, sore, fatigue, motivation, injury, resting_hr, hrv)
    if list_:
        if irritable or any(value is not None for value in given):
            raise InvalidInput("--list lists check-ins: give it no values to record")
        settings = _settings(ctx)
        db = settings.database()
        renderer = _renderer(ctx, db, lang)
        require([number_problem("checkins.days", days, "days")])
        until = _moment(at, renderer) if at else _now()
        found = service.wellness(db, until - timedelta(days=days), until, user=settings.user)
        renderer.wellness(found, days, json)
        return
    if json:
        raise InvalidInput("--json applies to --list only")

    soreness = {}
    for text in sore or []:
        region, level = parse_soreness(text)
        if region in soreness:
            raise InvalidInput(f'Invalid --sore "{text}": {region} is given twice')
        soreness[region] = level
    injuries = frozenset(parse_region(r) for r in injury or [])
    settings = _settings(ctx)
    db = settings.database()
    renderer = _renderer(ctx, db, lang)
    entry = CheckIn(
        _moment(at, renderer),
        sleep,
        sleep_quality,
        soreness,
        fatigue,
        motivation,
        irritable,
        injuries,
        resting_hr,
        hrv,
    )
    renderer.checked_in(service.checkin(db, entry, _now(), user=settings.user), entry)
