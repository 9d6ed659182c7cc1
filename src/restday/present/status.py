"""Every muscle's recovery (`restday status`) as contract JSON."""

from typing import Any

from restday.engine import Status
from restday.locales import Translator
from restday.present.moments import iso
from restday.present.reasons import reasons_data

__all__ = ["status_data"]


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
