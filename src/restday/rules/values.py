"""The typed values of each rule: one frozen dataclass per rule shape, each field with its range."""

import typing
from dataclasses import Field, dataclass, field
from enum import Enum
from functools import cache
from typing import Any

from restday.catalog import load_activities
from restday.domain import ActivityKind, RecoveryKind, Region

__all__ = [
    "Acwr",
    "Aids",
    "Baseline",
    "Calibration",
    "ClassAlternate",
    "ClassStreak",
    "EnduranceWeek",
    "Factors",
    "Fatigue",
    "Frequency",
    "IntensityThresholds",
    "Limit",
    "Lookback",
    "Names",
    "NoValues",
    "PlanLayout",
    "Pmc",
    "RecoveryExamples",
    "RestHours",
    "RestRange",
    "RestRegions",
    "SessionRpe",
    "Share",
    "ShortOnTime",
    "Signs",
    "SoreExtend",
    "Switch",
    "Trimp",
    "Vocabulary",
    "allowed",
    "names_of",
    "switch",
    "within",
]


@dataclass(frozen=True, slots=True)
class Limit:
    """A number from `low` to `high`, at most field `upto` or less than field `below` of its rule."""

    low: float
    high: float
    upto: str | None = None
    below: str | None = None

    def words(self, whole: bool) -> str:
        """What the field may hold: `a whole number from 1 to 14`."""
        return f"{'a whole number' if whole else 'a number'} from {self.low:g} to {self.high:g}"

    def holds(self, raw: object, whole: bool) -> bool:
        """Whether a TOML value is such a number (an integer when `whole`; never a boolean)."""
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            return False
        return (isinstance(raw, int) or not whole) and self.low <= raw <= self.high


class Vocabulary(Enum):
    """Where the names of a list come from, worded for a person."""

    REGION = "regions"
    CLASS = "class kinds of the catalogue"
    TOTAL = "total-recovery activities of the catalogue"
    ACTIVE = "active-recovery activities of the catalogue"
    PASSIVE = "passive-recovery activities of the catalogue"


@cache
def _names(vocabulary: Vocabulary) -> tuple[str, frozenset[str]]:
    """The names of a vocabulary as a person is shown them, and every name accepted."""
    if vocabulary is Vocabulary.REGION:
        names = [r.value for r in Region]
        return ", ".join(names), frozenset(names)
    activities = load_activities().values()
    if vocabulary is Vocabulary.CLASS:
        names = sorted(a.name for a in activities if a.kind is ActivityKind.CLASS)
        return ", ".join(names), frozenset(names)
    kind = RecoveryKind[vocabulary.name]
    fitting = [a for a in activities if a.recovery is kind]
    shown = ", ".join(sorted(a.name for a in fitting))
    return f"{shown}, or their aliases", frozenset(n for a in fitting for n in (a.name, *a.aliases))


@dataclass(frozen=True, slots=True)
class Names:
    """A list of names from one vocabulary, each at most once; `non_empty`: at least one."""

    vocabulary: Vocabulary
    non_empty: bool = False

    def words(self) -> str:
        """What the field may hold: `a list of regions (legs, arms, ...)`."""
        many = "a non-empty list" if self.non_empty else "a list"
        return f"{many} of {self.vocabulary.value} ({_names(self.vocabulary)[0]})"

    def accepts(self, name: str) -> bool:
        """Whether `name` is in the vocabulary."""
        return name in _names(self.vocabulary)[1]


@dataclass(frozen=True, slots=True)
class Switch:
    """A setting that is on (`true`) or off (`false`)."""

    def words(self) -> str:
        """What the field may hold."""
        return "true or false"


def within(low: float, high: float, *, upto: str | None = None, below: str | None = None) -> Any:
    """A dataclass field (no default) holding a number from `low` to `high`."""
    return field(metadata={"allowed": Limit(low, high, upto, below)})


