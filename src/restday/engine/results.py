"""What the engine returns: results that carry their reasons, each naming its rule."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from restday.domain import Activity, CheckIn, Muscle, Profile, Reading, Region, Session
from restday.engine.messages import Msg
from restday.engine.readiness import Readiness
from restday.rules import Rulebook

if TYPE_CHECKING:
    from restday.engine.load import LoadSample

__all__ = [
    "Inputs",
    "MuscleState",
    "MuscleStatus",
    "Reason",
    "RestWarning",
    "Severity",
    "Status",
    "Suggestion",
    "Today",
    "TrainAdvice",
    "Verdict",
]

Param = str | int | float | datetime | date | tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class Inputs:
    """Everything the engine reads: history, check-ins, profile, rules and activity data, and
    the readings of devices (nights of sleep, resting heart rate, HRV)."""

    sessions: tuple[Session, ...]
    checkins: tuple[CheckIn, ...]
    profile: Profile
    rules: Rulebook
    activities: Mapping[str, Activity]
    load_samples: tuple["LoadSample", ...] = ()
    # How fast each region recovers compared with the rulebook (a multiplier of the decay);
    # a region not named recovers at the rulebook's pace, 1.0.
    rates: Mapping[Region, float] = field(default_factory=dict)
    readings: tuple[Reading, ...] = ()


@dataclass(frozen=True, slots=True)
class Reason:
    """Why: the rule id, a message id and the numbers that fill it in."""

    rule: str
    msg: Msg
    params: Mapping[str, Param] = field(default_factory=dict)


class Severity(StrEnum):
    """How much a warning matters."""

    INFO = "info"
    WARNING = "warning"
    HIGH = "high"


@dataclass(frozen=True, slots=True)
class RestWarning:
    """A warning with its rule, severity and message."""

    rule: str
    severity: Severity
    msg: Msg
    params: Mapping[str, Param] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """Something to do for recovery; `kind` is total, active, passive or aid."""

    rule: str
    kind: str
    msg: Msg
    params: Mapping[str, Param] = field(default_factory=dict)


class MuscleState(StrEnum):
    """Whether a muscle may be trained again."""

    RECOVERING = "recovering"
    READY = "ready"


@dataclass(frozen=True, slots=True)
class MuscleStatus:
    """The recovery of one muscle at a moment."""

    muscle: Muscle
    region: Region
    state: MuscleState
    recovered_pct: float
    ready_at: datetime | None
    last_trained: datetime | None
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class Status:
    """Every muscle's recovery at `at`, and the warnings."""

    at: datetime
    muscles: tuple[MuscleStatus, ...]
    warnings: tuple[RestWarning, ...]

    def of(self, muscle: Muscle) -> MuscleStatus:
        """The status of one muscle."""
        return next(m for m in self.muscles if m.muscle is muscle)


class Verdict(StrEnum):
    """What to do today."""

    TRAIN = "train"
    ACTIVE_RECOVERY = "active_recovery"
    REST = "rest"


@dataclass(frozen=True, slots=True)
class TrainAdvice:
    """What is ready to train, and the session suggested."""

    regions: tuple[Region, ...]
    muscles: tuple[Muscle, ...]
    session: Mapping[str, Param]


@dataclass(frozen=True, slots=True)
class Today:
    """Today's verdict with its reasons, suggestions and warnings."""

    date: date
    verdict: Verdict
    train: TrainAdvice | None
    reasons: tuple[Reason, ...]
    suggestions: tuple[Suggestion, ...]
    warnings: tuple[RestWarning, ...]
    status: Status
    readiness: Readiness
