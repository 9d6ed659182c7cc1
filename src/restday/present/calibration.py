"""How fast this person recovers per region (`restday calibration`) as contract JSON."""

from typing import Any

from restday.engine.calibration import Calibration
from restday.locales import Translator
from restday.present.moments import iso
from restday.present.reasons import reasons_data

__all__ = ["calibration_data"]


def calibration_data(found: Calibration, t: Translator) -> dict[str, Any]:
    """Each region's rate against the rulebook (1.0), its evidence, how sure, and why."""
    return {
        "at": iso(found.at, t.tz),
        "enabled": found.enabled,
        "regions": [
            {
                "region": r.region.value,
                "rate": r.rate,
                "observations": r.observations,
                "slower": r.slower,
                "faster": r.faster,
                "weight": r.weight,
                "sure_pct": r.sure_pct,
                "reasons": reasons_data(r.reasons, t),
            }
            for r in found.regions
        ],
    }
