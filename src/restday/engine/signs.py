"""The warning signs of too little rest, read from the latest check-in."""

import statistics
from collections.abc import Callable, Sequence
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
    found += _baseline_warnings(latest, checkins, rules)
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


def _off_baseline(
    latest: CheckIn,
    checkins: Sequence[CheckIn],
    rules: Rulebook,
    value: Callable[[CheckIn], float | None],
) -> tuple[float, float, float] | None:
    """(today's value, baseline mean, standard deviation) when there is enough history."""
    today = value(latest)
    b = rules.baseline
    since = latest.at - timedelta(days=b.baseline_days)
    history = [x for c in checkins if since <= c.at < latest.at and (x := value(c)) is not None]
    if today is None or len(history) < b.min_samples:
        return None
    return today, statistics.fmean(history), statistics.pstdev(history)


def _baseline_warnings(
    latest: CheckIn, checkins: Sequence[CheckIn], rules: Rulebook
) -> list[RestWarning]:
    """Resting heart rate well above, or HRV well below, the person's own baseline."""
    b = rules.baseline
    found = []
    rhr = _off_baseline(latest, checkins, rules, lambda c: c.resting_hr_bpm)
    if rhr and rhr[0] - rhr[1] >= max(b.rhr_min_bpm, b.sd_limit * rhr[2]):
        found.append(
            RestWarning(
                "load.baseline",
                Severity.WARNING,
                Msg.WARN_RESTING_HR,
                {"bpm": rhr[0], "baseline": round(rhr[1]), "days": b.baseline_days},
            )
        )
    hrv = _off_baseline(latest, checkins, rules, lambda c: c.hrv_ms)
    if hrv and hrv[2] > 0 and hrv[1] - hrv[0] > b.sd_limit * hrv[2]:
        found.append(
            RestWarning(
                "load.baseline",
                Severity.WARNING,
                Msg.WARN_HRV,
                {"ms": hrv[0], "baseline": round(hrv[1]), "days": b.baseline_days},
            )
        )
    return found
