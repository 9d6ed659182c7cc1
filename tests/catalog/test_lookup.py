"""Finding the exercise a person means: exact, everyday, Strong/Hevy-style, misspelt or unknown."""

import pytest

from restday.catalog import exercise_candidates, load_exercises, resolve_exercise
from restday.domain import Muscle
from restday.errors import InvalidInput


@pytest.mark.parametrize(
    ("name", "exercise_id"),
    [
        ("squat", "Barbell_Squat"),
        ("bench press", "Barbell_Bench_Press_-_Medium_Grip"),
        ("deadlift", "Barbell_Deadlift"),
        ("pull-up", "Pullups"),
        ("pullups", "Pullups"),
        ("Pull Up", "Pullups"),
        ("Plank", "Plank"),
        ("Push Up", "Pushups"),
        ("push-ups", "Pushups"),
        ("chin up", "Chin-Up"),
        ("crunches", "Crunches"),
    ],
)
def test_everyday_name_resolves_to_catalogue_exercise(name, exercise_id):
    assert resolve_exercise(name).id == exercise_id


@pytest.mark.parametrize(
    ("name", "exercise_id"),
    [
        ("Squat (Barbell)", "Barbell_Squat"),
        ("Bench Press (Barbell)", "Barbell_Bench_Press_-_Medium_Grip"),
        ("Deadlift (Barbell)", "Barbell_Deadlift"),
        ("Overhead Press (Barbell)", "Standing_Military_Press"),
        ("Bicep Curl (Dumbbell)", "Dumbbell_Bicep_Curl"),
        ("Lat Pulldown (Cable)", "Wide-Grip_Lat_Pulldown"),
        ("Squat (Smith Machine)", "Smith_Machine_Squat"),
        ("Bench Press - Close Grip (Barbell)", "Close-Grip_Barbell_Bench_Press"),
        ("Incline Bench Press (Barbell)", "Barbell_Incline_Bench_Press_-_Medium_Grip"),
        ("Incline Bench Press (Dumbbell)", "Incline_Dumbbell_Press"),
        ("Chest Fly (Machine)", "Butterfly"),
        ("Triceps Rope Pushdown", "Triceps_Pushdown_-_Rope_Attachment"),
    ],
)
def test_strong_style_name_resolves_to_catalogue_exercise(name, exercise_id):
    assert resolve_exercise(name).id == exercise_id


def test_squat_barbell_works_quadriceps_primarily():
    squat = resolve_exercise("Squat (Barbell)")

    assert squat.primary == {Muscle.QUADRICEPS}
    assert Muscle.GLUTES in squat.secondary


def test_equipment_in_parentheses_picks_the_catalogue_exercise_with_that_equipment():
    assert resolve_exercise("Leg Extension (Machine)").id == "Leg_Extensions"
    assert resolve_exercise("Hammer Curl (Dumbbell)").id == "Hammer_Curls"
    assert resolve_exercise("Inverted Row (Bodyweight)").id == "Inverted_Row"


def test_equipment_in_parentheses_that_the_exercise_lacks_does_not_match_it():
    with pytest.raises(InvalidInput, match="Unknown exercise"):
        resolve_exercise("Glute Kickback (Machine)")


def test_catalogue_name_and_id_resolve_exactly():
    assert resolve_exercise("Barbell Full Squat").id == "Barbell_Full_Squat"
    assert resolve_exercise("Barbell_Full_Squat").name == "Barbell Full Squat"


def test_case_punctuation_and_plurals_do_not_matter():
    assert resolve_exercise("  BARBELL-SQUAT ").id == "Barbell_Squat"
    assert resolve_exercise("farmers walk").id == "Farmers_Walk"
    assert resolve_exercise("Lying Leg Curl").id == "Lying_Leg_Curls"


def test_misspelt_name_resolves_by_fuzzy_match():
    assert resolve_exercise("Barbel Squat").id == "Barbell_Squat"
    assert resolve_exercise("Dumbell Curl").id == "Dumbbell_Bicep_Curl"


def test_fuzzy_match_never_turns_decline_into_incline():
    with pytest.raises(InvalidInput, match='Unknown exercise "Decline Hammer Curls"'):
        resolve_exercise("Decline Hammer Curls")


def test_unknown_exercise_error_lists_three_candidates():
    with pytest.raises(InvalidInput) as error:
        resolve_exercise("Benchpress")

    assert str(error.value) == (
        'Unknown exercise "Benchpress": did you mean "Barbell Bench Press - Medium Grip", '
        '"Machine Bench Press", "Barbell Incline Bench Press - Medium Grip"?'
    )


def test_misspelling_between_two_exercises_is_ambiguous():
    with pytest.raises(InvalidInput) as error:
        resolve_exercise("Thigh Aductor")

    assert str(error.value) == (
        'Exercise "Thigh Aductor" is ambiguous: did you mean "Thigh Abductor", "Thigh Adductor"?'
    )


def test_name_of_two_catalogue_exercises_is_ambiguous():
    with pytest.raises(InvalidInput, match='Exercise "squats with bands" is ambiguous'):
        resolve_exercise("squats with bands")


@pytest.mark.parametrize("name", ["Benchpress", "Thigh Aductor", "Bosu\nball thing"])
def test_exercise_errors_are_one_line(name):
    with pytest.raises(InvalidInput) as error:
        resolve_exercise(name)

    assert "\n" not in str(error.value)


def test_empty_exercise_name_is_refused():
    with pytest.raises(InvalidInput, match="Exercise name is empty"):
        resolve_exercise("  ")


def test_candidates_are_the_three_closest_catalogue_names():
    candidates = exercise_candidates("Benchpress")
    names = {e.name for e in load_exercises().values()}

    assert candidates[0] == "Barbell Bench Press - Medium Grip"
    assert len(candidates) == 3
    assert set(candidates) <= names


def test_candidates_honour_the_limit():
    assert len(exercise_candidates("curl", limit=5)) == 5
    assert exercise_candidates("curl", limit=0) == []
    assert exercise_candidates("") == []
