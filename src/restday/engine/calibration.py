"""How fast this person recovers, per region, learnt from their check-ins (rule calibration).

An observation is a check-in on the day `sore.extend.after_days` after heavy work on a region,
before the next heavy work on it. Still sore says slower; not sore, and the next heavy work soon
after at the usual effort, says faster. Each observation weighs less with age; the weighted
evidence is shrunk towards the rulebook's pace and bounded. Computed from the stored data each time.
"""

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from restday.domain import REGION_OF, Activity, CheckIn, Profile, Region, Session
from restday.engine.dose import HEAVY_WORK, session_doses
from restday.engine.messages import Msg
from restday.engine.results import Reason
from restday.rules import Rulebook

__all__ = ["Calibration", "RegionCalibration", "calibration"]


@dataclass(frozen=True, slots=True)
class RegionCalibration:
    """One region's recovery pace against the rulebook's (1.0), with its evidence.

    `observations` check-ins counted, `slower` of them still sore, `faster` fresh and training
    well; `weight` the observations after their age; `sure_pct` how much the evidence counts (0-100).
    """

    region: Region
    rate: float
    observations: int
    slower: int
    faster: int
    weight: float
    sure_pct: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class Calibration:
    """Every region's recovery pace at `at`."""

    at: datetime
    enabled: bool
    regions: tuple[RegionCalibration, ...]

    def rates(self) -> dict[Region, float]:
        """The regions whose pace differs from the rulebook's, with their rate."""
        return {r.region: r.rate for r in self.regions if r.rate != 1.0}


@dataclass(frozen=True, slots=True)
class _Heavy:
    """Heavy primary work on a region: when, on which local day, at what effort (RPE or None)."""

    start: datetime
    end: datetime
    day: date
    rpe: float | None


def _heavy_work(
    sessions: Sequence[Session], rules: Rulebook, activities: Mapping[str, Activity], tz: ZoneInfo
) -> dict[Region, list[_Heavy]]:
    """Per region, its heavy primary work in time order."""
    work: dict[Region, list[_Heavy]] = {r: [] for r in Region}
    for s in sorted(sessions, key=lambda s: s.start):
        efforts: dict[Region, list[float | None]] = {}
        for muscle, dose in session_doses(s, rules, activities).items():
            if not dose.secondary and dose.intensity in HEAVY_WORK:
                efforts.setdefault(REGION_OF[muscle], []).append(dose.rpe)
        for region, rpes in efforts.items():
            known = [r for r in rpes if r is not None]
            rpe = max(known) if known else None
            work[region].append(_Heavy(s.start, s.end, s.start.astimezone(tz).date(), rpe))
    return work


def _region(
    region: Region,
    work: list[_Heavy],
    checkins: Sequence[CheckIn],
    rules: Rulebook,
    at: datetime,
    tz: ZoneInfo,
) -> RegionCalibration:
    """The pace of one region from its heavy work and the check-ins after it."""
    c = rules.calibration
    after_days = rules.sore.after_days
    known = [w.rpe for w in work if w.rpe is not None]
    usual = sum(known) / len(known) if known else None
    ends = [w.end for w in work]
    count = slower = faster = 0
    slow_w = fast_w = total_w = 0.0
    for checkin in checkins:
        index = bisect.bisect_right(ends, checkin.at) - 1
        day = checkin.at.astimezone(tz).date()
        if index < 0 or (day - work[index].day).days != after_days:
            continue
        weight = 0.5 ** ((at - checkin.at) / timedelta(days=c.half_life_days))
        level = checkin.soreness.get(region, 0)
        count += 1
        total_w += weight
        if level >= c.sore_level:
            slower += 1
            slow_w += weight
        elif level <= c.fresh_max_level and _trained_well(work, index + 1, day, usual, rules):
            faster += 1
            fast_w += weight
    sure = total_w / (total_w + c.prior_observations) if total_w else 0.0
    if not c.enabled or count < c.min_observations:
        rate = 1.0
    else:
        lean = (slow_w - fast_w) / (total_w + c.prior_observations)
        rate = 1 - lean * (1 - c.min_rate) if lean > 0 else 1 - lean * (c.max_rate - 1)
        rate = round(min(c.max_rate, max(c.min_rate, rate)), 2)
    reason = _reason(region, rate, count, slower, faster, rules)
    return RegionCalibration(
        region, rate, count, slower, faster, round(total_w, 2), round(100 * sure), (reason,)
    )


def _trained_well(
    work: list[_Heavy], index: int, day: date, usual: float | None, rules: Rulebook
) -> bool:
    """Whether the next heavy work came within days of the check-in's `day`, at the usual effort."""
    if index >= len(work):
        return False
    nxt = work[index]
    if (nxt.day - day).days > rules.calibration.trained_within_days:
        return False
    margin = rules.calibration.effort_margin_rpe
    return nxt.rpe is None or usual is None or nxt.rpe >= usual - margin


def _reason(
    region: Region, rate: float, count: int, slower: int, faster: int, rules: Rulebook
) -> Reason:
    c = rules.calibration
    seen = {"region": region.value, "count": count, "days": rules.sore.after_days}
    if not c.enabled:
        return Reason("calibration", Msg.CALIBRATION_OFF, {"region": region.value})
    if count < c.min_observations:
        return Reason(
            "calibration", Msg.CALIBRATION_TOO_FEW, {**seen, "needed": c.min_observations}
        )
    if rate < 1:
        params = {**seen, "pct": round(100 * (1 - rate)), "slower": slower, "level": c.sore_level}
        return Reason("calibration", Msg.CALIBRATION_SLOWER, params)
    if rate > 1:
        params = {**seen, "pct": round(100 * (rate - 1)), "faster": faster}
        return Reason("calibration", Msg.CALIBRATION_FASTER, params)
    return Reason("calibration", Msg.CALIBRATION_EVEN, {**seen, "slower": slower, "faster": faster})


def calibration(
    sessions: Sequence[Session],
    checkins: Sequence[CheckIn],
    profile: Profile,
    rules: Rulebook,
    at: datetime,
    *,
    activities: Mapping[str, Activity],
) -> Calibration:
    """Every region's recovery pace at `at` from the sessions and check-ins of the look-back."""
    c = rules.calibration
    since = at - timedelta(days=c.lookback_days)
    tz = ZoneInfo(profile.timezone)
    chosen = [s for s in sessions if since - timedelta(days=1) <= s.start <= at]
    seen = sorted((x for x in checkins if since <= x.at <= at), key=lambda x: x.at)
    work = _heavy_work(chosen if seen else (), rules, activities, tz)
    regions = tuple(_region(r, work[r], seen, rules, at, tz) for r in Region)
    return Calibration(at, c.enabled, regions)
