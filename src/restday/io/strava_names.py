"""The names a Strava export's activities.csv uses, in English, German and Dutch: its columns
(`LAYOUTS`) and its activity types, mapped to restday's session kinds, sports and class kinds
(`activity_kind`). docs/strava.md says which names were seen in public code and which are a best
reading.

Names are matched as column keys (case, spaces and signs ignored), so "Weight Training",
"WeightTraining" and "weight training" are one type. A type not in these tables is looked up in
the catalogue's sport names (`track.sport_name`); else it is unknown, and the importer reads the
activity as endurance without a sport.
"""

from dataclasses import dataclass
from functools import cache

from restday.domain import SessionKind
from restday.io.csvfile import column_key
from restday.io.track import sport_name

__all__ = ["DUTCH_MONTHS", "LAYOUTS", "Layout", "activity_kind"]


@dataclass(frozen=True, slots=True)
class Layout:
    """How activities.csv in one language names the columns read (field -> names, the first
    as messages show it), how it writes dates, and whether its numbers have a decimal comma."""

    language: str
    date_example: str
    decimal_comma: bool
    names: dict[str, tuple[str, ...]]


LAYOUTS = (
    Layout(
        "English",
        "Sep 20, 2026, 2:12:12 PM",
        False,
        {
            "id": ("Activity ID",),
            "date": ("Activity Date",),
            "type": ("Activity Type",),
            "elapsed": ("Elapsed Time",),
            "moving": ("Moving Time",),
            "distance": ("Distance",),
            "max_hr": ("Max Heart Rate",),
            "avg_hr": ("Average Heart Rate",),
            "rpe": ("Perceived Exertion",),
            "filename": ("Filename",),
        },
    ),
    Layout(
        "German",
        "20.09.2026, 14:12:12",
        True,
        {
            "id": ("Aktivitäts-ID",),
            "date": ("Aktivitätsdatum",),
            "type": ("Aktivitätsart",),
            "elapsed": ("Verstrichene Zeit",),
            "moving": ("Bewegungszeit",),
            "distance": ("Distanz",),
            "max_hr": ("Max. Herzfrequenz",),
            "avg_hr": ("Durchschnittliche Herzfrequenz",),
            "rpe": ("Gefühlte Anstrengung",),
            "filename": ("Dateiname",),
        },
    ),
    Layout(
        "Dutch",
        "20 sep 2026, 14:12:12",
        True,
        {
            "id": ("Activiteits-ID", "Activiteit-ID"),
            "date": ("Datum van activiteit",),
            "type": ("Activiteitstype",),
            "elapsed": ("Verstreken tijd",),
            "moving": ("Beweegtijd",),
            "distance": ("Afstand",),
            "max_hr": ("Max. hartslag",),
            "avg_hr": ("Gemiddelde hartslag",),
            "rpe": ("Ervaren inspanning",),
            "filename": ("Bestandsnaam",),
        },
    ),
    Layout(  # before mid-2019: lowercase, distance in metres, ISO dates
        "old",
        "2018-09-12 15:02:23",
        False,
        {
            "id": ("id",),
            "date": ("date",),
            "type": ("type",),
            "elapsed": ("elapsed_time",),
            "distance": ("distance",),
            "filename": ("filename",),
        },
    ),
)

# Dutch month abbreviations that differ from the English ones parse_datetime reads.
DUTCH_MONTHS = {"mrt": "mar", "mei": "may", "okt": "oct"}


_SPORTS = {
    "run": (
        *("Run", "Trail Run", "Virtual Run"),
        *("Lauf", "Traillauf", "Virtueller Lauf"),
        *("Hardloopsessie", "Hardlopen"),
    ),
    "bike": (
        *("Ride", "Virtual Ride", "Mountain Bike Ride", "Gravel Ride", "E-Bike Ride"),
        *("E-Mountain Bike Ride", "Handcycle", "Velomobile"),
        *("Radfahrt", "Virtuelle Radfahrt", "Mountainbikefahrt", "Gravelfahrt", "E-Bike-Fahrt"),
        *("Fietsrit", "Virtuele fietsrit", "Gravelrit", "Mountainbiken", "E-Bike rit"),
    ),
    "swim": ("Swim", "Schwimmen", "Zwemmen"),
    "row": ("Rowing", "Virtual Row", "Rudern"),
    "walk": ("Walk", "Spaziergang", "Gehen", "Wandeling", "Wandelen"),
    "hike": ("Hike", "Wandern", "Hiken"),
    "ski": (
        *("Nordic Ski", "Backcountry Ski", "Alpine Ski", "Roller Ski"),
        *("Langlauf", "Skitouren", "Ski Alpin"),
    ),
}

# Strava's catch-all "Workout" (German and Dutch "Training") is read as a whole-body HIIT class.
_CLASSES = {
    "hiit": ("HIIT", "High Intensity Interval Training", "Workout", "Training"),
    "crossfit": ("Crossfit",),
    "yoga": ("Yoga",),
    "pilates": ("Pilates",),
    "dance": ("Dance",),
}

_STRENGTH = ("Weight Training", "Gewichtstraining", "Krafttraining", "Krachttraining")


@cache
def _kinds() -> dict[str, tuple[SessionKind, str | None, str | None]]:
    """Every type name (as a column key) to (kind, sport, class kind)."""
    found: dict[str, tuple[SessionKind, str | None, str | None]] = {}
    for sport, names in _SPORTS.items():
        found.update(dict.fromkeys(map(column_key, names), (SessionKind.ENDURANCE, sport, None)))
    for kind, names in _CLASSES.items():
        found.update(dict.fromkeys(map(column_key, names), (SessionKind.CLASS, None, kind)))
    found.update(dict.fromkeys(map(column_key, _STRENGTH), (SessionKind.STRENGTH, None, None)))
    return found


def activity_kind(activity_type: str) -> tuple[SessionKind, str | None, str | None] | None:
    """(kind, sport, class kind) of a Strava activity type, or None if restday does not know it."""
    found = _kinds().get(column_key(activity_type))
    if found is not None:
        return found
    sport = sport_name(activity_type)
    return (SessionKind.ENDURANCE, sport, None) if sport else None
