"""Plan weeks: gather the person's state at the start, solve, check independently, keep the plan."""

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from restday import engine
from restday.catalog import load_activities
from restday.domain import Goal, Intensity, Region, SessionKind
from restday.domain.validate import asked_moment_problem, number_problem, require
from restday.engine.intensity import session_intensity
from restday.engine.planner import PlanHistory, PlanRequest, make_plan
from restday.engine.streaks import class_streak, training_streak
from restday.errors import InvalidInput, Problem
from restday.rules import Rulebook
from restday.service.reports import engine_inputs

if TYPE_CHECKING:
    from restday.store.db import Database

__all__ = [
    "PlanAsk",
    "check",
    "check_ask",
    "last_plan",
    "parse_plan",
    "plan",
    "plan_calendar",
    "read_plan",
    "template",
]


@dataclass(frozen=True, slots=True)
class PlanAsk:
    """What the person asked for: `available` maps a weekday (0 = Monday) to free minutes or None."""

    start: date
    available: dict[int, float | None]
    weeks: int = 1
    goal: Goal | None = None
    focus: tuple[Region, ...] = tuple(Region)
    sports: tuple[str, ...] = ()
    class_kinds: tuple[str, ...] = ()
    sessions: int | None = None
    minutes: float | None = None
    max_classes_in_row: int | None = None


def _history(inputs: engine.Inputs, start: date, moment: datetime, rules: Rulebook) -> PlanHistory:
    """The person's state when the plan starts: recovering muscles, streaks, yesterday's class and run."""
    tz = ZoneInfo(inputs.profile.timezone)
    status = engine.muscle_status(inputs, moment)
    ready_at = {
        m.muscle: m.ready_at
        for m in status.muscles
        if m.state is engine.MuscleState.RECOVERING and m.ready_at is not None
    }
    before = [s for s in inputs.sessions if s.start.astimezone(tz).date() < start]
    yesterday = [s for s in before if s.start.astimezone(tz).date() == start - timedelta(days=1)]
    last_class = next(
        (s.class_kind for s in reversed(yesterday) if s.kind is SessionKind.CLASS), None
    )
    hard = any(
        s.kind is SessionKind.ENDURANCE and session_intensity(s, rules.intensity) is Intensity.HARD
        for s in yesterday
    )
    return PlanHistory(
        ready_at=ready_at,
        training_days_before=training_streak(before, start, tz, rules),
        classes_before=class_streak(before, start, tz, rules),
        last_class_kind=last_class,
        hard_endurance_yesterday=hard,
    )


def _first_day_problem(start: date) -> Problem | None:
    return asked_moment_problem(datetime.combine(start, time(12), UTC), "first_day")


def check_ask(ask: PlanAsk) -> None:
    """Refuse a request outside the bounds: 1-4 weeks from a day in 1970-2099, and so on."""
    require(
        [
            _first_day_problem(ask.start),
            number_problem("plan.weeks", ask.weeks),
            number_problem("plan.sessions", ask.sessions),
            number_problem("plan.minutes", ask.minutes),
            number_problem("plan.max_classes_in_row", ask.max_classes_in_row),
        ]
    )


def plan(db: "Database", rules: Rulebook, ask: PlanAsk, *, user: str) -> dict[str, Any]:
    """A plan from the person's state at the start, checked by the independent checker, and kept."""
    from restday.engine.plancheck import check_plan

    check_ask(ask)
    with db.reading() as tx:
        user_id = tx.existing_user(user)
        profile = tx.get_profile(user_id)
        moment = datetime.combine(
            ask.start, time(rules.plan_layout.hour), ZoneInfo(profile.timezone)
        )
        inputs = engine_inputs(tx, user_id, rules, moment)
        previous_text = tx.last_plan(user_id)
    previous = json.loads(previous_text) if previous_text else {"days": []}
    request = PlanRequest(
        start=ask.start,
        weeks=ask.weeks,
        goal=ask.goal or profile.goal,
        available=ask.available,
        focus=ask.focus,
        sports=ask.sports,
        class_kinds=ask.class_kinds,
        sessions_per_week=ask.sessions,
        minutes=ask.minutes,
        max_classes_in_row=ask.max_classes_in_row,
        previous={date.fromisoformat(d["date"]): d for d in previous["days"]},
    )
    activities = load_activities()
    result = make_plan(
        request, _history(inputs, ask.start, moment, rules), profile, rules, activities
    )
    result["violations"] = [v.to_dict() for v in check_plan(result, rules, activities)]
    with db.transaction() as tx:
        tx.save_plan(tx.ensure_user(user), result["start"], json.dumps(result, allow_nan=False))
    return result


def last_plan(db: "Database", *, user: str) -> dict[str, Any] | None:
    """The person's newest saved plan, or None before the first."""
    with db.reading() as tx:
        text = tx.last_plan(tx.existing_user(user))
    found: dict[str, Any] | None = json.loads(text) if text else None
    return found


def check(plan_data: dict[str, Any], rules: Rulebook) -> list[dict[str, Any]]:
    """The violations the independent checker finds in a plan."""
    from restday.engine.plancheck import check_plan

    return [v.to_dict() for v in check_plan(plan_data, rules, load_activities())]


def template(name: str, start: date, rules: Rulebook) -> dict[str, Any]:
    """One of the article's example weeks, starting on `start`, with the checker's verdict."""
    from restday.weeks import load_template

    require([_first_day_problem(start)])
    result: dict[str, Any] = load_template(name, start)
    result["violations"] = check(result, rules)
    return result


def parse_plan(content: str | bytes, source: str) -> dict[str, Any]:
    """A plan from JSON text (UTF-8 when bytes, e.g. an upload), or one error naming `source`."""
    try:
        data = json.loads(content.decode("utf-8") if isinstance(content, bytes) else content)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidInput(f"{source}: not a plan JSON file ({exc})") from None
    if not isinstance(data, dict) or "days" not in data or "start" not in data:
        raise InvalidInput(f"{source}: not a plan JSON file (no start and days)")
    return data


def read_plan(path: Path) -> dict[str, Any]:
    """A plan JSON file, or one clear error."""
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"{path}: not a plan JSON file ({exc})") from None
    return parse_plan(content, str(path))


def plan_calendar(
    plan_data: Mapping[str, Any],
    rules: Rulebook,
    *,
    tz: str,
    now: datetime,
    name: str,
    describe: Callable[[Mapping[str, Any]], tuple[str, str]],
) -> bytes:
    """The plan as an iCalendar file: a day's session at the rulebook's plan hour in the zone `tz`,
    titled by `describe` (a day's summary and description)."""
    from restday.io.ics import plan_to_ics

    return plan_to_ics(
        plan_data, tz, hour=rules.plan_layout.hour, stamp=now, name=name, describe=describe
    )
