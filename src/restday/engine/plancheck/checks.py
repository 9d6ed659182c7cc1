"""The hard rules of docs/planning.md, one function each: (plan, rulebook) -> violations."""

from collections.abc import Callable, Sequence
from datetime import datetime, time, timedelta
from typing import Any

from restday.domain import Goal, Muscle
from restday.engine.plancheck.days import PLAN_RULE, Day
from restday.engine.plancheck.loads import (
    Load,
    PlanView,
    day_loads,
    is_class,
    is_recovery_day,
    is_session,
    is_training,
)
from restday.engine.plancheck.violation import Violation
from restday.engine.plancheck.violation import ViolationText as T
from restday.rules import Rulebook

__all__ = ["CHECKS"]

WEEK_DAYS = 7
HOURS_PER_DAY = 24
# Rounding slack when comparing hours computed from shares and factors.
_EPS = 1e-9
# Activities each goal may plan besides active recovery and rest (docs/planning.md).
_GOAL_ACTIVITIES = {
    Goal.MUSCLE: {"strength"},
    Goal.ENDURANCE: {"endurance"},
    Goal.CLASSES: {"class"},
    Goal.HYBRID: {"strength", "endurance", "class"},
}


def _blocks(days: Sequence[Day], size: int) -> list[Sequence[Day]]:
    """The whole blocks of `size` days from the start (a partial last block is left out)."""
    return [days[i : i + size] for i in range(0, len(days) - size + 1, size)] if size else []


def _v(rule: str, day: Day, text: T, **params: Any) -> Violation:
    """A violation of `rule` on `day`."""
    return Violation(rule, day.date, text.value, params)


def _muscles(muscles: Sequence[Muscle]) -> str:
    return ", ".join(sorted(m.value for m in muscles))


def check_goal(plan: PlanView, rules: Rulebook) -> list[Violation]:
    """Goal-specific activity: a muscle plan lifts, an endurance plan runs, rides or swims, ..."""
    allowed = _GOAL_ACTIVITIES[plan.goal]
    return [
        _v(PLAN_RULE, d, T.GOAL, goal=plan.goal.value, kind=d.activity)
        for d in plan.days
        if is_training(d, rules) and d.activity not in allowed
    ]


def check_rest(plan: PlanView, rules: Rulebook) -> list[Violation]:
    """rest.*: a muscle loaded again (not easy) before the rest the earlier load asks is over."""
    factor = float(getattr(rules.factors, plan.context.experience.value))
    loads = [day_loads(d, rules, factor) for d in plan.days]
    broken: dict[tuple[int, int, str], list[tuple[Muscle, Load]]] = {}
    for later, muscles in enumerate(loads):
        for muscle in muscles:
            for earlier in range(later - 1, -1, -1):
                load = loads[earlier].get(muscle)
                if load and HOURS_PER_DAY * (later - earlier) < load.hours - _EPS:
                    broken.setdefault((later, earlier, load.rule), []).append((muscle, load))
                    break
    return [
        _v(
            rule,
            plan.days[later],
            T.REST,
            muscles=_muscles([m for m, _ in items]),
            date=plan.days[earlier].date,
            hours=HOURS_PER_DAY * (later - earlier),
            needs=round(max(load.hours for _, load in items), 1),
        )
        for (later, earlier, rule), items in sorted(broken.items())
    ]


def check_ready_at(plan: PlanView, rules: Rulebook) -> list[Violation]:
    """history: no load on a muscle before the ready_at its logged sessions give it."""
    ready_at = plan.context.history.ready_at
    factor = float(getattr(rules.factors, plan.context.experience.value))
    hour = time(rules.plan_layout.hour)
    found = []
    for day in plan.days:
        start = datetime.combine(day.date, hour, plan.context.tz)
        early = [m for m in day_loads(day, rules, factor) if m in ready_at and start < ready_at[m]]
        if early:
            at = max(ready_at[m] for m in early)
            found.append(_v("history", day, T.READY_AT, muscles=_muscles(early), at=at))
    return found


def check_frequency(plan: PlanView, rules: Rulebook) -> list[Violation]:
    """freq.twice_weekly (muscle, hybrid): each focus region on `times` strength days a week."""
    if plan.goal not in (Goal.MUSCLE, Goal.HYBRID):
        return []
    freq = rules.frequency
    found = []
    for block in _blocks(plan.days, freq.window_days):
        for region in dict.fromkeys(plan.context.focus):
            count = sum(1 for d in block if d.activity == "strength" and region in d.regions)
            if count < freq.times:
                found.append(
                    _v(
                        "freq.twice_weekly",
                        block[0],
                        T.FREQUENCY,
                        region=region.value,
                        count=count,
                        times=freq.times,
                    )
                )
    return found


