"""Per-muscle recovery: when each muscle is ready again, and why."""

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from restday.domain import REGION_OF, CheckIn, Intensity, Measure, Muscle, Region, Session
from restday.engine.dose import HEAVY_WORK, Dose, session_doses
from restday.engine.factors import session_factor
from restday.engine.fatigue import reach, stacked_hours
from restday.engine.messages import Msg
from restday.engine.readiness import daily
from restday.engine.results import (
    Inputs,
    MuscleState,
    MuscleStatus,
    Reason,
    RestWarning,
    Severity,
    Status,
)
from restday.rules import Rulebook

__all__ = ["Loaded", "loaded_sessions", "local_date", "muscle_status", "zone"]

_HOUR = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Loaded:
    """A session with the rest it asks of each muscle."""

    session: Session
    doses: dict[Muscle, Dose]


@dataclass(slots=True)
class _Chain:
    """A muscle's fatigue since it was last fully recovered: when it clears, and why."""

    ready_at: datetime
    last: Session
    rule: str
    reasons: list[Reason]
    early: list[tuple[Session, float, str]] = field(default_factory=list)


def zone(inputs: Inputs) -> tzinfo:
    """The person's time zone."""
    return ZoneInfo(inputs.profile.timezone)


def local_date(moment: datetime, tz: tzinfo) -> date:
    """The calendar date of a moment in the person's time zone."""
    return moment.astimezone(tz).date()


def loaded_sessions(inputs: Inputs, at: datetime) -> list[Loaded]:
    """Sessions that started by `at` within the look-back and the reach, oldest first, with doses."""
    days = max(timedelta(days=inputs.rules.lookback_days), _reach(inputs))
    chosen = sorted(
        (s for s in inputs.sessions if at - days <= s.start <= at),
        key=lambda s: (s.start, s.id or 0, "" if s.id else repr(s)),  # stored ones have ids
    )
    return [Loaded(s, session_doses(s, inputs.rules, inputs.activities)) for s in chosen]


def _reach(inputs: Inputs) -> timedelta:
    return reach(inputs.rules, min(inputs.rates.values(), default=1.0))


def _sore_extra_days(
    item: Loaded,
    region: Region,
    later: Sequence[Loaded],
    checkins: Sequence[CheckIn],
    at: datetime,
    tz: tzinfo,
    rules: Rulebook,
) -> tuple[int, int, int]:
    """(extra days, soreness level, days after) that soreness reports add for one region."""
    sore = rules.sore
    next_heavy = next(
        (
            x.session.start
            for x in later
            if any(REGION_OF[m] is region and d.intensity in HEAVY_WORK for m, d in x.doses.items())
        ),
        at,
    )
    trained = local_date(item.session.start, tz)
    best = (0, 0, 0)
    for c in checkins:
        level = c.soreness.get(region, 0)
        days = (local_date(c.at, tz) - trained).days
        in_window = sore.after_days <= days <= sore.after_days + sore.extra_days_very
        if (
            level >= sore.min_level
            and in_window
            and item.session.end <= c.at <= min(at, next_heavy)
        ):
            extra = sore.extra_days_very if level >= 3 else sore.extra_days_clear
            best = max(best, (extra, level, days))
    return best


def _chains(inputs: Inputs, at: datetime, loaded: Sequence[Loaded]) -> dict[Muscle, _Chain]:
    tz = zone(inputs)
    rules = inputs.rules
    chains: dict[Muscle, _Chain] = {}
    since = at - _reach(inputs)
    nights = daily(inputs.checkins, inputs.readings, tz).get(Measure.SLEEP_H.value, [])
    for index, item in enumerate(loaded):
        if not item.doses or item.session.start < since:
            continue
        factor = session_factor(item.session, inputs.checkins, nights, inputs.profile, rules)
        sore_by_region = {
            region: _sore_extra_days(
                item, region, loaded[index + 1 :], inputs.checkins, at, tz, rules
            )
            for region in {REGION_OF[m] for m, d in item.doses.items() if d.intensity in HEAVY_WORK}
        }
        for muscle, dose in item.doses.items():
            reasons = [_dose_reason(item.session, dose, rules), *factor.reasons]
            hours = dose.hours * factor.multiplier
            extra_days, level, days = sore_by_region.get(REGION_OF[muscle], (0, 0, 0))
            if extra_days and dose.intensity in HEAVY_WORK:
                hours += 24 * extra_days
                reasons.append(
                    Reason(
                        "sore.extend",
                        Msg.SORE_EXTEND,
                        {
                            "region": REGION_OF[muscle].value,
                            "level": level,
                            "days": days,
                            "extra_days": extra_days,
                        },
                    )
                )
            rate = inputs.rates.get(REGION_OF[muscle], 1.0)
            if rate != 1.0:
                params = {"region": REGION_OF[muscle].value, "rate": rate}
                reasons.append(Reason("factors", Msg.FACTOR_RATE, params))
            chains[muscle] = _extend(
                chains.get(muscle), item.session, dose, hours, reasons, rate, rules
            )
    return chains


