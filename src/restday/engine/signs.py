"""The warning signs of too little rest: from the latest check-in, the night and the heart."""

from collections.abc import Sequence
from datetime import datetime, timedelta

from restday.domain import CheckIn
from restday.engine.messages import Msg
from restday.engine.readiness import Mark, Readiness, hrv_measure
from restday.engine.results import RestWarning, Severity
from restday.rules import Rulebook

__all__ = ["latest_checkin", "sign_warnings"]


def latest_checkin(checkins: Sequence[CheckIn], at: datetime, rules: Rulebook) -> CheckIn | None:
    """The newest check-in by `at` that is recent enough to count."""
    since = at - timedelta(hours=rules.signs.checkin_max_age_h)
    recent = [c for c in checkins if since <= c.at <= at]
    return max(recent, key=lambda c: c.at) if recent else None


def sign_warnings(
    checkins: Sequence[CheckIn], ready: Readiness, at: datetime, rules: Rulebook
) -> list[RestWarning]:
    """One warning per sign: a short night and a heart off its baseline (typed or measured),
    and those of the latest check-in; an injury reported again is nagging."""
    t = rules.signs
    found = []
    if ready.sleep and ready.sleep.latest.value < t.short_sleep_h:
        found.append(
            RestWarning(
                "signs",
                Severity.WARNING,
                Msg.WARN_SHORT_SLEEP,
                {
                    "sleep_h": round(ready.sleep.latest.value, 1),
                    "min_h": rules.aids.sleep_min_h,
                    "source": ready.sleep.latest.source,
                },
            )
        )
    found += _baseline_warnings(ready)
    latest = latest_checkin(checkins, at, rules)
    if latest is None:
        return found
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


def _baseline_warnings(ready: Readiness) -> list[RestWarning]:
    """Resting heart rate well above, or HRV well below, the person's own baseline."""
    found = []
    rhr, hrv = ready.resting_hr, ready.hrv
    if rhr and rhr.baseline and rhr.mark is Mark.HIGH:
        found.append(
            RestWarning(
                "load.baseline",
                Severity.WARNING,
                Msg.WARN_RESTING_HR,
                {
                    "bpm": round(rhr.latest.value),
                    "above": round(rhr.latest.value - rhr.baseline.mean),
                    "baseline": round(rhr.baseline.mean),
                    "days": rhr.baseline.window_days,
                    "source": rhr.latest.source,
                },
            )
        )
    if hrv and hrv.baseline and hrv.mark is Mark.LOW:
        found.append(
            RestWarning(
                "load.baseline",
                Severity.WARNING,
                Msg.WARN_HRV,
                {
                    "ms": round(hrv.latest.value),
                    "below": round(hrv.baseline.mean - hrv.latest.value),
                    "baseline": round(hrv.baseline.mean),
                    "days": hrv.baseline.window_days,
                    "source": ", ".join(
                        x for x in (hrv_measure(hrv.latest.series), hrv.latest.source) if x
                    ),
                },
            )
        )
    return found
