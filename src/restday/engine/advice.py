"""Today's verdict: train, active recovery or rest, with what to train and why."""

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta

from restday.domain import (
    MUSCLES_OF_REGION,
    REGION_OF,
    Activity,
    ActivityKind,
    Goal,
    Intensity,
    Muscle,
    Region,
    Session,
    SessionKind,
)
from restday.engine.intensity import session_intensity
from restday.engine.load import load_report
from restday.engine.messages import Msg
from restday.engine.readiness import daily, readiness
from restday.engine.recovery import loaded_sessions, local_date, muscle_status, zone
from restday.engine.results import (
    Inputs,
    MuscleState,
    Param,
    Reason,
    RestWarning,
    Severity,
    Status,
    Suggestion,
    Today,
    TrainAdvice,
    Verdict,
)
from restday.engine.signs import latest_checkin, sign_warnings
from restday.engine.streaks import class_streak, is_training, region_days, training_streak
from restday.rules import Rulebook

__all__ = ["today"]

Plan = tuple[dict[str, Param], list[Reason]]


def _ready(status: Status, injured: frozenset[Region]) -> tuple[list[Region], list[Muscle]]:
    ready = {m.muscle for m in status.muscles if m.state is MuscleState.READY}
    regions = [r for r in Region if r not in injured and set(MUSCLES_OF_REGION[r]) <= ready]
    muscles = [m for m in Muscle if m in ready and REGION_OF[m] not in injured]
    return regions, muscles


def _partly_ready(
    status: Status, ready: Sequence[Muscle], counts: Mapping[Region, int], focus: Sequence[Region]
) -> list[Reason]:
    """Regions with some muscles ready, least trained first: which are ready, when the rest are."""
    partly = sorted(
        {REGION_OF[m] for m in ready},
        key=lambda r: (counts[r], focus.index(r) if r in focus else len(focus)),
    )
    reasons = []
    for region in partly:
        waiting = [m for m in status.muscles if m.region is region and m.muscle not in ready]
        reasons.append(
            Reason(
                "fatigue",
                Msg.VERDICT_TRAIN_MUSCLES,
                {
                    "region": region.value,
                    "muscles": tuple(m.value for m in ready if REGION_OF[m] is region),
                    "muscle": tuple(m.muscle.value for m in waiting),
                    "at": max(m.ready_at for m in waiting if m.ready_at),
                },
            )
        )
    return reasons


def _strength_plan(
    due: list[Region],
    ready: list[Region],
    counts: Mapping[Region, int],
    rules: Rulebook,
    muscles: Sequence[Muscle],
    partly: list[Reason],
) -> Plan:
    if not due and not ready:
        # No region is wholly ready: work the ready muscles of the two least trained regions.
        chosen = partly[:2]
        session: dict[str, Param] = {
            "kind": SessionKind.STRENGTH.value,
            "intensity": Intensity.HEAVY.value,
            "regions": tuple(str(r.params["region"]) for r in chosen),
            "muscles": tuple(
                m.value
                for m in muscles
                if REGION_OF[m].value in {r.params["region"] for r in chosen}
            ),
        }
        return session, chosen
    if due:
        focus = due[:2]
        # One reason per count, so that each region named is said with its own count.
        reasons = [
            Reason(
                "freq.twice_weekly",
                Msg.VERDICT_TRAIN_DUE,
                {
                    "regions": tuple(r.value for r in focus if counts[r] == count),
                    "count": count,
                    "times": rules.frequency.times,
                    "days": rules.frequency.window_days,
                },
            )
            for count in sorted({counts[r] for r in focus})
        ]
    else:
        focus = ready[:2]
        reasons = [
            Reason(
                "rest.moderate",
                Msg.VERDICT_TRAIN_READY,
                {"regions": tuple(r.value for r in focus)},
            )
        ]
    session = {
        "kind": SessionKind.STRENGTH.value,
        "intensity": Intensity.HEAVY.value,
        "regions": tuple(r.value for r in focus),
    }
    return session, reasons


def _last_of(sessions: Sequence[Session], kind: SessionKind) -> Session | None:
    return next((s for s in reversed(sessions) if s.kind is kind), None)


