"""Logged sessions (`restday history`) as contract JSON, and a session in one line of words."""

from collections.abc import Mapping, Sequence
from datetime import tzinfo
from typing import Any

from restday.domain import Session, SetEntry
from restday.locales import Translator
from restday.present.moments import iso

__all__ = ["history_data", "session_data", "session_line", "sets_text", "source_text"]


def session_data(s: Session, tz: tzinfo, source: str | None = None) -> dict[str, Any]:
    """One session: its id, its start `at` in the zone `tz`, then its fields (and where it came
    from, when known: "cli" typed, else the import's format)."""
    data = s.to_dict()
    del data["start"]
    found = {"id": s.id, "at": iso(s.start, tz), **data}
    if source is not None:
        found["source"] = source
    return found


def history_data(
    sessions: Sequence[Session], tz: tzinfo, sources: Mapping[int, str] | None = None
) -> dict[str, Any]:
    """The history contract: the sessions, oldest first, each with its source when known."""
    known = sources or {}
    return {"sessions": [session_data(s, tz, known.get(s.id or 0)) for s in sessions]}


def source_text(source: str, t: Translator) -> str:
    """Where a record came from, in words: "typed", "demo", or the import ("from strava")."""
    if source in ("cli", "demo"):
        return t.ui(f"ui.source.{source}")
    return t.text("ui.source.import", {"format": source})


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


def session_line(s: Session, t: Translator, source: str | None = None) -> str:
    """A session in words: one line (with where it came from, when given), then a line per
    exercise with its sets."""
    parts = [f"#{s.id}", t.ui(f"kind.{s.kind.value}"), t.text("ui.when", {"at": s.start})]
    parts.append(f"{round(s.minutes, 1):g} min")
    if s.rpe is not None:
        parts.append(f"RPE {s.rpe:g}")
    what = s.sport or s.class_kind or s.recovery_kind
    if what:
        parts.append(t.activity(what))
    if s.intensity:
        parts.append(t.ui(f"intensity.{s.intensity.value}"))
    if s.distance_km:
        parts.append(f"{round(s.distance_km, 2):g} km")
    if source is not None:
        parts.append(source_text(source, t))
    line = ", ".join(parts)
    for e in s.exercises:
        line += f"\n    {e.name}: {sets_text(e.sets)}"
    return line
