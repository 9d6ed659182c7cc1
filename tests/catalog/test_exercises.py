"""The shipped free-exercise-db catalogue: its size, its muscles and what counts as bodyweight."""

import json
from importlib.resources import files

from restday.catalog import load_exercises
from restday.domain import Muscle

KEPT_FIELDS = {
    "id",
    "name",
    "category",
    "equipment",
    "level",
    "force",
    "mechanic",
    "primaryMuscles",
    "secondaryMuscles",
}


def _raw_catalogue() -> list[dict]:
    text = files("restday.catalog").joinpath("exercises.json").read_text(encoding="utf-8")
    return json.loads(text)


def test_catalogue_has_873_exercises_by_id():
    exercises = load_exercises()

    assert len(exercises) == 873
    assert all(exercise_id == e.id for exercise_id, e in exercises.items())


def test_shipped_catalogue_keeps_only_the_fields_restday_uses():
    assert all(set(raw) == KEPT_FIELDS for raw in _raw_catalogue())


def test_every_catalogue_muscle_is_one_of_the_17():
    names = {m for raw in _raw_catalogue() for m in raw["primaryMuscles"] + raw["secondaryMuscles"]}

    assert len(Muscle) == 17
    assert names == {m.value for m in Muscle}


def test_every_exercise_has_a_primary_muscle():
    assert all(e.primary for e in load_exercises().values())


def test_a_muscle_is_never_both_primary_and_secondary():
    step_ups = load_exercises()["Barbell_Step_Ups"]

    assert step_ups.primary == {Muscle.QUADRICEPS}
    assert Muscle.QUADRICEPS not in step_ups.secondary
    assert all(not (e.primary & e.secondary) for e in load_exercises().values())


def test_barbell_squat_works_quadriceps_with_legs_and_lower_back_helping():
    squat = load_exercises()["Barbell_Squat"]

    assert squat.name == "Barbell Squat"
    assert squat.primary == {Muscle.QUADRICEPS}
    assert squat.secondary == {
        Muscle.CALVES,
        Muscle.GLUTES,
        Muscle.HAMSTRINGS,
        Muscle.LOWER_BACK,
    }
    assert squat.category == "strength"
    assert squat.equipment == "barbell"


def test_body_only_exercises_are_bodyweight():
    exercises = load_exercises()

    assert exercises["Plank"].bodyweight
    assert exercises["Pushups"].bodyweight
    assert exercises["Bodyweight_Squat"].bodyweight


def test_exercises_without_equipment_are_bodyweight():
    decline_push_up = load_exercises()["Decline_Push-Up"]

    assert decline_push_up.equipment is None
    assert decline_push_up.bodyweight


def test_loaded_and_weighted_exercises_are_not_bodyweight():
    exercises = load_exercises()

    assert not exercises["Barbell_Squat"].bodyweight
    assert not exercises["Leg_Press"].bodyweight
    assert not exercises["Weighted_Pull_Ups"].bodyweight


def test_catalogue_is_read_once():
    assert load_exercises() is load_exercises()
