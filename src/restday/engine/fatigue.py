"""How rest adds up: per muscle, fatigue that clears over time (docs/rules.md, The fatigue model).

A rest of R hours is a fatigue of R² (in hours²) whose square root falls `rate` hours per hour,
so one session alone is ready exactly R / rate hours after it ends. Fatigues add: a muscle with
A hours still to go that takes a dose of B hours is ready after √(A² + B²) / rate hours.
"""

import math
from datetime import timedelta

from restday.rules import Rulebook

__all__ = ["longest_rest_h", "reach", "stacked_hours"]


def stacked_hours(left_h: float, dose_h: float, rate: float = 1.0) -> float:
    """Hours from a dose to ready: `left_h` still to go when it lands, its own `dose_h` on top."""
    return math.hypot(left_h * rate, dose_h) / rate


def longest_rest_h(rules: Rulebook) -> float:
    """The longest rest one session can ask of a muscle under this rulebook, in hours."""
    f = rules.factors
    longest = max(
        rules.rest_hours("rest.easy").hours,
        rules.rest_hours("rest.bodyweight").hours,
        rules.rest_hours("rest.moderate").hours,
        rules.rest_range("rest.heavy").hours_max,
        rules.rest_range("rest.extra_intense").hours_max,
        rules.heavy_legs.hours,
    )
    experience = max(f.beginner, f.intermediate, f.advanced)
    sleep = 1 + f.sleep_extra_max + f.poor_quality_extra
    return longest * experience * sleep + 24 * rules.sore.extra_days_very


def reach(rules: Rulebook, slowest_rate: float = 1.0) -> timedelta:
    """How far back a session can still hold a muscle back: `reach_rests` longest rests."""
    hours = rules.fatigue.reach_rests * longest_rest_h(rules) / min(1.0, slowest_rate)
    return timedelta(hours=hours)
