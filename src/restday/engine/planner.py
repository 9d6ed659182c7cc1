"""The weekly planner: a CP-SAT model of the rulebook's rest rules (OR-Tools is imported lazily).

The plan is a plain dict in the format of docs/planning.md, checked by an independent checker.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from restday.domain import (
    MUSCLES_OF_REGION,
    REGION_OF,
    WEEKDAYS,
    Activity,
    ActivityKind,
    Goal,
    Muscle,
    Profile,
    RecoveryKind,
    Region,
)
from restday.rules import Rulebook

__all__ = ["Option", "PlanHistory", "PlanRequest", "day_options", "make_plan"]

DEFAULT_SPORTS = ("run", "bike", "swim")
# The article's active recovery: an easy walk, or for class-goers a beginner yoga class.
RECOVERY_SPORT = "walk"
RECOVERY_CLASS = "yoga"


@dataclass(frozen=True, slots=True)
class PlanRequest:
    """What the person asks for. `available` maps a weekday (0 = Monday) to free minutes, or None."""

    start: date
    weeks: int
    goal: Goal
    available: Mapping[int, float | None]
    focus: tuple[Region, ...]
    sports: tuple[str, ...] = ()
    class_kinds: tuple[str, ...] = ()
    sessions_per_week: int | None = None
    minutes: float | None = None
    max_classes_in_row: int | None = None
    previous: Mapping[date, Mapping[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PlanHistory:
    """The person's state at the start of the plan, from the logged history."""

    ready_at: Mapping[Muscle, datetime] = field(default_factory=dict)
    training_days_before: int = 0
    classes_before: int = 0
    last_class_kind: str | None = None
    hard_endurance_yesterday: bool = False


@dataclass(frozen=True, slots=True)
class Option:
    """One thing a day can hold, with the whole days of rest it asks of each muscle it loads."""

    activity: str
    intensity: str | None = None
    sport: str | None = None
    class_kind: str | None = None
    region: Region | None = None
    gap_days: Mapping[Muscle, int] = field(default_factory=dict)

    @property
    def training(self) -> bool:
        """Whether the option is a training day (not rest or recovery)."""
        return self.activity in ("strength", "endurance", "class")


def _gap(hours: float) -> int:
    """Whole days between two sessions at the same hour that give `hours` of rest."""
    return max(1, math.ceil(hours / 24 - 1e-9))


def _hours(intensity: str, muscle: Muscle, rules: Rulebook) -> float:
    if intensity == "heavy":
        if REGION_OF[muscle].value in rules.heavy_legs.regions:
            return rules.heavy_legs.hours
        r = rules.rest_range("rest.heavy")
        return (r.hours_min + r.hours_max) / 2
    return rules.rest_hours("rest.easy" if intensity == "easy" else "rest.moderate").hours


def _loads(activity: Activity, intensity: str, factor: float, rules: Rulebook) -> dict[Muscle, int]:
    share = rules.endurance_classes.share
    gaps = {}
    if intensity == "easy":
        return {}
    for muscle in activity.primary | activity.secondary:
        hours = _hours(intensity, muscle, rules) * share * factor
        if muscle not in activity.primary:
            hours *= rules.secondary.share
        gaps[muscle] = _gap(hours)
    return gaps


def day_options(
    request: PlanRequest, profile: Profile, rules: Rulebook, activities: Mapping[str, Activity]
) -> list[Option]:
    """Everything a day of this plan may hold, for the request's goal."""
    factor = float(getattr(rules.factors, profile.experience.value))
    goal = request.goal
    liked = [k for k in request.class_kinds if activities[k].recovery is RecoveryKind.ACTIVE]
    if liked:
        recovery = [Option("active_recovery", "easy", class_kind=k) for k in liked]
    elif goal is Goal.CLASSES:
        recovery = [Option("active_recovery", "easy", class_kind=RECOVERY_CLASS)]
    else:
        recovery = [Option("active_recovery", "easy", sport=RECOVERY_SPORT)]
    options = [Option("rest"), *recovery]
    if goal in (Goal.MUSCLE, Goal.HYBRID):
        for region in request.focus:
            gaps = {m: _gap(_hours("heavy", m, rules) * factor) for m in MUSCLES_OF_REGION[region]}
            options.append(Option("strength", "heavy", region=region, gap_days=gaps))
    if goal in (Goal.ENDURANCE, Goal.HYBRID):
        for sport in request.sports or DEFAULT_SPORTS:
            for intensity in ("easy", "moderate", "hard"):
                gaps = _loads(activities[sport], intensity, factor, rules)
                options.append(Option("endurance", intensity, sport=sport, gap_days=gaps))
    if goal in (Goal.CLASSES, Goal.HYBRID):
        kinds = [k for k in request.class_kinds if k not in liked] or [
            a.name
            for a in activities.values()
            if a.kind is ActivityKind.CLASS and a.recovery is None
        ]
        for kind in kinds:
            gaps = _loads(activities[kind], "moderate", factor, rules)
            options.append(Option("class", "moderate", class_kind=kind, gap_days=gaps))
    return options


def _clash(a: Activity, b: Activity, rules: Rulebook) -> bool:
    """Whether two classes on consecutive days would work the same muscle groups."""
    shared = len(a.primary & b.primary)
    return a.name == b.name or shared > rules.class_alternate.max_shared * min(
        len(a.primary), len(b.primary)
    )


