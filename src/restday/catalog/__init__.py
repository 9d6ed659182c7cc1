"""The exercise catalogue and the sports, class kinds and recovery activities restday knows.

Data shipped with the package: exercises.json (the public-domain free-exercise-db, see
SOURCES.md), aliases.toml (everyday and Strong/Hevy names) and activities.toml.
"""

from restday.catalog.activities import load_activities, resolve_activity
from restday.catalog.exercises import Exercise, load_exercises
from restday.catalog.lookup import exercise_candidates, resolve_exercise

__all__ = [
    "Exercise",
    "exercise_candidates",
    "load_activities",
    "load_exercises",
    "resolve_activity",
    "resolve_exercise",
]
