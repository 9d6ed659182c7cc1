"""The repository on SQLite and PostgreSQL: round trips, user scoping, deletes, transactions."""

import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from restday.domain import (
    CheckIn,
    Experience,
    Goal,
    LoadMetric,
    Profile,
    Region,
    Session,
    SessionKind,
)
from restday.errors import NotFound, StoreError
from restday.store.models import session_sets, sessions
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


def test_ensure_user_creates_the_user_once(db):
    with db.transaction() as tx:
        me = tx.ensure_user()
        assert tx.ensure_user("me") == me
        assert tx.ensure_user("coach") != me
    with db.transaction() as tx:
        assert tx.ensure_user() == me
    assert count(db, "users") == 2


def test_a_strength_session_round_trips_with_exercises_sets_and_catalogue_ids(db):
    session = strength_session(MONDAY.astimezone(AMSTERDAM))
    with db.transaction() as tx:
        me = tx.ensure_user()
        session_id = tx.add_session(me, session, exercise_ids=["barbell-squat", None])
    with db.transaction() as tx:
        [stored] = tx.sessions_between(me, None, None)
    assert stored.session == replace(without_muscles(session), id=session_id)
    assert stored.exercise_ids == ("barbell-squat", None)
    assert stored.source == "cli"
    assert stored.session.start.tzinfo is UTC
    assert stored.session.start == MONDAY


def test_an_endurance_session_round_trips(db):
    with db.transaction() as tx:
        me = tx.ensure_user()
        session_id = tx.add_session(
            me, run(MONDAY), source="strong", fingerprint="strong:1", notes="easy 10k"
        )
    with db.transaction() as tx:
        [stored] = tx.sessions_between(me, None, None)
    assert stored.session == replace(run(MONDAY), id=session_id)
    assert stored.exercise_ids == ()
    assert (stored.source, stored.notes, stored.fingerprint) == ("strong", "easy 10k", "strong:1")


@pytest.mark.parametrize("kind", ["class", "recovery"])
def test_class_and_recovery_sessions_round_trip(db, kind):
    session = Session(
        SessionKind(kind),
        MONDAY,
        50,
        class_kind="barre" if kind == "class" else None,
        recovery_kind="massage" if kind == "recovery" else None,
    )
    with db.transaction() as tx:
        me = tx.ensure_user()
        session_id = tx.add_session(me, session)
        assert tx.sessions_between(me, None, None)[0].session == replace(session, id=session_id)


def test_exercise_ids_must_match_the_exercises(db):
    with db.transaction() as tx, pytest.raises(ValueError, match="1 exercise ids given for 2"):
        tx.add_session(tx.ensure_user(), strength_session(), exercise_ids=["barbell-squat"])


def test_naive_times_are_refused(db):
    naive = datetime(2026, 11, 23, 18, 0)
    with db.transaction() as tx:
        me = tx.ensure_user()
        with pytest.raises(ValueError, match="naive datetime"):
            tx.add_session(me, run(naive))
        with pytest.raises(ValueError, match="naive datetime"):
            tx.sessions_between(me, naive, None)
        with pytest.raises(ValueError, match="naive datetime"):
            tx.add_checkin(me, CheckIn(naive))


def test_a_checkin_round_trips_with_soreness_and_injuries(db):
    checkin = CheckIn(
        at=MONDAY.astimezone(AMSTERDAM),
        sleep_h=6.5,
        sleep_quality=2,
        soreness={Region.LEGS: 3, Region.BACK: 1},
        fatigue=4,
        motivation=2,
        irritable=True,
        injuries=frozenset({Region.SHOULDERS, Region.ARMS}),
        resting_hr_bpm=58,
        hrv_ms=61.5,
    )
    with db.transaction() as tx:
        me = tx.ensure_user()
        checkin_id = tx.add_checkin(me, checkin)
    with db.transaction() as tx:
        [stored] = tx.checkins_between(me, None, None)
    assert stored == replace(checkin, id=checkin_id)
    assert stored.at.tzinfo is UTC


def test_an_empty_checkin_round_trips(db):
    with db.transaction() as tx:
        me = tx.ensure_user()
        checkin_id = tx.add_checkin(me, CheckIn(MONDAY))
        assert tx.checkins_between(me, None, None) == [CheckIn(MONDAY, id=checkin_id)]


def test_heart_rates_of_a_session_round_trip(db):
    with db.transaction() as tx:
        me = tx.ensure_user()
        session_id = tx.add_session(me, run(MONDAY, avg_hr_bpm=141.5))
    with db.transaction() as tx:
        [stored] = tx.sessions_between(me, None, None)
    assert (stored.session.avg_hr_bpm, stored.session.max_hr_bpm) == (141.5, 172.0)
    assert stored.session == replace(run(MONDAY, avg_hr_bpm=141.5), id=session_id)


