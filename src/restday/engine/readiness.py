"""Sleep, resting heart rate and HRV: one value a day, typed or measured, against the person's own baseline.

A check-in the person typed wins over a device's value for the same day; a device's value fills
what the check-in left empty. Each series has one value a day (the mean of that day's readings).
An HRV typed in a check-in does not say its measure, so it is a series of its own: Apple's SDNN,
the RMSSD of Garmin, Oura, Whoop or Polar and a typed HRV are never compared with each other.
"""

import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum

from restday.domain import CheckIn, Measure, Reading
from restday.rules import Rulebook

__all__ = [
    "CHECKIN_SOURCE",
    "TYPED_HRV",
    "Baseline",
    "Day",
    "Mark",
    "Marked",
    "Readiness",
    "daily",
    "hrv_measure",
    "readiness",
]

CHECKIN_SOURCE = "check-in"
"""The source of a value the person typed."""

TYPED_HRV = "hrv_ms"
"""The series of HRVs typed in check-ins (their measure unknown)."""

_HRV_SERIES = (TYPED_HRV, Measure.HRV_SDNN_MS.value, Measure.HRV_RMSSD_MS.value)


def hrv_measure(series: str) -> str:
    """How an HRV series was measured, as a reason names it ("" when typed: not said)."""
    return {Measure.HRV_SDNN_MS.value: "SDNN", Measure.HRV_RMSSD_MS.value: "RMSSD"}.get(series, "")


class Mark(StrEnum):
    """Where today's value lies against its thresholds."""

    NORMAL = "normal"
    LOW = "low"
    HIGH = "high"


@dataclass(frozen=True, slots=True)
class Day:
    """One day's value of a series (a Measure's value, or TYPED_HRV): typed in a check-in (its
    source CHECKIN_SOURCE) or measured (its source the device)."""

    series: str
    day: date
    at: datetime
    value: float
    source: str
    method: str = ""
    typed: bool = False


@dataclass(frozen=True, slots=True)
class Baseline:
    """The person's own normal: mean and standard deviation of `days` days within `window_days`."""

    mean: float
    sd: float
    days: int
    window_days: int


@dataclass(frozen=True, slots=True)
class Marked:
    """Today's value of a series, its baseline (None until there are `min_days` days), its mark
    (None without a baseline) and the thresholds it was marked by, with the rule that sets them."""

    latest: Day
    baseline: Baseline | None
    mark: Mark | None
    low_below: float | None
    high_above: float | None
    rule: str
    min_days: int = 0


@dataclass(frozen=True, slots=True)
class Readiness:
    """Last night's sleep, today's resting heart rate and HRV (None: nothing recent)."""

    sleep: Marked | None
    resting_hr: Marked | None
    hrv: Marked | None


def _typed(checkins: Iterable[CheckIn], tz: tzinfo) -> Iterable[Day]:
    for c in checkins:
        values = (
            (Measure.SLEEP_H.value, c.sleep_h),
            (Measure.RESTING_HR_BPM.value, c.resting_hr_bpm),
        )
        for series, value in (*values, (TYPED_HRV, c.hrv_ms)):
            if value is not None:
                day = c.at.astimezone(tz).date()
                yield Day(series, day, c.at, float(value), CHECKIN_SOURCE, typed=True)


def _merged(readings: Sequence[Reading], series: str, day: date) -> Day:
    """The day's value of several readings of one series: their mean, the latest time."""
    sources = list(dict.fromkeys(r.source for r in readings))
    methods = list(dict.fromkeys(r.method for r in readings if r.method))
    return Day(
        series,
        day,
        max(r.at for r in readings),
        statistics.fmean(r.value for r in readings),
        ", ".join(sources),
        "; ".join(methods),
    )


