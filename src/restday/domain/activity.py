"""Endurance sports, group-class kinds and recovery activities, with the muscles they load."""

from dataclasses import dataclass
from enum import StrEnum

from restday.domain.muscles import Muscle

__all__ = ["Activity", "ActivityKind", "RecoveryKind"]


class ActivityKind(StrEnum):
    """Whether an activity is an endurance sport, a group class or a recovery activity."""

    SPORT = "sport"
    CLASS = "class"
    RECOVERY = "recovery"


class RecoveryKind(StrEnum):
    """The article's three kinds of recovery."""

    TOTAL = "total"
    ACTIVE = "active"
    PASSIVE = "passive"


@dataclass(frozen=True, slots=True)
class Activity:
    """A sport, class kind or recovery activity; `recovery` says which kind of recovery it is."""

    name: str
    kind: ActivityKind
    primary: frozenset[Muscle] = frozenset()
    secondary: frozenset[Muscle] = frozenset()
    aliases: tuple[str, ...] = ()
    recovery: RecoveryKind | None = None
