"""Training sessions, the exercises in them and their sets."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from restday.domain.muscles import Muscle

__all__ = [
    "LB_IN_KG",
    "ExerciseEntry",
    "Intensity",
    "Session",
    "SessionKind",
    "SetEntry",
    "SetType",
]

LB_IN_KG = 0.45359237
"""Kilograms in a pound: weights are kept in kg, whatever unit they were given in."""


class SessionKind(StrEnum):
    """What kind of training a session was."""

    STRENGTH = "strength"
    BODYWEIGHT = "bodyweight"
    ENDURANCE = "endurance"
    CLASS = "class"
    RECOVERY = "recovery"


class Intensity(StrEnum):
    """How hard a session or exercise was, as the article distinguishes it."""

    EASY = "easy"
    BODYWEIGHT = "bodyweight"
    MODERATE = "moderate"
    HARD = "hard"
    HEAVY = "heavy"
    EXTRA_INTENSE = "extra_intense"


class SetType(StrEnum):
    """How a set counts: warm-ups count less, failure sets as extra-intensive."""

    WARMUP = "warmup"
    NORMAL = "normal"
    FAILURE = "failure"
    DROP = "drop"


@dataclass(frozen=True, slots=True)
class SetEntry:
    """One set: reps or seconds, with an optional load in kg."""

    reps: int | None = None
    seconds: float | None = None
    weight_kg: float | None = None
    rpe: float | None = None
    set_type: SetType = SetType.NORMAL

    def to_dict(self) -> dict[str, Any]:
        """The set as plain JSON-able data."""
        return {
            "reps": self.reps,
            "seconds": self.seconds,
            "weight_kg": self.weight_kg,
            "rpe": self.rpe,
            "set_type": self.set_type.value,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "SetEntry":
        """The set from `to_dict` data."""
        return cls(
            data["reps"], data["seconds"], data["weight_kg"], data["rpe"], SetType(data["set_type"])
        )


@dataclass(frozen=True, slots=True)
class ExerciseEntry:
    """An exercise in a session with the muscles it works (resolved from the catalogue)."""

    name: str
    sets: tuple[SetEntry, ...]
    primary: frozenset[Muscle] = frozenset()
    secondary: frozenset[Muscle] = frozenset()
    rpe: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The exercise as the person named it, with its sets (muscles come from the catalogue)."""
        return {"name": self.name, "rpe": self.rpe, "sets": [x.to_dict() for x in self.sets]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ExerciseEntry":
        """The exercise from `to_dict` data."""
        return cls(
            data["name"], tuple(SetEntry.from_dict(x) for x in data["sets"]), rpe=data["rpe"]
        )


@dataclass(frozen=True, slots=True)
class Session:
    """A training session. `start` is timezone-aware; `rpe` is on the 1-10 scale."""

    kind: SessionKind
    start: datetime
    minutes: float
    rpe: float | None = None
    intensity: Intensity | None = None
    exercises: tuple[ExerciseEntry, ...] = ()
    sport: str | None = None
    class_kind: str | None = None
    recovery_kind: str | None = None
    distance_km: float | None = None
    avg_hr_bpm: float | None = None
    max_hr_bpm: float | None = None
    id: int | None = None

    @property
    def end(self) -> datetime:
        """When the session ended."""
        return self.start + timedelta(minutes=self.minutes)

    def to_dict(self) -> dict[str, Any]:
        """The session as plain JSON-able data (`start` in ISO 8601; no id)."""
        return {
            "kind": self.kind.value,
            "start": self.start.isoformat(),
            "minutes": self.minutes,
            "rpe": self.rpe,
            "intensity": self.intensity.value if self.intensity else None,
            "sport": self.sport,
            "class_kind": self.class_kind,
            "recovery_kind": self.recovery_kind,
            "distance_km": self.distance_km,
            "avg_hr_bpm": self.avg_hr_bpm,
            "max_hr_bpm": self.max_hr_bpm,
            "exercises": [e.to_dict() for e in self.exercises],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Session":
        """The session from `to_dict` data."""
        return cls(
            SessionKind(data["kind"]),
            datetime.fromisoformat(data["start"]),
            data["minutes"],
            data["rpe"],
            Intensity(data["intensity"]) if data["intensity"] else None,
            tuple(ExerciseEntry.from_dict(e) for e in data["exercises"]),
            data["sport"],
            data["class_kind"],
            data["recovery_kind"],
            data["distance_km"],
            data["avg_hr_bpm"],
            data["max_hr_bpm"],
        )
