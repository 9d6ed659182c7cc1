"""Logged sessions (`restday history`) as contract JSON, and a session in one line of words."""

from collections.abc import Sequence
from datetime import tzinfo
from typing import Any

from restday.domain import Session, SetEntry
from restday.locales import Translator
from restday.present.moments import iso

__all__ = ["history_data", "session_data", "session_line", "sets_text"]


def session_data(s: Session, tz: tzinfo) -> dict[str, Any]:
    """One session: its id, its start `at` in the zone `tz`, then its fields."""
    data = s.to_dict()
    del data["start"]
    return {"id": s.id, "at": iso(s.start, tz), **data}


def history_data(sessions: Sequence[Session], tz: tzinfo) -> dict[str, Any]:
    """The history contract: the sessions, oldest first."""
    return {"sessions": [session_data(s, tz) for s in sessions]}


def sets_text(sets: Sequence[SetEntry]) -> str:
    """Sets in short, equal sets grouped: "3×5 @ 100 kg, 1×30s"."""
    groups: list[tuple[str, int]] = []
    for s in sets:
        amount = (
            f"{s.reps}"
            if s.reps is not None
            else f"{s.seconds:g}s"
            if s.seconds is not None
            else "1"
        )
        label = f"{amount} @ {s.weight_kg:g} kg" if s.weight_kg else amount
        if groups and groups[-1][0] == label:
            groups[-1] = (label, groups[-1][1] + 1)
        else:
            groups.append((label, 1))
    return ", ".join(f"{n}×{label}" for label, n in groups)


def session_line(s: Session, t: Translator) -> str:
    """A session in words: one line, then a line per exercise with its sets."""
    parts = [f"#{s.id}", t.ui(f"kind.{s.kind.value}"), t.text("ui.when", {"at": s.start})]
    parts.append(f"{s.minutes:g} min")
    if s.rpe is not None:
        parts.append(f"RPE {s.rpe:g}")
    what = s.sport or s.class_kind or s.recovery_kind
    if what:
        parts.append(t.activity(what))
    if s.intensity:
        parts.append(t.ui(f"intensity.{s.intensity.value}"))
    if s.distance_km:
        parts.append(f"{s.distance_km:g} km")
    line = ", ".join(parts)
    for e in s.exercises:
        line += f"\n    {e.name}: {sets_text(e.sets)}"
    return line
