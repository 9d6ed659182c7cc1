"""Plans and the checker's violations as contract JSON, and a planned day in words."""

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from restday.domain import WEEKDAYS
from restday.locales import Translator

__all__ = ["check_data", "describe_day", "plan_data", "violations_data", "why"]


def violations_data(violations: Sequence[Mapping[str, Any]], t: Translator) -> list[dict[str, Any]]:
    """The checker's violations, each with its sentence as `text`."""
    return [{**v, "text": t.text(v["text_key"], v["params"])} for v in violations]


def plan_data(plan: Mapping[str, Any], t: Translator) -> dict[str, Any]:
    """The plan contract: the plan with its violations worded."""
    return {**plan, "violations": violations_data(plan["violations"], t)}


def check_data(
    source: str, violations: Sequence[Mapping[str, Any]], t: Translator
) -> dict[str, Any]:
    """The checker's verdict on a plan file (`source` names it)."""
    return {"file": source, "violations": violations_data(violations, t)}


def why(day: Mapping[str, Any], plan: Mapping[str, Any], t: Translator) -> str:
    """Why a planned day is what it is, in words, from its rules and the free days."""
    phrases = [t.ui(f"why.{rule}") for rule in day.get("rules", []) if t.has(f"why.{rule}")]
    free = (plan.get("context") or {}).get("available") or {}
    weekday = WEEKDAYS[date.fromisoformat(day["date"]).weekday()]
    if day["activity"] == "rest" and weekday in free and free[weekday] is None:
        phrases.insert(0, t.ui("why.unavailable"))
    text = "; ".join(phrases)
    return text[:1].upper() + text[1:]


def describe_day(day: Mapping[str, Any], plan: Mapping[str, Any], t: Translator) -> tuple[str, str]:
    """(a short title, a longer description) of one planned day of `plan`."""
    activity = day["activity"]
    title = t.ui(f"plan.{activity}")
    details = []
    if day.get("intensity") and activity not in ("rest", "active_recovery"):
        details.append(t.ui(f"intensity.{day['intensity']}"))
    if day.get("regions"):
        details.append(t.text("ui.focus", {"regions": tuple(day["regions"])}))
    for key in ("sport", "class_kind"):
        if day.get(key):
            details.append(t.activity(day[key]))
    if details:
        title += ": " + ", ".join(details)
    lines = [title]
    if day.get("minutes"):
        lines.append(f"{day['minutes']:g} min")
    if day.get("active_recovery_minutes"):
        lines.append(t.text("ui.plus_active_recovery", {"minutes": day["active_recovery_minutes"]}))
    lines.append(why(day, plan, t))
    lines.append(t.text("ui.plan_rules", {"rules": ", ".join(day.get("rules", []))}))
    return title, "\n".join(lines)