def _primary_ready(activity: Activity, ready: set[Muscle]) -> bool:
    return activity.primary <= ready


def _endurance_plan(
    inputs: Inputs, sessions: Sequence[Session], day: date, ready: set[Muscle]
) -> Plan:
    rules = inputs.rules
    tz = zone(inputs)
    last = _last_of(sessions, SessionKind.ENDURANCE)
    reasons = []
    yesterday = day - timedelta(days=1)
    hard_yesterday = any(
        s.kind in (SessionKind.ENDURANCE, SessionKind.CLASS)
        and local_date(s.start, tz) == yesterday
        and session_intensity(s, rules.intensity) is Intensity.HARD
        for s in sessions
    )
    if hard_yesterday:
        intensity = Intensity.EASY
        reasons.append(Reason("endurance.alternate", Msg.VERDICT_EASY_AFTER_HARD))
    elif last is not None and session_intensity(last, rules.intensity) is Intensity.HARD:
        intensity = Intensity.MODERATE
    else:
        intensity = Intensity.HARD if last is not None else Intensity.MODERATE
    sports = [a for a in inputs.activities.values() if a.kind is ActivityKind.SPORT]
    since = day - timedelta(days=rules.endurance_vary.lookback_days)
    own = [s.sport for s in sessions if s.sport and local_date(s.start, tz) >= since]
    preferred = sorted(
        sports,
        key=lambda a: (
            last is not None and a.name == last.sport,
            not _primary_ready(a, ready),
            a.name not in own,
            -own.count(a.name),
        ),
    )
    sport = preferred[0].name if preferred else None
    if last is not None and last.sport and sport and sport != last.sport:
        reasons.append(
            Reason("endurance.vary", Msg.VERDICT_VARY_SPORT, {"last": last.sport, "sport": sport})
        )
    session: dict[str, Param] = {
        "kind": SessionKind.ENDURANCE.value,
        "intensity": intensity.value,
        "sport": sport,
    }
    return session, reasons


def _class_plan(inputs: Inputs, sessions: Sequence[Session], ready: set[Muscle]) -> Plan:
    recovery_classes = inputs.rules.endurance_week.recovery_activities
    kinds = [
        a
        for a in inputs.activities.values()
        if a.kind is ActivityKind.CLASS and a.name not in recovery_classes
    ]
    last = next(
        (
            s
            for s in reversed(sessions)
            if s.kind is SessionKind.CLASS and is_training(s, inputs.rules)
        ),
        None,
    )
    last_activity = inputs.activities.get(last.class_kind or "") if last else None
    worked = last_activity.primary if last_activity else frozenset()
    chosen = min(
        kinds,
        key=lambda a: (
            not _primary_ready(a, ready),
            len(a.primary & worked),
            a.name == getattr(last, "class_kind", None),
        ),
        default=None,
    )
    reasons = []
    if last_activity and chosen:
        reasons.append(
            Reason(
                "classes.alternate",
                Msg.VERDICT_CLASS_ALTERNATE,
                {"last": last_activity.name, "kind": chosen.name},
            )
        )
    session: dict[str, Param] = {
        "kind": SessionKind.CLASS.value,
        "intensity": Intensity.MODERATE.value,
        "class_kind": chosen.name if chosen else None,
    }
    return session, reasons


def _shorten(session: dict[str, Param], minutes: float | None, rules: Rulebook) -> list[Reason]:
    if minutes is None:
        return []
    t = rules.short_on_time
    if minutes >= t.full_session_min:
        session["minutes"] = minutes
        return []
    recovery = min(minutes, t.active_recovery_min)
    session["minutes"] = minutes - recovery
    session["active_recovery_minutes"] = recovery
    return [
        Reason(
            "recovery.short_on_time",
            Msg.VERDICT_SHORT_ON_TIME,
            {"minutes": minutes, "train_minutes": minutes - recovery, "recovery_minutes": recovery},
        )
    ]


