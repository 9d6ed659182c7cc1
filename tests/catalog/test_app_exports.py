"""Exercise names from real Strong and Hevy exports resolve, and look-alike names stay apart."""

import csv
import io

import pytest

from restday.catalog import resolve_exercise
from restday.errors import InvalidInput


def _exercise_names(shared_data) -> set[str]:
    names: set[str] = set()
    paths = [*shared_data.glob("strong/*.csv"), *shared_data.glob("hevy/*.csv")]
    for path in paths:
        text = path.read_text(encoding="utf-8-sig")
        header = text.split("\n", 1)[0]
        reader = csv.DictReader(
            io.StringIO(text), delimiter=";" if header.count(";") > header.count(",") else ","
        )
        column = (
            "Exercise Name" if "Exercise Name" in (reader.fieldnames or ()) else "exercise_title"
        )
        names.update(row[column] for row in reader)
    return names


def _resolves(name: str) -> bool:
    try:
        resolve_exercise(name)
    except InvalidInput:
        return False
    return True


def test_most_strong_and_hevy_exercise_names_resolve(shared_data):
    names = _exercise_names(shared_data)
    if not names:
        pytest.skip("no Strong or Hevy exports in ../shared/data")

    assert sum(map(_resolves, names)) >= 0.55 * len(names)


@pytest.mark.parametrize(
    ("name", "exercise_id"),
    [
        ("Incline Bench Press (Barbell)", "Barbell_Incline_Bench_Press_-_Medium_Grip"),
        ("Decline Bench Press (Barbell)", "Decline_Barbell_Bench_Press"),
        ("Iso-Lateral High Row (Machine)", "Leverage_High_Row"),
        ("Iso-Lateral Row (Machine)", "Leverage_Iso_Row"),
        ("Cable Fly Crossovers", "Cable_Crossover"),
        ("Low Cable Fly Crossovers", "Low_Cable_Crossover"),
        ("Pull Up (Weighted)", "Weighted_Pull_Ups"),
        ("Single Arm Tricep Extension (Dumbbell)", "Dumbbell_One-Arm_Triceps_Extension"),
    ],
)
def test_look_alike_app_names_resolve_to_their_own_exercise(name, exercise_id):
    assert resolve_exercise(name).id == exercise_id