def test_the_profile_is_the_default_until_saved_and_then_round_trips(db):
    profile = Profile(
        Goal.HYBRID,
        Experience.ADVANCED,
        "Europe/Amsterdam",
        72.5,
        "nl",
        resting_hr_bpm=48.5,
        max_hr_bpm=191,
        load_metric=LoadMetric.TRIMP,
    )
    with db.transaction() as tx:
        me = tx.ensure_user()
        assert tx.get_profile(me) == Profile()
        tx.save_profile(me, profile)
    with db.transaction() as tx:
        assert tx.get_profile(me) == profile
        tx.save_profile(me, replace(profile, lang=None))
    with db.transaction() as tx:
        assert tx.get_profile(me) == replace(profile, lang=None)
        assert tx.get_profile(tx.ensure_user("other")) == Profile()
        tx.save_profile(me, Profile())
        assert tx.get_profile(me) == Profile()
    assert count(db, "profiles") == 1


def test_a_user_sees_only_their_own_sessions_and_checkins(db):
    with db.transaction() as tx:
        ann, bob = tx.ensure_user("ann"), tx.ensure_user("bob")
        session_id = tx.add_session(ann, strength_session(), ["barbell-squat", None])
        tx.add_checkin(ann, CheckIn(MONDAY, fatigue=3))
    with db.transaction() as tx:
        assert tx.sessions_between(bob, None, None) == []
        assert tx.checkins_between(bob, None, None) == []
        assert tx.overlapping_sessions(bob, MONDAY, MONDAY + timedelta(hours=1)) == []
        with pytest.raises(NotFound, match=f"^No session with id {session_id}$"):
            tx.delete_session(bob, session_id)
    with db.transaction() as tx:
        assert [s.session.id for s in tx.sessions_between(ann, None, None)] == [session_id]


def test_deleting_a_session_returns_it_and_removes_its_exercises_and_sets(db):
    with db.transaction() as tx:
        me = tx.ensure_user()
        kept = tx.add_session(me, strength_session(MONDAY + timedelta(days=2)), [None, None])
        gone = tx.add_session(me, strength_session(), ["barbell-squat", None])
    assert count(db, "session_sets") == 10
    with db.transaction() as tx:
        deleted = tx.delete_session(me, gone)
    assert deleted == replace(without_muscles(strength_session()), id=gone)
    assert count(db, "session_exercises") == 2
    assert count(db, "session_sets") == 5
    with db.transaction() as tx:
        assert [s.session.id for s in tx.sessions_between(me, None, None)] == [kept]
        with pytest.raises(NotFound, match=f"No session with id {gone}"):
            tx.delete_session(me, gone)


def test_a_failed_transaction_leaves_nothing_written(db):
    with pytest.raises(RuntimeError, match="boom"), db.transaction() as tx:
        me = tx.ensure_user()
        tx.add_session(me, strength_session(), ["barbell-squat", None])
        tx.add_checkin(me, CheckIn(MONDAY, soreness={Region.LEGS: 2}))
        tx.save_profile(me, Profile(Goal.ENDURANCE))
        raise RuntimeError("boom")
    for table in ("users", "profiles", "sessions", "session_sets", "checkins", "checkin_soreness"):
        assert count(db, table) == 0, table


def test_a_user_store_error_mid_transaction_rolls_back_earlier_writes(db):
    with db.transaction() as tx:
        me = tx.ensure_user()
    with pytest.raises(NotFound), db.transaction() as tx:
        tx.add_session(me, run(MONDAY))
        tx.delete_session(me, 12345)
    assert count(db, "sessions") == 0


def test_sessions_between_filters_by_start_inclusive_and_orders_by_start(db):
    starts = [MONDAY + timedelta(days=d) for d in (3, 0, 1, 2)]
    with db.transaction() as tx:
        me = tx.ensure_user()
        for start in starts:
            tx.add_session(me, run(start))
    with db.transaction() as tx:

        def between(start, end):
            return [s.session.start for s in tx.sessions_between(me, start, end)]

        assert between(None, None) == sorted(starts)
        day = timedelta(days=1)
        assert between(MONDAY + day, MONDAY + 2 * day) == [MONDAY + day, MONDAY + 2 * day]
        assert between(MONDAY + day + timedelta(seconds=1), None) == [
            MONDAY + 2 * day,
            MONDAY + 3 * day,
        ]
        assert between(None, MONDAY.astimezone(AMSTERDAM)) == [MONDAY]
        assert between(MONDAY + 4 * day, None) == []


def test_checkins_between_filters_by_time(db):
    with db.transaction() as tx:
        me = tx.ensure_user()
        for hours in (0, 12, 24):
            tx.add_checkin(me, CheckIn(MONDAY + timedelta(hours=hours)))
    with db.transaction() as tx:
        found = tx.checkins_between(me, MONDAY + timedelta(hours=1), MONDAY + timedelta(hours=24))
        assert [c.at for c in found] == [MONDAY + timedelta(hours=12), MONDAY + timedelta(hours=24)]