def _extend(
    chain: _Chain | None,
    session: Session,
    dose: Dose,
    hours: float,
    reasons: list[Reason],
    rate: float,
    rules: Rulebook,
) -> _Chain:
    """Add a session asking `hours` of rest (at the rulebook's pace) to a muscle's chain.

    Its fatigue adds to what is left; the muscle recovers at `rate` times the rulebook's pace.
    """
    own = session.end + timedelta(hours=hours / rate)
    if chain is None or chain.ready_at <= session.start:
        return _Chain(own, session, dose.rule, reasons)
    if dose.intensity is Intensity.EASY:
        return _Chain(max(chain.ready_at, own), session, dose.rule, reasons, chain.early)
    early_h = (chain.ready_at - session.start) / _HOUR
    left_h = max(0.0, (chain.ready_at - session.end) / _HOUR)
    ready = session.end + timedelta(hours=stacked_hours(left_h, hours, rate))
    extra_h = (ready - own) / _HOUR
    if round(extra_h) >= 1:  # what is left but adds under half an hour is not worth a reason
        reasons.append(
            Reason(chain.rule, Msg.CARRY_OVER, {"hours": round(early_h), "extra": round(extra_h)})
        )
    span_h = (chain.ready_at - chain.last.end) / _HOUR
    lightly = early_h < rules.fatigue.warn_min_share * span_h
    early = chain.early if lightly else [*chain.early, (session, early_h, chain.rule)]
    return _Chain(ready, session, dose.rule, reasons, early)


def _dose_reason(session: Session, dose: Dose, rules: Rulebook) -> Reason:
    params = {
        "kind": session.kind.value,
        "start": session.start,
        "intensity": dose.intensity.value,
        "hours": round(dose.hours),
    }
    if dose.secondary:
        share = round(rules.secondary.share * 100)
        return Reason("dose.secondary", Msg.DOSE_SECONDARY, {**params, "share": share})
    if dose.rule == "rest.heavy" and dose.rpe is not None:
        return Reason(dose.rule, Msg.DOSE_SCALED, {**params, "rpe": dose.rpe})
    return Reason(dose.rule, Msg.DOSE, params)


def muscle_status(inputs: Inputs, at: datetime, loaded: Sequence[Loaded] | None = None) -> Status:
    """Every muscle's state at `at`: recovering or ready, how far, since when and why."""
    chains = _chains(inputs, at, loaded_sessions(inputs, at) if loaded is None else loaded)
    muscles = []
    early: dict[tuple[datetime, int], list[tuple[Muscle, float, str]]] = {}
    regions = list(Region)
    reach_days = math.ceil(_reach(inputs) / timedelta(days=1))
    for muscle in Muscle:
        chain = chains.get(muscle)
        if chain is None:
            reason = Reason("fatigue", Msg.UNTRAINED, {"days": reach_days})
            muscles.append(
                MuscleStatus(
                    muscle, REGION_OF[muscle], MuscleState.READY, 100.0, None, None, (reason,)
                )
            )
            continue
        ready = chain.ready_at <= at
        span = (chain.ready_at - chain.last.end).total_seconds()
        done = (at - chain.last.end).total_seconds()
        pct = 100.0 if ready else min(99.0, max(0.0, 100 * done / span)) // 1
        closing = Reason(
            "history", Msg.READY_SINCE if ready else Msg.READY_AT, {"at": chain.ready_at}
        )
        muscles.append(
            MuscleStatus(
                muscle,
                REGION_OF[muscle],
                MuscleState.READY if ready else MuscleState.RECOVERING,
                pct,
                chain.ready_at,
                chain.last.start,
                (*chain.reasons, closing),
            )
        )
        for session, hours, rule in chain.early if not ready else ():
            key = (session.start, regions.index(REGION_OF[muscle]))
            early.setdefault(key, []).append((muscle, hours, rule))
    # One warning per session and region, with the most hours any of its muscles came early.
    warnings = tuple(
        RestWarning(
            max(items, key=lambda item: item[1])[2],
            Severity.WARNING,
            Msg.WARN_TRAINED_BEFORE_READY,
            {
                "start": start,
                "muscles": ", ".join(m.value for m, _, _ in items),
                "hours": round(max(h for _, h, _ in items)),
            },
        )
        for (start, _), items in sorted(early.items())
    )
    return Status(at, tuple(muscles), warnings)
