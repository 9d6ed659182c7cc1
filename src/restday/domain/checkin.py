"""A check-in: how the person feels at a moment."""

from dataclasses import dataclass, field
from datetime import datetime

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
