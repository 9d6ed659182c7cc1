"""A reading: what a watch, ring or app measured (a night's sleep, a resting heart rate, an HRV)."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

__all__ = ["Measure", "Reading"]


class Measure(StrEnum):
    """What a reading measures, in its unit. The two HRV measures are never compared."""

    SLEEP_H = "sleep_h"
    RESTING_HR_BPM = "resting_hr_bpm"
    HRV_SDNN_MS = "hrv_sdnn_ms"
    HRV_RMSSD_MS = "hrv_rmssd_ms"
    BODY_MASS_KG = "body_mass_kg"


@dataclass(frozen=True, slots=True)
class Reading:
    """One measured value. `at` is when it was measured (a night: when sleep ended) in the offset
    the device recorded; `source` is the device or app ("Apple Watch", "Garmin fenix 6"), `method`
    how it was measured ("asleep stages", "hrv_status_summary: last night's average")."""

    measure: Measure
    at: datetime
    value: float
    source: str
    method: str = ""
    start: datetime | None = None
    id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The reading as plain JSON-able data (no id)."""
        return {
            "measure": self.measure.value,
            "at": self.at.isoformat(),
            "value": self.value,
            "source": self.source,
            "method": self.method,
            "start": None if self.start is None else self.start.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Reading":
        """The reading from `to_dict` data."""
        start = data.get("start")
        return cls(
            Measure(data["measure"]),
            datetime.fromisoformat(data["at"]),
            data["value"],
            data["source"],
            data.get("method", ""),
            None if start is None else datetime.fromisoformat(start),
        )
