"""The rulebook (`restday rules`) as JSON."""

from typing import Any

from restday.rules import Rulebook

__all__ = ["rules_data"]


def rules_data(book: Rulebook) -> dict[str, Any]:
    """The rulebook's file and every rule with its values and sources."""
    return {"path": book.path, "rules": [r.as_dict() for r in book.rules.values()]}
