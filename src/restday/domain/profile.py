"""The person's profile: goal, experience, time zone and body."""

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Experience", "Goal", "LoadMetric", "Profile"]


class Goal(StrEnum):
    """What the person trains for."""

    MUSCLE = "muscle"
    ENDURANCE = "endurance"
    CLASSES = "classes"
    HYBRID = "hybrid"


class LoadMetric(StrEnum):
    """Which session load drives the load model: Foster's session-RPE or Banister's TRIMP."""

    SRPE = "srpe"
    TRIMP = "trimp"


class Experience(StrEnum):
    """Training experience; beginners need more rest, advanced athletes less."""

    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


@dataclass(frozen=True, slots=True)
class Profile:
    """Who trains. `timezone` is an IANA name; naive times are read in it."""

    goal: Goal = Goal.MUSCLE
    experience: Experience = Experience.INTERMEDIATE
    timezone: str = "UTC"
    body_mass_kg: float | None = None
    lang: str | None = None
    resting_hr_bpm: float | None = None
    max_hr_bpm: float | None = None
    load_metric: LoadMetric = LoadMetric.SRPE