def _suggestions(verdict: Verdict, short: bool, inputs: Inputs) -> list[Suggestion]:
    rules = inputs.rules
    kinds = rules.recovery_kinds
    aids = rules.aids
    found = []
    if verdict is Verdict.REST:
        found.append(
            Suggestion("recovery.kinds", "total", Msg.SUGGEST_TOTAL_REST, {"examples": kinds.total})
        )
    if verdict is Verdict.ACTIVE_RECOVERY:
        found.append(
            Suggestion("recovery.kinds", "active", Msg.SUGGEST_ACTIVE, {"examples": kinds.active})
        )
    if verdict is not Verdict.TRAIN:
        found.append(
            Suggestion(
                "recovery.kinds", "passive", Msg.SUGGEST_PASSIVE, {"examples": kinds.passive}
            )
        )
    if short:
        found.append(
            Suggestion(
                "recovery.short_on_time",
                "active",
                Msg.SUGGEST_SHORT_ACTIVE,
                {"examples": kinds.active},
            )
        )
    found.append(Suggestion("recovery.aids", "aid", Msg.SUGGEST_MOBILITY))
    found.append(
        Suggestion(
            "recovery.aids",
            "aid",
            Msg.SUGGEST_SLEEP,
            {"min_h": aids.sleep_min_h, "max_h": aids.sleep_max_h},
        )
    )
    per_kg = {"per_kg_min": aids.protein_g_per_kg_min, "per_kg_max": aids.protein_g_per_kg_max}
    mass = inputs.profile.body_mass_kg
    if mass:
        grams = {
            "g_min": round(mass * aids.protein_g_per_kg_min),
            "g_max": round(mass * aids.protein_g_per_kg_max),
        }
        found.append(
            Suggestion("recovery.aids", "aid", Msg.SUGGEST_PROTEIN_KG, {**per_kg, **grams})
        )
    else:
        found.append(Suggestion("recovery.aids", "aid", Msg.SUGGEST_PROTEIN, per_kg))
    found.append(
        Suggestion(
            "recovery.aids",
            "aid",
            Msg.SUGGEST_WATER,
            {"l_min": aids.water_l_min, "l_max": aids.water_l_max},
        )
    )
    return found


# The signs a night or the heart gives: a verdict they change cites their numbers.
_READINESS_SIGNS = frozenset({Msg.WARN_SHORT_SLEEP, Msg.WARN_RESTING_HR, Msg.WARN_HRV})