def names_of(vocabulary: Vocabulary, *, non_empty: bool = False) -> Any:
    """A dataclass field (no default) holding a list of names from `vocabulary`."""
    return field(metadata={"allowed": Names(vocabulary, non_empty)})


def switch() -> Any:
    """A dataclass field (no default) holding `true` or `false`."""
    return field(metadata={"allowed": Switch()})


def allowed(f: Field[Any]) -> Limit | Names | Switch:
    """What a field of a rule shape may hold."""
    return typing.cast(Limit | Names | Switch, f.metadata["allowed"])


@dataclass(frozen=True, slots=True)
class NoValues:
    """A rule the engine applies without numbers of its own."""


@dataclass(frozen=True, slots=True)
class IntensityThresholds:
    """Reps and RPE (1-10) thresholds and heart-rate-reserve shares (0-1) that classify effort."""

    heavy_max_reps: int = within(1, 30)
    heavy_min_rpe: float = within(1, 10, upto="extra_min_rpe")
    extra_min_rpe: float = within(1, 10)
    easy_max_rpe: float = within(1, 10, upto="hard_min_rpe")
    hard_min_rpe: float = within(1, 10)
    easy_max_hrr: float = within(0, 1, upto="hard_min_hrr")
    hard_min_hrr: float = within(0, 1)


@dataclass(frozen=True, slots=True)
class RestHours:
    """A fixed rest in hours."""

    hours: float = within(1, 720)


@dataclass(frozen=True, slots=True)
class RestRange:
    """A rest between hours_min and hours_max."""

    hours_min: float = within(1, 720, upto="hours_max")
    hours_max: float = within(1, 720)


@dataclass(frozen=True, slots=True)
class RestRegions:
    """A fixed rest in hours for the muscles of some regions."""

    hours: float = within(1, 720)
    regions: tuple[str, ...] = names_of(Vocabulary.REGION)


@dataclass(frozen=True, slots=True)
class Share:
    """A share of another rule's value."""

    share: float = within(0.1, 1)


@dataclass(frozen=True, slots=True)
class Factors:
    """Multipliers for experience and the sleep adjustment."""

    beginner: float = within(0.5, 2)
    intermediate: float = within(0.5, 2)
    advanced: float = within(0.5, 2)
    sleep_target_h: float = within(4, 12)
    sleep_window_days: int = within(1, 14)
    sleep_extra_per_hour: float = within(0, 1)
    sleep_extra_max: float = within(0, 1)
    poor_quality_max: int = within(0, 5)
    poor_quality_extra: float = within(0, 1)


@dataclass(frozen=True, slots=True)
class Fatigue:
    """How rest adds up: the share of fatigue left that warns, and the reach in longest rests."""

    warn_min_share: float = within(0, 1)
    reach_rests: int = within(1, 10)


@dataclass(frozen=True, slots=True)
class SoreExtend:
    """Extra rest days for soreness (0-3) that lasts after heavy work."""

    after_days: int = within(0, 14)
    min_level: int = within(1, 3)
    extra_days_clear: int = within(0, 7, upto="extra_days_very")
    extra_days_very: int = within(0, 7)


@dataclass(frozen=True, slots=True)
class Frequency:
    """How often each region should be trained in a window."""

    times: int = within(1, 14, upto="window_days")
    window_days: int = within(1, 28)
    regions: tuple[str, ...] = names_of(Vocabulary.REGION)


@dataclass(frozen=True, slots=True)
class EnduranceWeek:
    """Training days in a row before a rest or active-recovery day."""

    max_days_in_row: int = within(1, 14)
    recovery_activities: tuple[str, ...] = names_of(Vocabulary.CLASS, non_empty=True)


@dataclass(frozen=True, slots=True)
class Lookback:
    """How many days back a rule looks."""

    lookback_days: int = within(1, 365)


@dataclass(frozen=True, slots=True)
class ClassStreak:
    """Classes in a row before a rest day."""

    min_in_row: int = within(1, 14, upto="max_in_row")
    max_in_row: int = within(1, 14)


