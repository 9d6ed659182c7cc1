"""The warning signs of too little rest, read from the latest check-in."""

from collections.abc import Sequence
from datetime import datetime, timedelta

from restday.domain import CheckIn
from restday.engine.messages import Msg
from restday.engine.results import RestWarning, Severity
from restday.rules import Rulebook

__all__ = ["latest_checkin", "sign_warnings"]


def latest_checkin(checkins: Sequence[CheckIn], at: datetime, rules: Rulebook) -> CheckIn | None:
    """The newest check-in by `at` that is recent enough to count."""
    since = at - timedelta(hours=rules.signs.checkin_max_age_h)
    recent = [c for c in checkins if since <= c.at <= at]
    return max(recent, key=lambda c: c.at) if recent else None


def sign_warnings(checkins: Sequence[CheckIn], at: datetime, rules: Rulebook) -> list[RestWarning]:
    """One warning per sign in the latest check-in; an injury reported again is nagging."""
    latest = latest_checkin(checkins, at, rules)
    if latest is None:
        return []
    t = rules.signs
    found = []
    if latest.fatigue is not None and latest.fatigue >= t.fatigue_min:
        found.append(
            RestWarning("signs", Severity.WARNING, Msg.WARN_FATIGUE, {"level": latest.fatigue})
        )
    if latest.irritable:
        found.append(RestWarning("signs", Severity.WARNING, Msg.WARN_IRRITABLE))
    if latest.motivation is not None and latest.motivation <= t.motivation_max:
        found.append(
            RestWarning(
                "signs", Severity.WARNING, Msg.WARN_MOTIVATION, {"level": latest.motivation}
            )
        )
    if latest.sleep_h is not None and latest.sleep_h < t.short_sleep_h:
        found.append(
            RestWarning(
                "signs",
                Severity.WARNING,
                Msg.WARN_SHORT_SLEEP,
                {"sleep_h": latest.sleep_h, "min_h": rules.aids.sleep_min_h},
            )
        )
    since = latest.at - timedelta(days=t.injury_repeat_days)
    earlier = [c for c in checkins if since <= c.at < latest.at]
    for region in sorted(latest.injuries):
        again = [c for c in earlier if region in c.injuries]
        if again:
            first = min(c.at for c in again)
            found.append(
                RestWarning(
                    "signs",
                    Severity.HIGH,
                    Msg.WARN_NAGGING_INJURY,
                    {"region": region.value, "since": first, "days": t.injury_repeat_days},
                )
            )
        else:
            found.append(
                RestWarning("signs", Severity.WARNING, Msg.WARN_INJURY, {"region": region.value})
            )
    return found
