"""Upgrading a database written by an older restday keeps its data."""

from datetime import timedelta

from alembic import command
from sqlalchemy import create_engine, insert, inspect, text

from restday.domain import (
    CheckIn,
    ExerciseEntry,
    Experience,
    Goal,
    LoadMetric,
    Profile,
    Session,
    SessionKind,
    SetEntry,
)
from restday.store.db import HEAD_REVISION, open_database
from restday.store.migrate import alembic_config
from restday.store.models import (
    checkins,
    profiles,
    session_exercises,
    session_sets,
    sessions,
    users,
)
from tests.store.builders import MONDAY


def migrate(url: str, revision: str, *, down: bool = False) -> None:
    """Run Alembic up or down to `revision` on `url`."""
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            (command.downgrade if down else command.upgrade)(config, revision)
    finally:
        engine.dispose()


def write_0001_data(url: str) -> tuple[int, int]:
    """A user with a profile, a strength session with a set, and a check-in, as 0001 kept them."""
    engine = create_engine(url)
    try:
        with engine.begin() as c:

            def add(table, **values) -> int:
                return c.execute(insert(table).values(values)).inserted_primary_key[0]

            user_id = add(users, name="me")
            add(profiles, user_id=user_id, goal="endurance", experience="advanced", timezone="UTC")
            session_id = add(
                sessions, user_id=user_id, kind="strength", start_at=MONDAY, minutes=45.0,
                rpe=7.0, source="strong", fingerprint="strong:abc", notes="old",
            )  # fmt: skip
            row_id = add(
                session_exercises, session_id=session_id, user_id=user_id, position=0,
                name="Zercher", exercise_id=None,
            )  # fmt: skip
            add(
                session_sets, exercise_row_id=row_id, user_id=user_id, position=0, reps=5,
                weight_kg=100.0, set_type="normal",
            )  # fmt: skip
            add(checkins, user_id=user_id, at=MONDAY, irritable=False, fatigue=2)
            return user_id, session_id
    finally:
        engine.dispose()


def columns(url: str, table: str) -> set[str]:
    engine = create_engine(url)
    try:
        return {c["name"] for c in inspect(engine).get_columns(table)}
    finally:
        engine.dispose()


def test_upgrading_a_0001_database_keeps_its_data_and_adds_the_new_columns(fresh_url):
    migrate(fresh_url, "0001")
    assert "avg_hr_bpm" not in columns(fresh_url, "sessions")
    user_id, session_id = write_0001_data(fresh_url)
    with open_database(fresh_url) as db:
        with db.engine.connect() as c:
            assert c.scalar(text("SELECT version_num FROM alembic_version")) == HEAD_REVISION
        with db.transaction() as tx:
            me = tx.ensure_user()
            assert me == user_id
            assert tx.get_profile(me) == Profile(
                Goal.ENDURANCE, Experience.ADVANCED, load_metric=LoadMetric.SRPE
            )
            [stored] = tx.sessions_between(me, None, None)
            assert stored.session == Session(
                SessionKind.STRENGTH,
                MONDAY,
                45,
                rpe=7,
                exercises=(ExerciseEntry("Zercher", (SetEntry(reps=5, weight_kg=100),)),),
                id=session_id,
            )
            assert (stored.exercise_ids, stored.source, stored.notes) == ((None,), "strong", "old")
            assert tx.known_fingerprints(me, ["strong:abc"]) == {"strong:abc"}
            assert tx.session_loads(me, None, None) == [(MONDAY, 45, 7, None)]
            [checkin] = tx.checkins_between(me, None, None)
            assert checkin.fatigue == 2
            assert tx.checkin_sources(me) == {checkin.id: "cli"}
            assert tx.add_session(me, Session(SessionKind.RECOVERY, MONDAY, 20)) > session_id


def test_downgrading_to_0001_keeps_the_data_and_upgrading_again_works(fresh_url):
    with open_database(fresh_url) as db, db.transaction() as tx:
        me = tx.ensure_user()
        tx.save_profile(me, Profile(resting_hr_bpm=50, load_metric=LoadMetric.TRIMP))
        tx.add_session(me, Session(SessionKind.ENDURANCE, MONDAY, 30, avg_hr_bpm=140))
        tx.add_checkin(me, CheckIn(MONDAY + timedelta(hours=1), fatigue=1))
    migrate(fresh_url, "0001", down=True)
    assert {"avg_hr_bpm", "max_hr_bpm"}.isdisjoint(columns(fresh_url, "sessions"))
    assert "load_metric" not in columns(fresh_url, "profiles")
    assert "source" not in columns(fresh_url, "checkins")
    with open_database(fresh_url) as db, db.transaction() as tx:
        me = tx.ensure_user()
        assert tx.get_profile(me) == Profile()
        [stored] = tx.sessions_between(me, None, None)
        assert stored.session.avg_hr_bpm is None
        assert stored.session.minutes == 30
        assert len(tx.checkins_between(me, None, None)) == 1