def make_plan(
    request: PlanRequest,
    history: PlanHistory,
    profile: Profile,
    rules: Rulebook,
    activities: Mapping[str, Activity],
) -> dict[str, Any]:
    """A plan that keeps every hard rule, or, when none can, the one that breaks the fewest."""
    from restday.engine.planmodel import Problem, solve

    if request.goal not in (Goal.ENDURANCE, Goal.HYBRID):
        request = replace(request, sports=())
    options = day_options(request, profile, rules, activities)
    days = [request.start + timedelta(days=i) for i in range(7 * request.weeks)]
    tz = ZoneInfo(profile.timezone)
    hour = rules.plan_layout.hour
    moments = [datetime.combine(day, time(hour), tz) for day in days]
    blocked = [{m for m, ready in history.ready_at.items() if ready > at} for at in moments]
    clashes = {
        (i, j)
        for i, a in enumerate(options)
        for j, b in enumerate(options)
        if a.class_kind
        and b.class_kind
        and _clash(activities[a.class_kind], activities[b.class_kind], rules)
    }
    last = activities.get(history.last_class_kind or "")
    first_clash = {
        i
        for i, o in enumerate(options)
        if o.class_kind and last and _clash(last, activities[o.class_kind], rules)
    }
    chosen, relaxed = solve(
        Problem(request, history, rules, options, days, blocked, clashes, first_clash)
    )
    return _plan_dict(
        request,
        history,
        profile,
        rules,
        activities,
        days,
        [[options[i] for i in day] for day in chosen],
        relaxed,
    )


def _minutes(request: PlanRequest, day: date, rules: Rulebook) -> tuple[float | None, float | None]:
    """(session minutes, active-recovery minutes) on a day with its free time."""
    free = request.available.get(day.weekday())
    wanted = request.minutes or rules.plan_layout.minutes
    if free is None:
        return None, None
    short = rules.short_on_time
    if free < short.full_session_min:
        recovery = min(free, short.active_recovery_min)
        return min(wanted, free - recovery), recovery
    return min(wanted, free), None


def _day_rules(option: Option, request: PlanRequest, short: bool) -> list[str]:
    found = []
    if option.activity == "strength":
        if request.goal in (Goal.MUSCLE, Goal.HYBRID):
            found.append("freq.twice_weekly")
        found.append("rest.heavy_legs" if option.region is Region.LEGS else "rest.heavy")
    elif option.activity == "endurance":
        found += ["endurance.alternate", "dose.endurance_classes"]
        if len(request.sports) > 1:
            found.append("endurance.vary")
    elif option.activity == "class":
        found += ["classes.alternate", "classes.streak", "dose.endurance_classes"]
    elif option.activity == "active_recovery":
        found += ["recovery.kinds", "recovery.planned"]
    else:
        found += ["recovery.planned"]
    if short:
        found.append("recovery.short_on_time")
    return found


def _plan_dict(
    request: PlanRequest,
    history: PlanHistory,
    profile: Profile,
    rules: Rulebook,
    activities: Mapping[str, Activity],
    days: Sequence[date],
    chosen: Sequence[Sequence[Option]],
    relaxed: bool,
) -> dict[str, Any]:
    out = []
    for day, picked in zip(days, chosen, strict=True):
        main = picked[0]
        minutes, recovery = _minutes(request, day, rules)
        regions = [o.region.value for o in picked if o.region is not None]
        muscles: set[Muscle] = set()
        for o in picked:
            if o.region is not None:
                muscles |= set(MUSCLES_OF_REGION[o.region])
            elif o.training:
                muscles |= activities[o.sport or o.class_kind or ""].primary
        entry: dict[str, Any] = {
            "date": day.isoformat(),
            "activity": main.activity,
            "intensity": main.intensity,
            "regions": regions,
            "muscles": sorted(m.value for m in muscles),
            "sport": main.sport,
            "class_kind": main.class_kind,
            "minutes": None
            if main.activity == "rest"
            else (minutes or rules.short_on_time.active_recovery_min),
            "rules": list(
                dict.fromkeys(
                    rule
                    for o in picked
                    for rule in _day_rules(o, request, recovery is not None and main.training)
                )
            ),
        }
        if recovery is not None and main.training:
            entry["active_recovery_minutes"] = recovery
        out.append(entry)
    notes = ["relaxed"] if relaxed else []
    return {
        "start": request.start.isoformat(),
        "goal": request.goal.value,
        "days": out,
        "violations": [],
        "notes": notes,
        "context": {
            "timezone": profile.timezone,
            "experience": profile.experience.value,
            "available": {WEEKDAYS[d]: request.available.get(d) for d in range(7)},
            "focus": [r.value for r in request.focus],
            "sports": list(request.sports),
            "max_classes_in_row": request.max_classes_in_row or rules.class_streak.min_in_row,
            "history": {
                "ready_at": {m.value: t.isoformat() for m, t in history.ready_at.items()},
                "training_days_before": history.training_days_before,
                "classes_before": history.classes_before,
                "last_class_kind": history.last_class_kind,
                "last_hard_endurance_day": (request.start - timedelta(days=1)).isoformat()
                if history.hard_endurance_yesterday
                else None,
            },
        },
    }
