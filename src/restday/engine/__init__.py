"""The recovery engine: pure functions of (history, check-ins, profile, rulebook, at)."""

from restday.engine.advice import today
from restday.engine.messages import Msg
from restday.engine.recovery import muscle_status
from restday.engine.results import (
    Inputs,
    MuscleState,
    MuscleStatus,
    Reason,
    RestWarning,
    Severity,
    Status,
    Suggestion,
    Today,
    TrainAdvice,
    Verdict,
)

__all__ = [
    "Inputs",
    "Msg",
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
    "muscle_status",
    "today",
]
