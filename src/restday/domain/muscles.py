"""The 17 muscles of the free-exercise-db taxonomy and the regions the article speaks of."""

from enum import StrEnum

__all__ = ["MUSCLES_OF_REGION", "REGION_OF", "Muscle", "Region"]


class Region(StrEnum):
    """A body region as the article names them (legs, arms, core, ...)."""

    LEGS = "legs"
    ARMS = "arms"
    CORE = "core"
    CHEST = "chest"
    BACK = "back"
    SHOULDERS = "shoulders"


class Muscle(StrEnum):
    """A muscle group of the free-exercise-db catalogue."""

    ABDOMINALS = "abdominals"
    ABDUCTORS = "abductors"
    ADDUCTORS = "adductors"
    BICEPS = "biceps"
    CALVES = "calves"
    CHEST = "chest"
    FOREARMS = "forearms"
    GLUTES = "glutes"
    HAMSTRINGS = "hamstrings"
    LATS = "lats"
    LOWER_BACK = "lower back"
    MIDDLE_BACK = "middle back"
    NECK = "neck"
    QUADRICEPS = "quadriceps"
    SHOULDERS = "shoulders"
    TRAPS = "traps"
    TRICEPS = "triceps"


REGION_OF: dict[Muscle, Region] = {
    Muscle.ABDOMINALS: Region.CORE,
    Muscle.ABDUCTORS: Region.LEGS,
    Muscle.ADDUCTORS: Region.LEGS,
    Muscle.BICEPS: Region.ARMS,
    Muscle.CALVES: Region.LEGS,
    Muscle.CHEST: Region.CHEST,
    Muscle.FOREARMS: Region.ARMS,
    Muscle.GLUTES: Region.LEGS,
    Muscle.HAMSTRINGS: Region.LEGS,
    Muscle.LATS: Region.BACK,
    Muscle.LOWER_BACK: Region.CORE,
    Muscle.MIDDLE_BACK: Region.BACK,
    Muscle.NECK: Region.SHOULDERS,
    Muscle.QUADRICEPS: Region.LEGS,
    Muscle.SHOULDERS: Region.SHOULDERS,
    Muscle.TRAPS: Region.BACK,
    Muscle.TRICEPS: Region.ARMS,
}

MUSCLES_OF_REGION: dict[Region, tuple[Muscle, ...]] = {
    region: tuple(m for m in Muscle if REGION_OF[m] is region) for region in Region
}