def today(inputs: Inputs, at: datetime, minutes: float | None = None) -> Today:
    """What to do on the day of `at`, given what was trained and how the person feels."""
    rules = inputs.rules
    tz = zone(inputs)
    day = local_date(at, tz)
    loaded = loaded_sessions(inputs, at)
    status = muscle_status(inputs, at, loaded)
    sessions = [item.session for item in loaded]
    measures = readiness(daily(inputs.checkins, inputs.readings, tz), at, rules)
    signs = sign_warnings(inputs.checkins, measures, at, rules)
    warnings: list[RestWarning] = [*status.warnings, *signs]
    sign_count = sum(w.msg is not Msg.WARN_INJURY for w in signs)
    latest = latest_checkin(inputs.checkins, at, rules)
    injured = latest.injuries if latest else frozenset()

    streak = training_streak(sessions, day, tz, rules)
    max_days = rules.endurance_week.max_days_in_row
    if streak >= max_days:
        warnings.append(
            RestWarning(
                "endurance.week",
                Severity.WARNING,
                Msg.WARN_DAYS_IN_ROW,
                {"days": streak, "max": max_days},
            )
        )
    classes = class_streak(sessions, day, tz, rules)
    cs = rules.class_streak
    if classes >= cs.min_in_row:
        warnings.append(
            RestWarning(
                "classes.streak",
                Severity.INFO,
                Msg.WARN_CLASS_STREAK,
                {"count": classes, "min": cs.min_in_row, "max": cs.max_in_row},
            )
        )
    counts = region_days(loaded, day, tz, rules)
    focus = [Region(r) for r in rules.frequency.regions]
    freq = rules.frequency
    window_start = day - timedelta(days=freq.window_days - 1)
    logged_long_enough = any(local_date(s.start, tz) < window_start for s in sessions)
    behind = tuple(r.value for r in focus if counts[r] < freq.times)
    if inputs.profile.goal in (Goal.MUSCLE, Goal.HYBRID) and logged_long_enough and behind:
        warnings.append(
            RestWarning(
                "freq.twice_weekly",
                Severity.INFO,
                Msg.WARN_FREQUENCY,
                {"regions": behind, "times": freq.times, "days": freq.window_days},
            )
        )

    if inputs.load_samples:
        report = load_report(inputs.load_samples, inputs.profile, rules, at, 1, tz)
        warnings += report.warnings
        overreached = any(w.rule == "load.pmc" for w in report.warnings)
    else:
        overreached = False

    regions, muscles = _ready(status, injured)
    reasons: list[Reason] = [
        Reason("signs", Msg.VERDICT_INJURY_AVOID, {"region": r.value}) for r in sorted(injured)
    ]
    verdict = Verdict.TRAIN
    measured = [Reason(w.rule, w.msg, w.params) for w in signs if w.msg in _READINESS_SIGNS]
    if sign_count >= rules.signs.rest_at_signs:
        verdict = Verdict.REST
        reasons.append(Reason("signs", Msg.VERDICT_SIGNS_REST, {"count": sign_count}))
        reasons += measured
    elif sign_count:
        verdict = Verdict.ACTIVE_RECOVERY
        reasons.append(Reason("signs", Msg.VERDICT_SIGNS_ACTIVE, {"count": sign_count}))
        reasons += measured
    elif streak >= max_days:
        verdict = Verdict.ACTIVE_RECOVERY
        reasons.append(
            Reason("endurance.week", Msg.VERDICT_DAYS_IN_ROW, {"days": streak, "max": max_days})
        )
        reasons.append(Reason("recovery.planned", Msg.VERDICT_PLANNED_REST))
    elif classes >= cs.max_in_row:
        verdict = Verdict.REST
        reasons.append(Reason("classes.streak", Msg.VERDICT_CLASS_STREAK_REST, {"count": classes}))
    elif classes >= cs.min_in_row:
        verdict = Verdict.ACTIVE_RECOVERY
        reasons.append(
            Reason(
                "classes.streak",
                Msg.VERDICT_CLASS_STREAK_ACTIVE,
                {
                    "count": classes,
                    "max": cs.max_in_row,
                    "examples": rules.endurance_week.recovery_activities,
                },
            )
        )
    elif not muscles:
        verdict = Verdict.ACTIVE_RECOVERY
        reasons.append(Reason("rest.moderate", Msg.VERDICT_ALL_RECOVERING))

    train = None
    short = False
    if verdict is Verdict.TRAIN:
        ready = set(muscles)
        due = sorted(
            (r for r in focus if counts[r] < rules.frequency.times and r in regions),
            key=lambda r: (counts[r], focus.index(r)),
        )
        goal = inputs.profile.goal
        if goal is Goal.ENDURANCE or (goal is Goal.HYBRID and not due):
            session, plan_reasons = _endurance_plan(inputs, sessions, day, ready)
        elif goal is Goal.CLASSES:
            session, plan_reasons = _class_plan(inputs, sessions, ready)
        else:
            partly = [] if regions else _partly_ready(status, muscles, counts, focus)
            session, plan_reasons = _strength_plan(due, regions, counts, rules, muscles, partly)
        if overreached and session.get("intensity") not in (None, Intensity.EASY.value):
            session["intensity"] = Intensity.EASY.value
            plan_reasons.append(Reason("load.pmc", Msg.VERDICT_EASY_LOAD))
        short_reasons = _shorten(session, minutes, rules)
        short = bool(short_reasons)
        reasons += plan_reasons + short_reasons
        train = TrainAdvice(tuple(regions), tuple(muscles), session)
    return Today(
        date=day,
        verdict=verdict,
        train=train,
        reasons=tuple(reasons),
        suggestions=tuple(_suggestions(verdict, short, inputs)),
        warnings=tuple(warnings),
        status=status,
        readiness=measures,
    )
