"""The independent plan checker: which hard rules of docs/planning.md a plan breaks.

It reads a plan as the JSON-like dict of docs/planning.md and shares nothing with the planner but
the rulebook, the domain enums and the activity catalogue, so that each can catch the other out.
"""

from collections.abc import Mapping
from typing import Any

from restday.domain import Activity
from restday.engine.plancheck.checks import CHECKS
from restday.engine.plancheck.context import read_context
from restday.engine.plancheck.days import read_days, read_goal, read_start
from restday.engine.plancheck.loads import PlanView
from restday.engine.plancheck.violation import Violation, ViolationText
from restday.errors import InvalidInput
from restday.rules import Rulebook

__all__ = ["Violation", "ViolationText", "check_plan"]


def check_plan(
    plan: Mapping[str, Any], rules: Rulebook, activities: Mapping[str, Activity]
) -> list[Violation]:
    """The rules `plan` breaks, by date (empty: it keeps every hard rule).

    Raises InvalidInput when the plan cannot be read at all: not an object, no ISO `start`, an
    unknown `goal`, `days` not a list, or a `context` value of the wrong kind.
    """
    if not isinstance(plan, Mapping):
        raise InvalidInput(f"Plan: expected a JSON object, not {type(plan).__name__}")
    start = read_start(plan)
    goal = read_goal(plan)
    context = read_context(plan.get("context"), rules, activities)
    days, found = read_days(plan, start, rules, activities)
    view = PlanView(start, goal, tuple(days), context)
    for check in CHECKS:
        found += check(view, rules)
    return sorted(found, key=lambda v: v.date)
