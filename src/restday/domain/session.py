"""Training sessions, the exercises in them and their sets."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from restday.domain.muscles import Muscle

__all__ = ["ExerciseEntry", "Intensity", "Session", "SessionKind", "SetEntry", "SetType"]


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


@dataclass(frozen=True, slots=True)
class ExerciseEntry:
    """An exercise in a session with the muscles it works (resolved from the catalogue)."""

    name: str
    sets: tuple[SetEntry, ...]
    primary: frozenset[Muscle] = frozenset()
    secondary: frozenset[Muscle] = frozenset()
    rpe: float | None = None


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
