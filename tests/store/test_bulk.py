"""Bulk import into the store: many sessions in a few statements, and which fingerprints it has."""

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from restday.domain import ExerciseEntry, Session, SessionKind
from restday.errors import StoreError
from restday.store.db import open_database
from restday.store.repo import FINGERPRINT_CHUNK
from tests.store.builders import (
    AMSTERDAM,
    MONDAY,
    count,
    duplicate_fingerprint_error,
    recorded,
    run,
    strength_session,
    without_muscles,
)


def mixed_history(days: int) -> list[tuple[Session, list[str | None]]]:
    """Strength sessions (in another zone) and runs with heart rate, a day apart, oldest first."""
    history: list[tuple[Session, list[str | None]]] = []
    for day in range(days):
        start = MONDAY + timedelta(days=day)
        if day % 2:
            history.append((run(start, 30 + day, avg_hr_bpm=130 + day), []))
        else:
            session = strength_session(start.astimezone(AMSTERDAM))
            history.append((session, [f"squat-{day}", None]))
    return history


def stored_without_ids(tx, user_id):
    return [
        (replace(s.session, id=None), s.exercise_ids, s.source, s.notes)
        for s in tx.sessions_between(user_id, None, None)
    ]


def test_a_bulk_insert_round_trips_exactly_like_add_session(db):
    history = mixed_history(12)
    with db.transaction() as tx:
        one_by_one, bulk = tx.ensure_user("one"), tx.ensure_user("bulk")
        for session, exercise_ids in history:
            tx.add_session(one_by_one, session, exercise_ids, source="strong")
        ids = tx.add_sessions(bulk, [(s, ids, "strong", None) for s, ids in history])
    with db.transaction() as tx:
        stored = tx.sessions_between(bulk, None, None)
        assert stored_without_ids(tx, bulk) == stored_without_ids(tx, one_by_one)
    assert [s.session.id for s in stored] == ids
    assert [s.session for s in stored] == [
        replace(without_muscles(session), id=session_id)
        for (session, _), session_id in zip(history, ids, strict=True)
    ]


def test_bulk_ids_follow_the_order_of_the_items_not_of_the_start_times(db):
    newest_first = list(reversed(mixed_history(6)))
    with db.transaction() as tx:
        me = tx.ensure_user()
        ids = tx.add_sessions(
            me, [(s, ids, "hevy", f"fp{i}") for i, (s, ids) in enumerate(newest_first)]
        )
    with db.transaction() as tx:
        by_id = {s.session.id: s for s in tx.sessions_between(me, None, None)}
    for i, (session_id, (session, exercise_ids)) in enumerate(zip(ids, newest_first, strict=True)):
        assert by_id[session_id].session == replace(without_muscles(session), id=session_id)
        assert by_id[session_id].exercise_ids == tuple(exercise_ids)
        assert (by_id[session_id].source, by_id[session_id].fingerprint) == ("hevy", f"fp{i}")


def test_a_bulk_insert_takes_three_statements_however_many_sessions(db):
    history = mixed_history(300)
    with db.transaction() as tx:
        me = tx.ensure_user()
        with recorded(db) as statements:
            tx.add_sessions(
                me, [(s, ids, "strong", f"fp{i}") for i, (s, ids) in enumerate(history)]
            )
    assert [s.split("(")[0].strip() for s in statements] == [
        "INSERT INTO sessions",
        "INSERT INTO session_exercises",
        "INSERT INTO session_sets",
    ]
    assert count(db, "sessions") == 300
    assert count(db, "session_exercises") == 300
    assert count(db, "session_sets") == 150 * 5


def test_notes_can_come_with_a_bulk_insert_one_per_session(db):
    items = [(run(MONDAY), [], "backup", None), (run(MONDAY + timedelta(days=1)), [], "cli", None)]
    with db.transaction() as tx:
        me = tx.ensure_user()
        with pytest.raises(ValueError, match=r"^1 notes given for 2 sessions$"):
            tx.add_sessions(me, items, notes=["easy"])
        tx.add_sessions(me, items, notes=["easy", None])
        stored = tx.sessions_between(me, None, None)
    assert [(s.source, s.notes) for s in stored] == [("backup", "easy"), ("cli", None)]


def test_nothing_to_insert_sends_nothing(db):
    with db.transaction() as tx:
        me = tx.ensure_user()
        with recorded(db) as statements:
            assert tx.add_sessions(me, []) == []
    assert statements == []


