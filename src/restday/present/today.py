"""Today's verdict (`restday today`) as contract JSON, and its suggested session in words."""

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from restday.engine import Today
from restday.locales import Translator
from restday.present.readiness import readiness_data
from restday.present.reasons import reasons_data

__all__ = ["session_text", "today_data"]


def _plain(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def today_data(result: Today, t: Translator) -> dict[str, Any]:
    """Today's verdict as contract JSON, with its headline in the translator's language."""
    train = None
    if result.train:
        train = {
            "regions": [r.value for r in result.train.regions],
            "muscles": [m.value for m in result.train.muscles],
            "session": {k: _plain(v) for k, v in result.train.session.items()},
        }
    return {
        "date": result.date.isoformat(),
        "verdict": result.verdict.value,
        "headline": t.ui(f"verdict.{result.verdict.value}"),
        "train": train,
        "reasons": reasons_data(result.reasons, t),
        "suggestions": reasons_data(result.suggestions, t),
        "warnings": reasons_data(result.warnings, t),
        "readiness": readiness_data(result.readiness, t),
    }


def session_text(session: Mapping[str, Any], t: Translator) -> str:
    """The suggested session (`today_data`'s `train.session`) in words: "strength training,
    heavy, focus on legs, 60 min"."""
    parts = [t.ui(f"kind.{session['kind']}"), t.ui(f"intensity.{session['intensity']}")]
    what = session.get("sport") or session.get("class_kind")
    if what:
        parts.append(t.activity(what))
    if session.get("regions"):
        parts.append(t.text("ui.focus", {"regions": tuple(session["regions"])}))
    if session.get("minutes") is not None:
        parts.append(f"{t.number(session['minutes'])} min")
    if session.get("active_recovery_minutes"):
        parts.append(
            t.text("ui.plus_active_recovery", {"minutes": session["active_recovery_minutes"]})
        )
    return ", ".join(parts)
