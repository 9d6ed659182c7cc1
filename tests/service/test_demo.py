"""The demo history: advice, a body map and a load chart at work on an empty database, gone in one click."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from restday import service
from restday.domain import CheckIn, Region, Session, SessionKind
from restday.errors import Conflict
from restday.rules import default_rulebook
from restday.service import backup, demo
from restday.store.db import open_database
from tests.service.conftest import snapshot

RULES = default_rulebook()
NOW = datetime(2026, 12, 1, 11, tzinfo=UTC)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def load(db, now: datetime = NOW) -> demo.DemoCounts:
    return demo.load_demo(db, user="me", now=now, rules=RULES)


def own_run(db) -> int:
    """A session the person logs themselves."""
    run = Session(SessionKind.ENDURANCE, NOW - timedelta(hours=3), 40, 6, sport="run")
    return service.log_session(db, run, NOW, user="me").id


def test_the_demo_gives_advice_with_reasons_recovering_muscles_and_a_training_load(db):
    assert load(db) == demo.DemoCounts(sessions=demo.DAYS, checkins=demo.DAYS + 1)
    today = service.today(db, RULES, NOW, user="me")
    assert today.reasons and all(r.rule for r in today.reasons)
    states = {m.state for m in service.status(db, RULES, NOW, user="me").muscles}
    assert states == {"recovering", "ready"}
    recovering = {
        m.muscle.value
        for m in service.status(db, RULES, NOW, user="me").muscles
        if m.state == "recovering"
    }
    assert "quadriceps" in recovering, "yesterday was the strength split's second leg day"
    load_report = service.load(db, RULES, NOW, 28, user="me")
    assert load_report.days[-1].ctl > 0 and load_report.days[-1].atl > 0


def test_the_demo_is_built_from_the_articles_three_example_weeks(db):
    load(db)
    sessions = service.history(db, user="me").sessions
    kinds = {s.kind for s in sessions}
    assert kinds == {
        SessionKind.STRENGTH,
        SessionKind.ENDURANCE,
        SessionKind.CLASS,
        SessionKind.RECOVERY,
    }
    assert {s.sport for s in sessions} >= {"run", "swim"}
    assert {s.class_kind for s in sessions} >= {"indoor-cycling", "dance", "barre", "hiit"}
    lifts = [s for s in sessions if s.kind is SessionKind.STRENGTH]
    assert all(s.exercises and all(e.sets for e in s.exercises) for s in lifts)
    assert all(s.rpe is not None and s.minutes > 0 for s in sessions)


def test_sessions_end_yesterday_and_check_ins_run_through_today(db):
    load(db)
    sessions = service.history(db, user="me").sessions
    days = [s.start.astimezone(UTC).date() for s in sessions]
    assert days == [NOW.date() - timedelta(days=demo.DAYS - i) for i in range(demo.DAYS)]
    with db.reading() as tx:
        checkins = tx.checkins_between(tx.existing_user("me"), None, None)
    assert checkins[-1].at.date() == NOW.date() and checkins[-1].at <= NOW
    assert checkins[-1].soreness == {Region.LEGS: 2}, "the day after a heavy leg day"
    assert all(c.sleep_h for c in checkins)


def test_the_demo_follows_the_profile_time_zone(db):
    service.update_profile(db, timezone="Europe/Amsterdam", user="me")
    load(db)
    starts = [s.start.astimezone(AMSTERDAM) for s in service.history(db, user="me").sessions]
    assert starts[-1].date() == date(2026, 11, 30)
    assert {s.hour for s in starts} <= {7, 10, 17, 19}


def test_before_the_morning_check_in_time_today_s_check_in_is_now(db):
    early = datetime(2026, 12, 1, 5, 0, tzinfo=UTC)
    load(db, early)
    with db.reading() as tx:
        last = tx.checkins_between(tx.existing_user("me"), None, None)[-1]
    assert last.at == early


def test_the_same_now_gives_the_same_demo(db, tmp_path):
    load(db)
    with open_database(f"sqlite:///{tmp_path / 'other.db'}") as other:
        load(other)
        assert [s.to_dict() for s in service.history(other, user="me").sessions] == [
            s.to_dict() for s in service.history(db, user="me").sessions
        ]


def test_loading_the_demo_twice_adds_nothing_the_second_time(db):
    load(db)
    before = snapshot(db)
    assert load(db, NOW + timedelta(days=3)) == demo.DemoCounts(0, 0)
    assert snapshot(db) == before


def test_the_demo_is_refused_on_a_database_with_the_persons_records(db):
    own_run(db)
    before = snapshot(db)
    with pytest.raises(Conflict) as refused:
        load(db)
    assert str(refused.value) == (
        "The demo history is only for an empty database, but it already has "
        "1 of your sessions and 0 of your check-ins"
    )
    assert snapshot(db) == before


def test_a_check_in_alone_is_the_persons_record_too(db):
    service.checkin(db, CheckIn(NOW - timedelta(hours=1), sleep_h=7), NOW, user="me")
    assert not demo.is_empty(db, user="me")
    with pytest.raises(Conflict, match="0 of your sessions and 1 of your check-ins"):
        load(db)


def test_removing_the_demo_deletes_all_of_it_and_keeps_what_the_person_logged(db):
    load(db)
    kept = own_run(db)
    mine = CheckIn(NOW - timedelta(minutes=30), sleep_h=6.0, soreness={Region.ARMS: 1})
    service.checkin(db, mine, NOW, user="me")
    assert demo.remove_demo(db, user="me") == demo.DemoCounts(demo.DAYS, demo.DAYS + 1)
    assert [s.id for s in service.history(db, user="me").sessions] == [kept]
    with db.reading() as tx:
        checkins = tx.checkins_between(tx.existing_user("me"), None, None)
    assert [(c.sleep_h, c.soreness) for c in checkins] == [(6.0, {Region.ARMS: 1})]
    rows = snapshot(db)
    assert len(rows["session_exercises"]) == len(rows["session_sets"]) == 0
    assert len(rows["checkin_soreness"]) == 1
    assert not demo.has_demo(db, user="me") and not demo.is_empty(db, user="me")
    assert demo.remove_demo(db, user="me") == demo.DemoCounts(0, 0)


def test_an_empty_database_offers_the_demo_and_is_empty_again_after_removing_it(db):
    assert demo.is_empty(db, user="me") and not demo.has_demo(db, user="me")
    load(db)
    assert not demo.is_empty(db, user="me") and demo.has_demo(db, user="me")
    demo.remove_demo(db, user="me")
    assert demo.is_empty(db, user="me") and not demo.has_demo(db, user="me")


def test_the_demo_of_one_person_is_not_anothers(db):
    load(db)
    assert demo.is_empty(db, user="ann")
    service.update_profile(db, user="ann")
    ann = Session(SessionKind.CLASS, NOW - timedelta(hours=2), 45, 6, class_kind="barre")
    service.log_session(db, ann, NOW, user="ann")
    assert demo.remove_demo(db, user="ann") == demo.DemoCounts(0, 0)
    assert len(service.history(db, user="ann").sessions) == 1
    assert len(service.history(db, user="me").sessions) == demo.DAYS


def test_a_backup_keeps_the_demo_marker_so_a_restored_demo_can_be_removed(db, tmp_path):
    load(db)
    file = tmp_path / "backup.json"
    backup.export_json(db, file, user="me")
    with open_database(f"sqlite:///{tmp_path / 'restored.db'}") as restored:
        done = backup.restore(restored, [file], now=NOW, user="me")
        assert (done.sessions, done.checkins) == (demo.DAYS, demo.DAYS + 1)
        assert demo.has_demo(restored, user="me")
        assert demo.remove_demo(restored, user="me") == demo.DemoCounts(demo.DAYS, demo.DAYS + 1)
        assert demo.is_empty(restored, user="me")