def test_overlapping_sessions_are_those_sharing_some_time(db):
    with db.transaction() as tx:
        me = tx.ensure_user()
        assert tx.overlapping_sessions(me, MONDAY, MONDAY + timedelta(hours=1)) == []
        long_ride = tx.add_session(me, run(MONDAY - timedelta(hours=5), minutes=6 * 60))
        run_ = tx.add_session(me, run(MONDAY + timedelta(minutes=30)))
        tx.add_session(me, run(MONDAY - timedelta(hours=1), minutes=60))  # ends as ours starts
        tx.add_session(me, run(MONDAY + timedelta(hours=1)))  # starts as ours ends
        assert tx.overlapping_sessions(me, MONDAY, MONDAY + timedelta(hours=1)) == [
            long_ride,
            run_,
        ]


def test_session_spans_give_kind_start_minutes_and_source_of_the_users_sessions(db):
    with db.transaction() as tx:
        ann, bob = tx.ensure_user("ann"), tx.ensure_user("bob")
        early = tx.add_session(ann, run(MONDAY), source="gpx")
        lifting = tx.add_session(ann, strength_session(MONDAY + timedelta(hours=2)), [None, None])
        tx.add_session(ann, run(MONDAY + timedelta(days=1)))  # after the span asked for
        tx.add_session(bob, run(MONDAY))
        spans = tx.session_spans(ann, MONDAY, MONDAY + timedelta(hours=2))
    assert [(i, kind.value, at, minutes, source) for i, kind, at, minutes, source in spans] == [
        (early, "endurance", MONDAY, 45, "gpx"),
        (lifting, "strength", MONDAY + timedelta(hours=2), 75, "cli"),
    ]


def test_a_fingerprint_is_unique_per_user(db):
    with db.transaction() as tx:
        ann, bob = tx.ensure_user("ann"), tx.ensure_user("bob")
        tx.add_session(ann, run(MONDAY), source="strong", fingerprint="abc")
        tx.add_session(bob, run(MONDAY), source="strong", fingerprint="abc")
        tx.add_session(ann, run(MONDAY))
        tx.add_session(ann, run(MONDAY))
    with pytest.raises(StoreError) as error, db.transaction() as tx:
        tx.add_session(ann, run(MONDAY), fingerprint="abc")
    assert str(error.value) == duplicate_fingerprint_error(db)
    assert count(db, "sessions") == 4


def test_sessions_load_in_three_queries_however_many(db):
    with db.transaction() as tx:
        me = tx.ensure_user()
        for day in range(20):
            tx.add_session(me, strength_session(MONDAY + timedelta(days=day)), [None, None])
    with recorded(db) as statements, db.transaction() as tx:
        stored = tx.sessions_between(me, None, None)
    assert len(stored) == 20
    assert sum(len(e.sets) for s in stored for e in s.session.exercises) == 100
    assert len([s for s in statements if s.upper().startswith("SELECT")]) == 3


def test_every_row_of_a_session_carries_its_user_id(db):
    with db.transaction() as tx:
        me = tx.ensure_user("ann")
        tx.add_session(me, strength_session(), [None, None])
        assert set(tx.connection.scalars(select(session_sets.c.user_id))) == {me}
        assert tx.connection.scalar(select(func.count()).select_from(sessions)) == 1


def test_session_loads_are_start_minutes_rpe_and_heart_rate_oldest_first(db):
    with db.transaction() as tx:
        me, other = tx.ensure_user(), tx.ensure_user("other")
        tx.add_session(me, run(MONDAY + timedelta(days=2), 30, avg_hr_bpm=150))
        tx.add_session(me, strength_session(MONDAY.astimezone(AMSTERDAM)))
        tx.add_session(me, Session(SessionKind.RECOVERY, MONDAY + timedelta(days=1), 20))
        tx.add_session(other, run(MONDAY))
    with recorded(db) as statements, db.transaction() as tx:
        loads = tx.session_loads(me, None, None)
        assert tx.session_loads(me, MONDAY + timedelta(hours=1), MONDAY + timedelta(days=1)) == [
            (MONDAY + timedelta(days=1), 20, None, None)
        ]
    assert loads == [
        (MONDAY, 75, 8, None),
        (MONDAY + timedelta(days=1), 20, None, None),
        (MONDAY + timedelta(days=2), 30, 6, 150),
    ]
    assert loads[0][0].tzinfo is UTC
    assert len([s for s in statements if s.startswith("SELECT")]) == 2


def test_session_loads_of_ten_years_take_well_under_100_ms(db):
    start = MONDAY - timedelta(days=3650)
    with db.transaction() as tx:
        me = tx.ensure_user()
        tx.add_sessions(
            me,
            [
                (run(start + timedelta(days=1.4 * i), avg_hr_bpm=140), [], "gpx", None)
                for i in range(2600)
            ],
        )
    with db.transaction() as tx:
        begun = time.perf_counter()
        loads = tx.session_loads(me, None, MONDAY)
        elapsed = time.perf_counter() - begun
    assert len(loads) == 2600
    assert elapsed < 0.1