def daily(
    checkins: Sequence[CheckIn], readings: Sequence[Reading], tz: tzinfo
) -> dict[str, list[Day]]:
    """Each series' values, one a day, oldest first. A check-in's day is its date in `tz`, a
    reading's the date where it was measured (a night: the wake-up date)."""
    typed: dict[tuple[str, date], Day] = {}
    for found in _typed(checkins, tz):
        key = (found.series, found.day)
        if key not in typed or typed[key].at <= found.at:
            typed[key] = found  # the newest check-in of the day
    typed_hrv_days = {d for s, d in typed if s == TYPED_HRV}
    measured: defaultdict[tuple[str, date], list[Reading]] = defaultdict(list)
    for r in readings:
        key = (r.measure.value, r.at.date())
        is_hrv = r.measure.value in _HRV_SERIES
        if key not in typed and not (is_hrv and key[1] in typed_hrv_days):
            measured[key].append(r)
    days = list(typed.values()) + [_merged(rs, s, d) for (s, d), rs in measured.items()]
    by_series: defaultdict[str, list[Day]] = defaultdict(list)
    for found in sorted(days, key=lambda x: (x.day, x.at)):
        by_series[found.series].append(found)
    return dict(by_series)


def _latest(days: Sequence[Day], at: datetime, rules: Rulebook) -> Day | None:
    since = at - timedelta(hours=rules.signs.checkin_max_age_h)
    recent = [d for d in days if since <= d.at <= at]
    return recent[-1] if recent else None


def _baseline(days: Sequence[Day], today: Day, rules: Rulebook) -> Baseline | None:
    b = rules.baseline
    first = today.day - timedelta(days=b.baseline_days)
    values = [d.value for d in days if first <= d.day < today.day]
    if len(values) < b.min_samples:
        return None
    return Baseline(
        statistics.fmean(values), statistics.pstdev(values), len(values), b.baseline_days
    )


def _heart(
    days: Sequence[Day], today: Day, rules: Rulebook, min_change: float, min_share: float = 0.0
) -> Marked:
    """A resting heart rate or HRV marked against its baseline: off by more than sd_limit
    standard deviations, more than `min_change` and more than `min_share` of the baseline."""
    baseline = _baseline(days, today, rules)
    if baseline is None:
        return Marked(today, None, None, None, None, "load.baseline", rules.baseline.min_samples)
    spread = rules.baseline.sd_limit * baseline.sd
    change = max(min_change, min_share * baseline.mean, spread)
    low, high = round(baseline.mean - change, 1), round(baseline.mean + change, 1)
    mark = _mark(today.value, low, high)
    return Marked(today, baseline, mark, low, high, "load.baseline", rules.baseline.min_samples)


def _mark(value: float, low_below: float, high_above: float) -> Mark:
    """Low below `low_below`, high above `high_above`, the value as it is shown (to 0.1): what
    the text calls normal ("53 to 63") is normal."""
    shown = round(value, 1)
    return Mark.LOW if shown < low_below else Mark.HIGH if shown > high_above else Mark.NORMAL


def _sleep(today: Day, rules: Rulebook) -> Marked:
    a = rules.aids
    below, above = a.sleep_min_h, a.sleep_max_h
    return Marked(today, None, _mark(today.value, below, above), below, above, "recovery.aids")


def readiness(days: dict[str, list[Day]], at: datetime, rules: Rulebook) -> Readiness:
    """The latest night, resting heart rate and HRV by `at` (within signs.checkin_max_age_h),
    each marked against its thresholds."""
    night = _latest(days.get(Measure.SLEEP_H.value, []), at, rules)
    rhr_days = days.get(Measure.RESTING_HR_BPM.value, [])
    rhr = _latest(rhr_days, at, rules)
    hrvs = [(d, s) for s in _HRV_SERIES if (d := _latest(days.get(s, []), at, rules))]
    hrv = max(hrvs, key=lambda pair: pair[0].at) if hrvs else None
    return Readiness(
        _sleep(night, rules) if night else None,
        _heart(rhr_days, rhr, rules, rules.baseline.rhr_min_bpm) if rhr else None,
        _heart(days[hrv[1]], hrv[0], rules, 0.0, rules.baseline.hrv_min_share) if hrv else None,
    )
