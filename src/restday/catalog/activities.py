"""Endurance sports, group-class kinds and recovery activities, read from activities.toml."""

import re
import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

from restday.domain import Activity, ActivityKind, Muscle, RecoveryKind
from restday.errors import InvalidInput

__all__ = ["load_activities", "resolve_activity"]

_SEPARATORS = re.compile(r"[\s_\-(),/]+")

# How an error message names what was asked for.
_KIND_LABEL = {
    ActivityKind.SPORT: "sport",
    ActivityKind.CLASS: "class kind",
    ActivityKind.RECOVERY: "recovery kind",
}


def _activity(kind: str, name: str, raw: dict[str, Any]) -> Activity:
    """One activities.toml table as an Activity."""
    recovery = raw.get("recovery")
    return Activity(
        name=name,
        kind=ActivityKind(kind),
        primary=frozenset(Muscle(m) for m in raw.get("primary", ())),
        secondary=frozenset(Muscle(m) for m in raw.get("secondary", ())),
        aliases=tuple(raw.get("aliases", ())),
        recovery=RecoveryKind(recovery) if recovery is not None else None,
    )


@cache
def load_activities() -> dict[str, Activity]:
    """Every sport, class kind and recovery activity by canonical name (treat as read-only)."""
    text = files("restday.catalog").joinpath("activities.toml").read_text(encoding="utf-8")
    return {
        name: _activity(kind, name, raw)
        for kind, table in tomllib.loads(text).items()
        for name, raw in table.items()
    }


def _key(name: str) -> str:
    """The name casefolded with spaces, hyphens, underscores and brackets alike ("Cycling (Indoor)")."""
    return _SEPARATORS.sub("-", name.strip().casefold()).strip("-")


def _fits(activity: Activity, kind: ActivityKind) -> bool:
    """Whether the activity can be logged as `kind` (all with a recovery kind count as recovery)."""
    if kind is ActivityKind.RECOVERY:
        return activity.recovery is not None
    return activity.kind is kind


def resolve_activity(name: str, kind: ActivityKind) -> Activity:
    """The activity of that kind named `name` or one of its aliases; raises InvalidInput if none."""
    allowed = [a for a in load_activities().values() if _fits(a, kind)]
    wanted = _key(name)
    for activity in allowed:
        if wanted in {_key(n) for n in (activity.name, *activity.aliases)}:
            return activity
    choices = ", ".join(sorted(a.name for a in allowed))
    shown = " ".join(name.split())
    raise InvalidInput(f'Unknown {_KIND_LABEL[kind]} "{shown}": choose one of {choices}')
