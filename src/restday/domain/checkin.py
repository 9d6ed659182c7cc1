"""A check-in: how the person feels at a moment."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from restday.domain.muscles import Region

__all__ = ["CheckIn"]


@dataclass(frozen=True, slots=True)
class CheckIn:
    """Sleep, soreness (0-3 per region), fatigue and motivation (1-5), injuries, heart."""

    at: datetime
    sleep_h: float | None = None
    sleep_quality: int | None = None
    soreness: dict[Region, int] = field(default_factory=dict)
    fatigue: int | None = None
    motivation: int | None = None
    irritable: bool = False
    injuries: frozenset[Region] = frozenset()
    resting_hr_bpm: int | None = None
    hrv_ms: float | None = None
    id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The check-in as plain JSON-able data (no id)."""
        return {
            "at": self.at.isoformat(),
            "sleep_h": self.sleep_h,
            "sleep_quality": self.sleep_quality,
            "soreness": {r.value: level for r, level in sorted(self.soreness.items())},
            "fatigue": self.fatigue,
            "motivation": self.motivation,
            "irritable": self.irritable,
            "injuries": sorted(r.value for r in self.injuries),
            "resting_hr_bpm": self.resting_hr_bpm,
            "hrv_ms": self.hrv_ms,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "CheckIn":
        """The check-in from `to_dict` data."""
        return cls(
            datetime.fromisoformat(data["at"]),
            data["sleep_h"],
            data["sleep_quality"],
            {Region(r): level for r, level in data["soreness"].items()},
            data["fatigue"],
            data["motivation"],
            data["irritable"],
            frozenset(Region(r) for r in data["injuries"]),
            data["resting_hr_bpm"],
            data["hrv_ms"],
        )
