"""Every muscle's recovery (`restday status`) as contract JSON, and its ready time in words."""

from typing import Any

from restday.engine import MuscleState, MuscleStatus, Status
from restday.locales import Translator
from restday.present.moments import iso, short_when
from restday.present.reasons import reasons_data

__all__ = ["ready_text", "status_data"]


def status_data(status: Status, t: Translator) -> dict[str, Any]:
    """The status as contract JSON, times in the translator's zone."""
    return {
        "at": iso(status.at, t.tz),
        "muscles": [
            {
                "muscle": m.muscle.value,
                "region": m.region.value,
                "state": m.state.value,
                "recovered_pct": m.recovered_pct,
                "ready_at": iso(m.ready_at, t.tz),
                "last_trained": iso(m.last_trained, t.tz),
                "reasons": reasons_data(m.reasons, t),
            }
            for m in status.muscles
        ],
        "warnings": reasons_data(status.warnings, t),
    }


def ready_text(m: MuscleStatus, status: Status, t: Translator) -> str:
    """When a muscle is ready, in short: "Thu 18:00" ahead, "since Tue 17:00" once it is; empty
    for a muscle never trained."""
    if m.ready_at is None:
        return ""
    when = short_when(m.ready_at, status.at, t)
    if m.state is MuscleState.READY:
        return t.text("ui.status_ready_since", {"when": when})
    return when
