"""Today's verdict (`restday today`) as contract JSON."""

from datetime import date, datetime
from typing import Any

from restday.engine import Today
from restday.locales import Translator
from restday.present.reasons import reasons_data

__all__ = ["today_data"]


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
    }