def _runs(
    days: Sequence[Day], counts: Callable[[Day], bool], before: int, limit: int
) -> list[tuple[Day, int]]:
    """Each run of counted days (continuing `before`) longer than `limit`: first day over, length."""
    runs: list[tuple[Day, int]] = []
    run, first_over = before, None
    for day in [*days, None]:
        if day is not None and counts(day):
            run += 1
            if run > limit and first_over is None:
                first_over = day
            continue
        if first_over is not None:
            runs.append((first_over, run))
        run, first_over = 0, None
    return runs


def check_days_in_row(plan: PlanView, rules: Rulebook) -> list[Violation]:
    """endurance.week: at most `max_days_in_row` training days in a row, history included."""
    limit = rules.endurance_week.max_days_in_row
    before = plan.context.history.training_days_before
    return [
        _v("endurance.week", day, T.DAYS_IN_ROW, count=run, max=limit)
        for day, run in _runs(plan.days, lambda d: is_training(d, rules), before, limit)
    ]


def check_class_streak(plan: PlanView, rules: Rulebook) -> list[Violation]:
    """classes.streak: at most `max_classes_in_row` class days in a row, history included."""
    limit = plan.context.max_classes_in_row
    before = plan.context.history.classes_before
    return [
        _v("classes.streak", day, T.CLASS_STREAK, count=run, max=limit)
        for day, run in _runs(plan.days, lambda d: is_class(d, rules), before, limit)
    ]


def check_hard_in_row(plan: PlanView, rules: Rulebook) -> list[Violation]:
    """endurance.alternate (endurance, hybrid): no two hard endurance days in a row."""
    if plan.goal not in (Goal.ENDURANCE, Goal.HYBRID):
        return []
    last = plan.context.history.last_hard_endurance_day
    previous_hard = last == plan.start - timedelta(days=1)
    found = []
    for day in plan.days:
        hard = day.activity == "endurance" and day.intensity == "hard"
        if hard and previous_hard:
            found.append(_v("endurance.alternate", day, T.HARD_IN_ROW))
        previous_hard = hard
    return found


def check_vary(plan: PlanView, rules: Rulebook) -> list[Violation]:
    """endurance.vary (two or more sports listed, whatever the goal): two sports every week."""
    if len(set(plan.context.sports)) < 2:
        return []
    found = []
    for week in _blocks(plan.days, WEEK_DAYS):
        sports = {d.sport.name for d in week if d.activity == "endurance" and d.sport}
        if len(sports) < 2:
            found.append(_v("endurance.vary", week[0], T.VARY, count=len(sports)))
    return found


def check_class_alternate(plan: PlanView, rules: Rulebook) -> list[Violation]:
    """classes.alternate: consecutive classes differ in kind and share few main muscles."""
    previous = plan.context.history.last_class_kind  # yesterday's class, if any
    max_shared = rules.class_alternate.max_shared
    found = []
    for day in plan.days:
        current = day.class_kind if is_class(day, rules) else None
        if current is not None and previous is not None:
            shared = previous.primary & current.primary
            smaller = min(len(previous.primary), len(current.primary))
            if current.name == previous.name:
                found.append(
                    _v("classes.alternate", day, T.CLASS_SAME_KIND, class_kind=current.name)
                )
            elif len(shared) > max_shared * smaller + _EPS:
                found.append(
                    _v(
                        "classes.alternate",
                        day,
                        T.CLASS_SHARED,
                        class_kind=current.name,
                        last=previous.name,
                        muscles=_muscles(list(shared)),
                    )
                )
        previous = current
    return found


def check_recovery_day(plan: PlanView, rules: Rulebook) -> list[Violation]:
    """recovery.planned: every week has a rest or active-recovery day."""
    return [
        _v("recovery.planned", week[0], T.NO_RECOVERY_DAY)
        for week in _blocks(plan.days, WEEK_DAYS)
        if not any(is_recovery_day(d, rules) for d in week)
    ]


def check_time(plan: PlanView, rules: Rulebook) -> list[Violation]:
    """availability and recovery.short_on_time: what is planned fits the minutes free."""
    short = rules.short_on_time
    found = []
    for day in plan.days:
        if not is_session(day):
            continue
        free = plan.context.free_min[day.date.weekday()]
        if free is None:
            found.append(_v("availability", day, T.UNAVAILABLE))
            continue
        if day.minutes > free:
            found.append(_v("availability", day, T.TOO_LONG, minutes=day.minutes, free=free))
        allowed = max(0.0, free - short.active_recovery_min)
        if is_training(day, rules) and free < short.full_session_min and day.minutes > allowed:
            found.append(
                _v(
                    "recovery.short_on_time",
                    day,
                    T.SHORT_ON_TIME,
                    minutes=day.minutes,
                    free=free,
                    session=allowed,
                    recovery=short.active_recovery_min,
                )
            )
    return found


CHECKS: tuple[Callable[[PlanView, Rulebook], list[Violation]], ...] = (
    check_goal,
    check_rest,
    check_ready_at,
    check_frequency,
    check_days_in_row,
    check_hard_in_row,
    check_vary,
    check_class_streak,
    check_class_alternate,
    check_recovery_day,
    check_time,
)