@dataclass(frozen=True, slots=True)
class Signs:
    """Thresholds of the warning signs of too little rest (fatigue and motivation 1-5)."""

    fatigue_min: int = within(1, 5)
    motivation_max: int = within(1, 5)
    short_sleep_h: float = within(0, 12)
    checkin_max_age_h: float = within(1, 168)
    injury_repeat_days: int = within(1, 90)
    rest_at_signs: int = within(1, 10)


@dataclass(frozen=True, slots=True)
class RecoveryExamples:
    """The article's examples of each kind of recovery (activity names)."""

    total: tuple[str, ...] = names_of(Vocabulary.TOTAL, non_empty=True)
    active: tuple[str, ...] = names_of(Vocabulary.ACTIVE, non_empty=True)
    passive: tuple[str, ...] = names_of(Vocabulary.PASSIVE, non_empty=True)


@dataclass(frozen=True, slots=True)
class ShortOnTime:
    """When a session counts as short and how much of it goes to active recovery."""

    full_session_min: float = within(1, 240)
    active_recovery_min: float = within(0, 60, upto="full_session_min")


@dataclass(frozen=True, slots=True)
class Aids:
    """Sleep, protein and water targets."""

    sleep_min_h: float = within(4, 12, upto="sleep_max_h")
    sleep_max_h: float = within(4, 12)
    protein_g_per_kg_min: float = within(0.5, 4, upto="protein_g_per_kg_max")
    protein_g_per_kg_max: float = within(0.5, 4)
    water_l_min: float = within(0.5, 10, upto="water_l_max")
    water_l_max: float = within(0.5, 10)


@dataclass(frozen=True, slots=True)
class SessionRpe:
    """Foster's session-RPE: the effort used when a session has none."""

    default_rpe: float = within(1, 10)


@dataclass(frozen=True, slots=True)
class Trimp:
    """Banister's TRIMP weighting constants."""

    a: float = within(0.1, 2)
    b: float = within(0, 3)


@dataclass(frozen=True, slots=True)
class Pmc:
    """Time constants and warning limits of fitness, fatigue and form."""

    ctl_days: int = within(2, 180)
    atl_days: int = within(1, 60, below="ctl_days")
    tsb_warn: float = within(0, 5000)
    ramp_warn: float = within(0, 1000)


@dataclass(frozen=True, slots=True)
class Acwr:
    """Acute and chronic windows of the workload ratio, and its information band."""

    acute_days: int = within(1, 28, below="chronic_days")
    chronic_days: int = within(2, 90)
    band_low: float = within(0, 3, upto="band_high")
    band_high: float = within(0, 3)


@dataclass(frozen=True, slots=True)
class Baseline:
    """How resting heart rate and HRV are compared with the person's own baseline."""

    baseline_days: int = within(7, 365)
    min_samples: int = within(2, 100)
    sd_limit: float = within(0, 10)
    rhr_min_bpm: float = within(0, 50)
    hrv_min_share: float = within(0, 0.5)


@dataclass(frozen=True, slots=True)
class ClassAlternate:
    """The largest share of main muscles two consecutive classes may have in common."""

    max_shared: float = within(0, 1)


@dataclass(frozen=True, slots=True)
class PlanLayout:
    """When planned sessions start (local hour) and how long they last by default."""

    hour: int = within(0, 23)
    minutes: float = within(5, 480)


@dataclass(frozen=True, slots=True)
class Calibration:
    """How a person's own check-ins change the recovery pace of a region (docs/rules.md)."""

    enabled: bool = switch()
    min_rate: float = within(0.5, 1)
    max_rate: float = within(1, 2)
    sore_level: int = within(1, 3)
    fresh_max_level: int = within(0, 3, below="sore_level")
    trained_within_days: int = within(1, 14)
    effort_margin_rpe: float = within(0, 5)
    min_observations: int = within(1, 100)
    prior_observations: float = within(0, 100)
    half_life_days: float = within(1, 365, upto="lookback_days")
    lookback_days: int = within(7, 730)
