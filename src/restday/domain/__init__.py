"""The domain: frozen dataclasses and enums shared by every layer."""

from restday.domain.activity import Activity, ActivityKind, RecoveryKind
from restday.domain.checkin import CheckIn
from restday.domain.muscles import MUSCLES_OF_REGION, REGION_OF, Muscle, Region
from restday.domain.profile import WEEKDAYS, Experience, Goal, LoadMetric, Profile
from restday.domain.reading import Measure, Reading
from restday.domain.session import (
    ExerciseEntry,
    Intensity,
    Session,
    SessionKind,
    SetEntry,
    SetType,
)

__all__ = [
    "MUSCLES_OF_REGION",
    "REGION_OF",
    "WEEKDAYS",
    "Activity",
    "ActivityKind",
    "CheckIn",
    "ExerciseEntry",
    "Experience",
    "Goal",
    "Intensity",
    "LoadMetric",
    "Measure",
    "Muscle",
    "Profile",
    "Reading",
    "RecoveryKind",
    "Region",
    "Session",
    "SessionKind",
    "SetEntry",
    "SetType",
]
