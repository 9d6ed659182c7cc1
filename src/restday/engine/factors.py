"""Personal factors: experience and the sleep after a session change the rest it needs."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from restday.domain import CheckIn, Profile, Session
from restday.engine.messages import Msg
from restday.engine.readiness import Day
from restday.engine.results import Reason
from restday.rules import Rulebook

__all__ = ["Factor", "session_factor"]


@dataclass(frozen=True, slots=True)
class Factor:
    """A multiplier of a session's rest, with its reasons."""

    multiplier: float
    reasons: tuple[Reason, ...]


def session_factor(
    session: Session,
    checkins: Sequence[CheckIn],
    nights: Sequence[Day],
    profile: Profile,
    rules: Rulebook,
) -> Factor:
    """Experience times the sleep of the nights after the session, typed or measured, and the
    sleep quality of the check-ins (none reported: neutral)."""
    f = rules.factors
    experience = float(getattr(f, profile.experience.value))
    reasons = []
    if experience != 1:
        reasons.append(
            Reason(
                "factors",
                Msg.FACTOR_EXPERIENCE,
                {"experience": profile.experience.value, "factor": experience},
            )
        )
    until = session.start + timedelta(days=f.sleep_window_days)
    hours = [n.value for n in nights if session.start < n.at <= until]
    after = [c for c in checkins if session.start < c.at <= until]
    qualities = [c.sleep_quality for c in after if c.sleep_quality is not None]
    extra = 0.0
    if not hours and not qualities:
        reasons.append(Reason("factors", Msg.FACTOR_NO_CHECKIN, {"days": f.sleep_window_days}))
    if hours:
        average = sum(hours) / len(hours)
        short = max(0.0, f.sleep_target_h - average)
        extra = min(f.sleep_extra_max, short * f.sleep_extra_per_hour)
        if extra:
            params = {
                "sleep_h": round(average, 1),
                "target_h": f.sleep_target_h,
                "pct": round(extra * 100),
            }
            reasons.append(Reason("factors", Msg.FACTOR_SLEEP, params))
    if qualities and min(qualities) <= f.poor_quality_max:
        extra += f.poor_quality_extra
        reasons.append(
            Reason(
                "factors",
                Msg.FACTOR_SLEEP_QUALITY,
                {"quality": min(qualities), "pct": round(f.poor_quality_extra * 100)},
            )
        )
    return Factor(experience * (1 + extra), tuple(reasons))
