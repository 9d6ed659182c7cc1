"""Habits over days: training days in a row, classes in a row, sessions per region a week."""

from collections.abc import Sequence
from datetime import date, timedelta, tzinfo

from restday.domain import REGION_OF, Intensity, Region, Session, SessionKind
from restday.engine.intensity import session_intensity
from restday.engine.recovery import Loaded, local_date
from restday.rules import Rulebook

__all__ = ["class_streak", "is_training", "region_days", "training_streak"]


def is_training(session: Session, rules: Rulebook) -> bool:
    """Whether a session is a training day; recovery and easy yoga or pilates are not."""
    if session.kind is SessionKind.RECOVERY:
        return False
    recovery_classes = rules.endurance_week.recovery_activities
    if session.kind is SessionKind.CLASS and session.class_kind in recovery_classes:
        return session_intensity(session, rules.intensity) is not Intensity.EASY
    return True


def _streak(days: set[date], today: date) -> int:
    count = 0
    day = today - timedelta(days=1)
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def training_streak(sessions: Sequence[Session], today: date, tz: tzinfo, rules: Rulebook) -> int:
    """Training days in a row that end yesterday."""
    days = {local_date(s.start, tz) for s in sessions if is_training(s, rules)}
    return _streak(days, today)


def class_streak(sessions: Sequence[Session], today: date, tz: tzinfo, rules: Rulebook) -> int:
    """Days in a row with a group class (not a recovery class) that end yesterday."""
    days = {
        local_date(s.start, tz)
        for s in sessions
        if s.kind is SessionKind.CLASS and is_training(s, rules)
    }
    return _streak(days, today)


def region_days(
    loaded: Sequence[Loaded], today: date, tz: tzinfo, rules: Rulebook
) -> dict[Region, int]:
    """Per region, the days in the frequency window on which a primary muscle of it was worked."""
    first = today - timedelta(days=rules.frequency.window_days - 1)
    days: dict[Region, set[date]] = {region: set() for region in Region}
    for item in loaded:
        day = local_date(item.session.start, tz)
        if first <= day <= today:
            for muscle, dose in item.doses.items():
                if not dose.secondary and dose.intensity is not Intensity.EASY:
                    days[REGION_OF[muscle]].add(day)
    return {region: len(d) for region, d in days.items()}