def test_sessions_without_sets_or_exercises_insert_in_bulk(db):
    empty_exercise = Session(
        SessionKind.BODYWEIGHT, MONDAY, 10, exercises=(ExerciseEntry("Plank", ()),)
    )
    with db.transaction() as tx:
        me = tx.ensure_user()
        ids = tx.add_sessions(me, [(empty_exercise, [None], "strong", None)])
        [stored] = tx.sessions_between(me, None, None)
    assert stored.session == replace(empty_exercise, id=ids[0])
    assert count(db, "session_sets") == 0


def test_a_bad_item_in_a_bulk_insert_stores_nothing(db):
    good = (run(MONDAY), [], "strong", "fp1")
    with db.transaction() as tx:
        me = tx.ensure_user()
    with (
        pytest.raises(ValueError, match=r"^1 exercise ids given for 2 exercises$"),
        db.transaction() as tx,
    ):
        tx.add_sessions(me, [good, (strength_session(), ["barbell-squat"], "strong", "fp2")])
    with pytest.raises(ValueError, match="naive datetime"), db.transaction() as tx:
        tx.add_sessions(me, [good, (run(datetime(2026, 11, 23, 18, 0)), [], "strong", "fp2")])
    assert count(db, "sessions") == 0


def test_the_fingerprint_stays_unique_per_user_in_bulk(db):
    with db.transaction() as tx:
        ann, bob = tx.ensure_user("ann"), tx.ensure_user("bob")
        tx.add_sessions(
            ann, [(run(MONDAY), [], "strong", "abc"), (run(MONDAY), [], "strong", None)]
        )
        tx.add_sessions(
            bob, [(run(MONDAY), [], "strong", "abc"), (run(MONDAY), [], "strong", None)]
        )
    with pytest.raises(StoreError) as error, db.transaction() as tx:
        tx.add_sessions(
            ann, [(run(MONDAY), [], "strong", "new"), (run(MONDAY), [], "strong", "abc")]
        )
    assert str(error.value) == duplicate_fingerprint_error(db)
    with pytest.raises(StoreError) as error, db.transaction() as tx:
        tx.add_sessions(
            bob, [(run(MONDAY), [], "strong", "twice"), (run(MONDAY), [], "hevy", "twice")]
        )
    assert str(error.value) == duplicate_fingerprint_error(db)
    assert count(db, "sessions") == 4


def test_known_fingerprints_are_exactly_the_users_stored_ones(db):
    stored = [f"strong:{i:04}" for i in range(0, 2 * FINGERPRINT_CHUNK + 300, 2)]
    with db.transaction() as tx:
        me, other = tx.ensure_user(), tx.ensure_user("other")
        tx.add_sessions(
            me,
            [(run(MONDAY + timedelta(hours=i)), [], "strong", fp) for i, fp in enumerate(stored)],
        )
        tx.add_sessions(other, [(run(MONDAY), [], "strong", "strong:0001")])
        tx.add_session(me, run(MONDAY))  # no fingerprint
    asked = [f"strong:{i:04}" for i in range(2 * FINGERPRINT_CHUNK + 400)]
    with db.transaction() as tx, recorded(db) as statements:
        assert tx.known_fingerprints(me, asked) == set(stored)
        assert tx.known_fingerprints(me, ["strong:0000", "strong:0000", "strong:0001"]) == {
            "strong:0000"
        }
        assert tx.known_fingerprints(other, asked) == {"strong:0001"}
        assert tx.known_fingerprints(me, []) == set()
        assert tx.known_fingerprints(tx.ensure_user("nobody"), asked) == set()
    selects = [s for s in statements if s.startswith("SELECT sessions.fingerprint")]
    assert len(selects) == 3 + 1 + 3 + 3  # chunks of FINGERPRINT_CHUNK: 1,400 names in 3


def test_a_sqlite_without_returning_inserts_row_by_row_with_the_same_result(tmp_path, monkeypatch):
    history = mixed_history(5)
    with open_database(f"sqlite:///{tmp_path / 'old.db'}") as db:
        monkeypatch.setattr(db.engine.dialect, "insert_returning", False)
        monkeypatch.setattr(db.engine.dialect, "insert_executemany_returning", False)
        with db.transaction() as tx:
            me = tx.ensure_user()
            ids = tx.add_sessions(me, [(s, ids, "strong", None) for s, ids in history])
            stored = tx.sessions_between(me, None, None)
    assert [s.session for s in stored] == [
        replace(without_muscles(session), id=session_id)
        for (session, _), session_id in zip(history, ids, strict=True)
    ]
    assert [s.exercise_ids for s in stored] == [tuple(ids) for _, ids in history]
