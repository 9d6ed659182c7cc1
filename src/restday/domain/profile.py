"""The person's profile: goal, experience, time zone and body."""

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

__all__ = ["WEEKDAYS", "Experience", "Goal", "LoadMetric", "Profile"]

# The person's free days are named by these short weekday names, Monday first.
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


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

    def to_dict(self) -> dict[str, Any]:
        """The profile as plain JSON-able data."""
        return {
            "goal": self.goal.value,
            "experience": self.experience.value,
            "timezone": self.timezone,
            "body_mass_kg": self.body_mass_kg,
            "lang": self.lang,
            "resting_hr_bpm": self.resting_hr_bpm,
            "max_hr_bpm": self.max_hr_bpm,
            "load_metric": self.load_metric.value,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Profile":
        """The profile from `to_dict` data."""
        return cls(
            Goal(data["goal"]),
            Experience(data["experience"]),
            data["timezone"],
            data["body_mass_kg"],
            data["lang"],
            data["resting_hr_bpm"],
            data["max_hr_bpm"],
            LoadMetric(data["load_metric"]),
        )
