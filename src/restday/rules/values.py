"""The typed values of each rule, one frozen dataclass per rule shape."""

from dataclasses import dataclass

__all__ = [
    "Acwr",
    "Aids",
    "Baseline",
    "ClassAlternate",
    "ClassStreak",
    "EnduranceWeek",
    "Factors",
    "Frequency",
    "IntensityThresholds",
    "Lookback",
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
    "Trimp",
]


@dataclass(frozen=True, slots=True)
class NoValues:
    """A rule the engine applies without numbers of its own."""


@dataclass(frozen=True, slots=True)
class IntensityThresholds:
    """Reps and RPE thresholds that classify an exercise or session."""

    heavy_max_reps: int
    heavy_min_rpe: float
    extra_min_rpe: float
    easy_max_rpe: float
    hard_min_rpe: float
    easy_max_hrr: float
    hard_min_hrr: float


@dataclass(frozen=True, slots=True)
class RestHours:
    """A fixed rest in hours."""

    hours: float


@dataclass(frozen=True, slots=True)
class RestRange:
    """A rest between hours_min and hours_max."""

    hours_min: float
    hours_max: float


@dataclass(frozen=True, slots=True)
class RestRegions:
    """A fixed rest in hours for the muscles of some regions."""

    hours: float
    regions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Share:
    """A share (0-1) of another rule's value."""

    share: float


@dataclass(frozen=True, slots=True)
class Factors:
    """Multipliers for experience and the sleep adjustment."""

    beginner: float
    intermediate: float
    advanced: float
    sleep_target_h: float
    sleep_window_days: int
    sleep_extra_per_hour: float
    sleep_extra_max: float
    poor_quality_max: int
    poor_quality_extra: float


@dataclass(frozen=True, slots=True)
class SoreExtend:
    """Extra rest days for soreness that lasts after heavy work."""

    after_days: int
    min_level: int
    extra_days_clear: int
    extra_days_very: int


@dataclass(frozen=True, slots=True)
class Frequency:
    """How often each region should be trained in a window."""

    times: int
    window_days: int
    regions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EnduranceWeek:
    """Training days in a row before a rest or active-recovery day."""

    max_days_in_row: int
    recovery_activities: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Lookback:
    """How many days back a rule looks."""

    lookback_days: int


@dataclass(frozen=True, slots=True)
class ClassStreak:
    """Classes in a row before a rest day."""

    min_in_row: int
    max_in_row: int


@dataclass(frozen=True, slots=True)
class Signs:
    """Thresholds of the warning signs of too little rest."""

    fatigue_min: int
    motivation_max: int
    short_sleep_h: float
    checkin_max_age_h: float
    injury_repeat_days: int
    rest_at_signs: int


@dataclass(frozen=True, slots=True)
class RecoveryExamples:
    """The article's examples of each kind of recovery (activity names)."""

    total: tuple[str, ...]
    active: tuple[str, ...]
    passive: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ShortOnTime:
    """When a session counts as short and how much of it goes to active recovery."""

    full_session_min: float
    active_recovery_min: float


@dataclass(frozen=True, slots=True)
class Aids:
    """Sleep, protein and water targets."""

    sleep_min_h: float
    sleep_max_h: float
    protein_g_per_kg_min: float
    protein_g_per_kg_max: float
    water_l_min: float
    water_l_max: float


@dataclass(frozen=True, slots=True)
class SessionRpe:
    """Foster's session-RPE: the effort used when a session has none."""

    default_rpe: float


@dataclass(frozen=True, slots=True)
class Trimp:
    """Banister's TRIMP weighting constants."""

    a: float
    b: float


@dataclass(frozen=True, slots=True)
class Pmc:
    """Time constants and warning limits of fitness, fatigue and form."""

    ctl_days: int
    atl_days: int
    tsb_warn: float
    ramp_warn: float


@dataclass(frozen=True, slots=True)
class Acwr:
    """Acute and chronic windows of the workload ratio, and its information band."""

    acute_days: int
    chronic_days: int
    band_low: float
    band_high: float


@dataclass(frozen=True, slots=True)
class Baseline:
    """How resting heart rate and HRV are compared with the person's own baseline."""

    baseline_days: int
    min_samples: int
    sd_limit: float
    rhr_min_bpm: float


@dataclass(frozen=True, slots=True)
class ClassAlternate:
    """The largest share of main muscles two consecutive classes may have in common."""

    max_shared: float


@dataclass(frozen=True, slots=True)
class PlanLayout:
    """When planned sessions start (local hour) and how long they last by default."""

    hour: int
    minutes: float
