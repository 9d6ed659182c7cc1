"""Reasons, warnings and suggestions as contract JSON: the rule id, the sentence and its msgid."""

from collections.abc import Iterable
from typing import Any

from restday.engine import Reason, RestWarning, Suggestion
from restday.locales import Translator

__all__ = ["reason_data", "reasons_data"]


def reason_data(r: Reason | RestWarning | Suggestion, t: Translator) -> dict[str, Any]:
    """One reason: `rule`, `text`, `id`, and `severity` for a warning or `kind` for a suggestion."""
    out: dict[str, Any] = {
        "rule": r.rule,
        "text": t.text(r.msg.value, r.params),
        "id": r.msg.value,
    }
    if isinstance(r, RestWarning):
        out["severity"] = r.severity.value
    if isinstance(r, Suggestion):
        out["kind"] = r.kind
    return out


def reasons_data(
    items: Iterable[Reason | RestWarning | Suggestion], t: Translator
) -> list[dict[str, Any]]:
    """Several reasons, in order."""
    return [reason_data(r, t) for r in items]
