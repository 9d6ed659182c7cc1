"""The free-exercise-db catalogue shipped with the package: 873 exercises and their muscles."""

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from restday.domain import Muscle

__all__ = ["BODYWEIGHT_EQUIPMENT", "Exercise", "load_exercises"]

# The catalogue marks bodyweight work with "body only"; its 77 exercises without equipment are
# stretches, running drills, plyometrics and bodyweight strength moves (decline push-up, inverted
# row, walking lunge, scapular pull-up), so no equipment counts as bodyweight too. Exercises with
# "other" equipment (weighted pull-ups, sleds, stones) are not bodyweight.
BODYWEIGHT_EQUIPMENT: frozenset[str | None] = frozenset({"body only", None})


@dataclass(frozen=True, slots=True)
class Exercise:
    """A catalogue exercise with the muscles it works; `bodyweight` means no external load."""

    id: str
    name: str
    primary: frozenset[Muscle]
    secondary: frozenset[Muscle]
    category: str
    equipment: str | None
    bodyweight: bool


def _exercise(raw: dict[str, Any]) -> Exercise:
    """One catalogue record as an Exercise (a primary muscle is not repeated as secondary)."""
    primary = frozenset(Muscle(m) for m in raw["primaryMuscles"])
    return Exercise(
        id=raw["id"],
        name=raw["name"],
        primary=primary,
        secondary=frozenset(Muscle(m) for m in raw["secondaryMuscles"]) - primary,
        category=raw["category"],
        equipment=raw["equipment"],
        bodyweight=raw["equipment"] in BODYWEIGHT_EQUIPMENT,
    )


@cache
def load_exercises() -> dict[str, Exercise]:
    """Every catalogue exercise by id (read once; treat the result as read-only)."""
    text = files("restday.catalog").joinpath("exercises.json").read_text(encoding="utf-8")
    return {e.id: e for e in map(_exercise, json.loads(text))}
