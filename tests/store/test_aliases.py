"""A user's own exercise names: aliases, names still unmatched, and matching them afterwards."""

from datetime import timedelta

from restday.domain import ExerciseEntry, Session, SessionKind, SetEntry
from tests.store.builders import MONDAY, count


def lifting(day: int, *names: str) -> Session:
    return Session(
        SessionKind.STRENGTH,
        MONDAY + timedelta(days=day),
        60,
        exercises=tuple(ExerciseEntry(name, (SetEntry(reps=5, weight_kg=80),)) for name in names),
    )


def test_an_alias_is_set_replaced_and_listed_per_user(db):
    with db.transaction() as tx:
        ann, bob = tx.ensure_user("ann"), tx.ensure_user("bob")
        assert tx.aliases(ann) == {}
        tx.set_alias(ann, "Squat (Barbell)", "Barbell_Squat")
        tx.set_alias(ann, "Bench", "Barbell_Bench_Press")
        tx.set_alias(bob, "Squat (Barbell)", "Front_Squat")
    with db.transaction() as tx:
        tx.set_alias(ann, "Squat (Barbell)", "Barbell_Full_Squat")
    with db.transaction() as tx:
        assert tx.aliases(ann) == {
            "Bench": "Barbell_Bench_Press",
            "Squat (Barbell)": "Barbell_Full_Squat",
        }
        assert tx.aliases(bob) == {"Squat (Barbell)": "Front_Squat"}
    assert count(db, "exercise_aliases") == 3


def test_unmatched_names_count_the_users_exercises_without_a_catalogue_id(db):
    with db.transaction() as tx:
        ann, bob = tx.ensure_user("ann"), tx.ensure_user("bob")
        tx.add_session(ann, lifting(0, "Zercher", "Squat"), [None, "Barbell_Squat"])
        tx.add_session(ann, lifting(2, "Zercher", "Sled push"), [None, None])
        tx.add_sessions(ann, [(lifting(4, "Squat", "Zercher"), [None, None], "strong", "fp")])
        tx.add_session(bob, lifting(0, "Yoke walk"), [None])
    with db.transaction() as tx:
        assert tx.unmatched_exercise_names(ann) == {"Zercher": 3, "Sled push": 1, "Squat": 1}
        assert list(tx.unmatched_exercise_names(ann)) == ["Zercher", "Sled push", "Squat"]
        assert tx.unmatched_exercise_names(bob) == {"Yoke walk": 1}
        assert tx.unmatched_exercise_names(tx.ensure_user("new")) == {}


def test_applying_an_alias_matches_only_the_users_unmatched_rows_of_that_name(db):
    with db.transaction() as tx:
        ann, bob = tx.ensure_user("ann"), tx.ensure_user("bob")
        tx.add_session(ann, lifting(0, "Zercher", "Squat"), [None, None])
        tx.add_session(ann, lifting(2, "Zercher", "zercher"), ["Already_Matched", None])
        tx.add_session(bob, lifting(0, "Zercher"), [None])
    with db.transaction() as tx:
        assert tx.apply_alias(ann, "Zercher", "Zercher_Squats") == 1
        assert tx.apply_alias(ann, "Zercher", "Zercher_Squats") == 0
        assert tx.apply_alias(ann, "Nothing by this name", "Zercher_Squats") == 0
    with db.transaction() as tx:
        assert [s.exercise_ids for s in tx.sessions_between(ann, None, None)] == [
            ("Zercher_Squats", None),
            ("Already_Matched", None),
        ]
        assert tx.unmatched_exercise_names(ann) == {"Squat": 1, "zercher": 1}
        assert [s.exercise_ids for s in tx.sessions_between(bob, None, None)] == [(None,)]
        assert tx.aliases(ann) == {}  # applying is not saving: set_alias does that
