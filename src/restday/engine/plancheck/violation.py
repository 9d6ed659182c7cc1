"""A broken rule in a plan: the rule id, the first date concerned and a message id with params."""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

__all__ = ["Violation", "ViolationText"]


class ViolationText(StrEnum):
    """Every message id the checker can return; `restday.locales` words them."""

    # The plan's shape (rule `plan`).
    LENGTH = "violation.plan.length"
    DATE = "violation.plan.date"
    DAY = "violation.plan.day"
    ACTIVITY = "violation.plan.activity"
    INTENSITY_STRENGTH = "violation.plan.intensity.strength"
    INTENSITY_ENDURANCE = "violation.plan.intensity.endurance"
    INTENSITY_CLASS = "violation.plan.intensity.class"
    INTENSITY_RECOVERY = "violation.plan.intensity.active_recovery"
    INTENSITY_REST = "violation.plan.intensity.rest"
    NO_REGIONS = "violation.plan.no_regions"
    REGION = "violation.plan.region"
    NO_SPORT = "violation.plan.no_sport"
    SPORT = "violation.plan.sport"
    NO_CLASS_KIND = "violation.plan.no_class_kind"
    CLASS_KIND = "violation.plan.class_kind"
    RECOVERY_ACTIVITY = "violation.plan.recovery_activity"
    MINUTES = "violation.plan.minutes"
    GOAL = "violation.plan.goal"
    # The hard rules.
    REST = "violation.rest"
    READY_AT = "violation.ready_at"
    FREQUENCY = "violation.frequency"
    DAYS_IN_ROW = "violation.days_in_row"
    HARD_IN_ROW = "violation.hard_in_row"
    VARY = "violation.vary"
    CLASS_STREAK = "violation.class_streak"
    CLASS_SAME_KIND = "violation.class_same_kind"
    CLASS_SHARED = "violation.class_shared"
    NO_RECOVERY_DAY = "violation.no_recovery_day"
    UNAVAILABLE = "violation.unavailable"
    TOO_LONG = "violation.too_long"
    SHORT_ON_TIME = "violation.short_on_time"


def _plain(value: Any) -> Any:
    """A param as JSON-able data: dates and times in ISO 8601, tuples as lists."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True, slots=True)
class Violation:
    """One broken rule: its id, the first date concerned, a message id and its params."""

    rule: str
    date: date
    text_key: str
    params: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        """The violation as plain JSON-able data: `{rule, date, text_key, params}`."""
        return {
            "rule": self.rule,
            "date": self.date.isoformat(),
            "text_key": self.text_key,
            "params": {k: _plain(v) for k, v in self.params.items()},
        }
