"""The article's three example weeks as plan templates (JSON in the plan format of docs/planning.md).

- `strength-split`: legs, arms, core, legs, arms, core, an active-recovery day (goal muscle; the
  context narrows the focus to legs, arms and core).
- `endurance-week`: slow run, race-pace run, slow run, swim, race-pace run, slow run, pilates.
- `classes-week`: indoor cycling, dance, barre, HIIT, yoga, indoor cycling, pilates (the context
  allows the article's four classes in a row).

An easy yoga, pilates or stretching class is written as an `active_recovery` day that names the
class in `class_kind`, so that every template keeps the activities its goal allows.
"""

import copy
import json
from datetime import date, timedelta
from functools import cache
from importlib.resources import files
from typing import Any

from restday.domain import MUSCLES_OF_REGION, Region
from restday.errors import InvalidInput

__all__ = ["TEMPLATES", "load_template"]

TEMPLATES = ("strength-split", "endurance-week", "classes-week")


@cache
def _raw(name: str) -> dict[str, Any]:
    text = files("restday.weeks").joinpath(f"{name}.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _muscles(day: dict[str, Any]) -> list[str]:
    """The muscles a template day works: its regions' muscles, or its sport's or class's."""
    from restday.catalog import load_activities

    if day["activity"] == "strength":
        return sorted(m.value for r in day["regions"] for m in MUSCLES_OF_REGION[Region(r)])
    if day["activity"] in ("endurance", "class"):
        activity = load_activities()[day["sport"] or day["class_kind"]]
        return sorted(m.value for m in activity.primary | activity.secondary)
    return []


def load_template(name: str, start: date, *, weeks: int = 1) -> dict[str, Any]:
    """The template `name` as a plan from `start`, its week repeated `weeks` times."""
    if name not in TEMPLATES:
        raise InvalidInput(f'Unknown template "{name}": choose one of {", ".join(TEMPLATES)}')
    if weeks < 1:
        raise InvalidInput(f"A template plan needs at least one week, not {weeks}")
    plan = copy.deepcopy(_raw(name))
    week = plan["days"]
    plan["start"] = start.isoformat()
    plan["days"] = []
    for index in range(len(week) * weeks):
        day = copy.deepcopy(week[index % len(week)])
        day["date"] = (start + timedelta(days=index)).isoformat()
        day["muscles"] = _muscles(day)
        plan["days"].append(day)
    return plan
