"""The training-load model: session load, fitness (CTL), fatigue (ATL), form (TSB), ramp and ACWR."""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from restday.domain import LoadMetric, Profile
from restday.engine.messages import Msg
from restday.engine.results import RestWarning, Severity
from restday.rules import Rulebook

__all__ = ["LoadDay", "LoadReport", "LoadSample", "load_report", "model_reach", "session_load"]


@dataclass(frozen=True, slots=True)
class LoadSample:
    """What the load model needs of a session."""

    start: datetime
    minutes: float
    rpe: float | None = None
    avg_hr_bpm: float | None = None


@dataclass(frozen=True, slots=True)
class LoadDay:
    """One day of the model; `acwr` is None while the chronic load is zero."""

    date: date
    load: float
    ctl: float
    atl: float
    tsb: float
    acwr: float | None
    ramp: float


@dataclass(frozen=True, slots=True)
class LoadReport:
    """The days asked for, the metric that drove them, and warnings about the last day."""

    metric: LoadMetric
    days: tuple[LoadDay, ...]
    warnings: tuple[RestWarning, ...]


def _trimp(sample: LoadSample, profile: Profile, rules: Rulebook) -> float | None:
    rest, peak, avg = profile.resting_hr_bpm, profile.max_hr_bpm, sample.avg_hr_bpm
    if rest is None or peak is None or avg is None or peak <= rest:
        return None
    reserve = min(1.0, max(0.0, (avg - rest) / (peak - rest)))
    t = rules.trimp
    return sample.minutes * reserve * t.a * math.exp(t.b * reserve)


def session_load(
    sample: LoadSample, profile: Profile, rules: Rulebook, metric: LoadMetric
) -> float | None:
    """Foster's session-RPE (RPE x minutes) or Banister's TRIMP; None when TRIMP lacks heart rate."""
    if metric is LoadMetric.TRIMP:
        return _trimp(sample, profile, rules)
    rpe = sample.rpe if sample.rpe is not None else rules.srpe.default_rpe
    return rpe * sample.minutes


def model_reach(rules: Rulebook) -> timedelta:
    """How far back the model looks: ten of its longest time constants, beyond which a day's load
    weighs under 0.005 % of what it did (e^-10), so an older history changes no figure shown."""
    longest = max(rules.pmc.ctl_days, rules.pmc.atl_days, rules.acwr.chronic_days)
    return timedelta(days=10 * longest)


def _alpha(days: int) -> float:
    return 1 - math.exp(-1 / days)


def load_report(
    samples: Sequence[LoadSample],
    profile: Profile,
    rules: Rulebook,
    at: datetime,
    days: int,
    tz: tzinfo,
) -> LoadReport:
    """Daily load and the model over all of `samples`, reported for the `days` days up to `at`."""
    metric = profile.load_metric
    if metric is LoadMetric.TRIMP and (
        profile.resting_hr_bpm is None or profile.max_hr_bpm is None
    ):
        metric = LoadMetric.SRPE
    last = at.astimezone(tz).date()
    daily: dict[date, float] = {}
    without_hr = 0
    for sample in samples:
        if sample.start > at:
            continue
        load = session_load(sample, profile, rules, metric)
        if load is None:
            without_hr += 1
            continue
        day = sample.start.astimezone(tz).date()
        daily[day] = daily.get(day, 0.0) + load
    first = min([*daily, last - timedelta(days=days - 1)])
    pmc, acwr = rules.pmc, rules.acwr
    a_ctl, a_atl = _alpha(pmc.ctl_days), _alpha(pmc.atl_days)
    l_acute, l_chronic = 2 / (acwr.acute_days + 1), 2 / (acwr.chronic_days + 1)
    ctl = atl = acute = chronic = 0.0
    ctl_history: list[float] = []
    out: list[LoadDay] = []
    report_from = last - timedelta(days=days - 1)
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        load = daily.get(day, 0.0)
        ctl += (load - ctl) * a_ctl
        atl += (load - atl) * a_atl
        acute = l_acute * load + (1 - l_acute) * acute
        chronic = l_chronic * load + (1 - l_chronic) * chronic
        ctl_history.append(ctl)
        week_ago = ctl_history[-8] if len(ctl_history) > 7 else 0.0
        if day >= report_from:
            ratio = acute / chronic if chronic > 0 else None
            out.append(LoadDay(day, load, ctl, atl, ctl - atl, ratio, ctl - week_ago))
    history_days = (last - min(daily)).days + 1 if daily else 0
    warnings = _warnings(out[-1], history_days, without_hr, metric, rules)
    return LoadReport(metric, tuple(out), tuple(warnings))


def _warnings(
    day: LoadDay, history_days: int, without_hr: int, metric: LoadMetric, rules: Rulebook
) -> list[RestWarning]:
    """Warnings about the last day; form, ramp and ratio only once the history fills CTL's window."""
    pmc, acwr = rules.pmc, rules.acwr
    found = []
    if metric is LoadMetric.TRIMP and without_hr:
        found.append(
            RestWarning("load.trimp", Severity.INFO, Msg.WARN_NO_HEART_RATE, {"count": without_hr})
        )
    if history_days < pmc.ctl_days:
        return found
    if day.tsb < -pmc.tsb_warn:
        found.append(
            RestWarning(
                "load.pmc",
                Severity.WARNING,
                Msg.WARN_FORM,
                {"tsb": round(day.tsb), "limit": -pmc.tsb_warn},
            )
        )
    if day.ramp > pmc.ramp_warn:
        found.append(
            RestWarning(
                "load.pmc",
                Severity.WARNING,
                Msg.WARN_RAMP,
                {"ramp": round(day.ramp, 1), "limit": pmc.ramp_warn},
            )
        )
    if day.acwr is not None and not acwr.band_low <= day.acwr <= acwr.band_high:
        found.append(
            RestWarning(
                "load.acwr",
                Severity.INFO,
                Msg.WARN_ACWR,
                {"acwr": round(day.acwr, 2), "low": acwr.band_low, "high": acwr.band_high},
            )
        )
    return found
