"""The load model (`restday load`) as contract JSON."""

from typing import Any

from restday.engine.load import LoadReport
from restday.locales import Translator
from restday.present.reasons import reasons_data

__all__ = ["load_data"]


def load_data(report: LoadReport, t: Translator) -> dict[str, Any]:
    """The daily load, CTL, ATL, TSB, ACWR and ramp (rounded as the contract says), and warnings."""
    return {
        "metric": report.metric.value,
        "days": [
            {
                "date": d.date.isoformat(),
                "load": round(d.load, 1),
                "ctl": round(d.ctl, 1),
                "atl": round(d.atl, 1),
                "tsb": round(d.tsb, 1),
                "acwr": None if d.acwr is None else round(d.acwr, 2),
                "ramp": round(d.ramp, 1),
            }
            for d in report.days
        ],
        "warnings": reasons_data(report.warnings, t),
    }
