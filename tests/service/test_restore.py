"""Restoring a backup: validated in full before anything is written, never into a database in use."""

import copy
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from restday import service
from restday.domain import (
    CheckIn,
    ExerciseEntry,
    Measure,
    Reading,
    Region,
    Session,
    SessionKind,
    SetEntry,
)
from restday.errors import Conflict, ImportFileError
from restday.rules import default_rulebook
from restday.service import backup, planning
from restday.store.repo import StoredReading
from tests.service.conftest import snapshot

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
HOURS_7 = timedelta(hours=7)


def person(db) -> None:
    """One person with a profile, two sessions, a check-in, a mapping and a saved plan."""
    service.update_profile(db, timezone="Europe/Amsterdam", body_mass_kg=70.0, user="me")
    squat = ExerciseEntry("Squat (Barbell)", (SetEntry(5, None, 100.0), SetEntry(5, None, 100.0)))
    service.log_session(
        db,
        Session(
            SessionKind.STRENGTH, datetime(2026, 11, 23, 17, tzinfo=UTC), 60, 8, exercises=(squat,)
        ),
        NOW,
        user="me",
    )
    service.log_session(
        db,
        Session(SessionKind.CLASS, datetime(2026, 11, 25, 18, tzinfo=UTC), 45, class_kind="barre"),
        NOW,
        user="me",
    )
    service.checkin(
        db,
        CheckIn(datetime(2026, 11, 26, 6, tzinfo=UTC), 6.5, soreness={Region.LEGS: 2}),
        NOW,
        user="me",
    )
    wake = datetime(2026, 11, 27, 7, tzinfo=timezone(timedelta(hours=-5)))
    night = Reading(Measure.SLEEP_H, wake, 6.25, "Apple Watch", "asleep stages", wake - HOURS_7)
    hrv = Reading(Measure.HRV_RMSSD_MS, wake, 48.0, "Garmin fenix 6", "hrv_status_summary")
    with db.transaction() as tx:
        tx.set_alias(tx.ensure_user("me"), "Latzug", "Wide-Grip_Lat_Pulldown")
        tx.add_readings(
            tx.ensure_user("me"),
            [
                StoredReading(night, "apple-health", "apple-health:sleep:2026-11-27"),
                StoredReading(hrv, "fit", "garmin:hrv:2026-11-27:1"),
            ],
        )
    ask = planning.PlanAsk(
        start=datetime(2026, 11, 30).date(), available=dict.fromkeys(range(7), 60.0)
    )
    planning.plan(db, default_rulebook(), ask, user="me")


@pytest.fixture
def saved(db, tmp_path):
    """A backup file of `person`, and an empty second database of the same kind to restore into."""
    person(db)
    file = tmp_path / "backup.json"
    backup.export_json(db, file, user="me")
    return file


def restore_into(db, file):
    return backup.restore(db, [file], now=NOW, user="me")


def written(tmp_path, data, name="edited.json"):
    file = tmp_path / name
    file.write_text(json.dumps(data))
    return file


def test_a_backup_restores_everything_with_plans(db, saved, tmp_path):
    data = json.loads(saved.read_text())
    assert (len(data["sessions"]), len(data["checkins"]), len(data["plans"])) == (2, 1, 1)
    assert data["readings"][0] == {
        "measure": "sleep_h",
        "at": "2026-11-27T07:00:00-05:00",
        "value": 6.25,
        "source": "Apple Watch",
        "method": "asleep stages",
        "start": "2026-11-27T00:00:00-05:00",
        "format": "apple-health",
        "key": "apple-health:sleep:2026-11-27",
    }
    with db.transaction() as tx:
        tx.connection.exec_driver_sql("DELETE FROM users")
    restored = restore_into(db, saved)
    assert (restored.sessions, restored.checkins, restored.aliases, restored.plans) == (2, 1, 1, 1)
    assert restored.readings == 2
    assert restored.profile_replaced is False
    again = tmp_path / "again.json"
    backup.export_json(db, again, user="me")
    assert json.loads(again.read_text()) == data


def test_a_version_1_backup_restores_without_plans(db, saved):
    data = json.loads(saved.read_text())
    data["version"] = 1
    del data["plans"]
    with db.transaction() as tx:
        tx.connection.exec_driver_sql("DELETE FROM users")
    restored = restore_into(db, written(saved.parent, data))
    assert (restored.sessions, restored.plans) == (2, 0)


def test_restoring_twice_is_refused_and_doubles_nothing(db, saved):
    before = snapshot(db)
    with pytest.raises(Conflict) as refused:
        restore_into(db, saved)
    assert str(refused.value) == (
        f"{saved}: restore needs a database without your records, but it already has 2 sessions, "
        "1 check-in, 2 device readings, 1 exercise mapping, 1 plan; restore into a new database "
        "(--database-url) instead"
    )
    assert snapshot(db) == before


def test_a_dry_run_checks_the_whole_backup_and_writes_nothing(db, saved):
    with db.transaction() as tx:
        tx.connection.exec_driver_sql("DELETE FROM users")
    before = snapshot(db)
    dry = backup.restore(db, [saved], now=NOW, dry_run=True, user="me")
    assert (dry.sessions, dry.checkins, dry.aliases, dry.plans, dry.dry_run) == (2, 1, 1, 1, True)
    assert snapshot(db) == before
    restore_into(db, saved)
    with pytest.raises(Conflict):
        backup.restore(db, [saved], now=NOW, dry_run=True, user="me")


def test_check_ins_alone_make_the_database_in_use(db, saved):
    with db.transaction() as tx:
        tx.connection.exec_driver_sql("DELETE FROM sessions")
        tx.connection.exec_driver_sql("DELETE FROM readings")
        tx.connection.exec_driver_sql("DELETE FROM plans")
        tx.connection.exec_driver_sql("DELETE FROM exercise_aliases")
    before = snapshot(db)
    with pytest.raises(Conflict, match="already has 1 check-in;"):
        restore_into(db, saved)
    assert snapshot(db) == before


def test_a_profile_saved_before_is_replaced_and_reported(db, saved):
    with db.transaction() as tx:
        for table in ("sessions", "checkins", "readings", "plans", "exercise_aliases"):
            tx.connection.exec_driver_sql(f"DELETE FROM {table}")
    service.update_profile(db, timezone="Asia/Tokyo", user="me")
    restored = restore_into(db, saved)
    assert restored.profile_replaced is True
    assert service.profile(db, user="me").timezone == "Europe/Amsterdam"


def edit(path, value):
    """Change one value of the backup: `path` is a list of keys and indices; `...` deletes it."""

    def apply(data):
        node = data
        for key in path[:-1]:
            node = node[key]
        if value is ...:
            del node[path[-1]]
        else:
            node[path[-1]] = value
        return data

    return apply


S0 = ["sessions", 0]
SET0 = [*S0, "exercises", 0, "sets", 0]
EDITS = [
    (edit([*S0, "minutes"], None), "sessions[0].minutes: must be a number, not null"),
    (edit([*S0, "minutes"], "60"), 'sessions[0].minutes "60": must be a number'),
    (
        edit([*S0, "minutes"], -5),
        'sessions[0].minutes "-5.0": must be a number above 0 and at most 1,440 min',
    ),
    (edit([*S0, "minutes"], 1e300), 'sessions[0].minutes "1e+300": must be a number above 0'),
    (edit([*S0, "minutes"], ...), "sessions[0].minutes: is missing"),
    (
        edit([*S0, "start"], "2026-11-23T18:00:00"),
        'sessions[0].start "2026-11-23T18:00:00": must say its UTC offset',
    ),
    (
        edit([*S0, "start"], "9999-12-31T23:59:59+00:00"),
        'sessions[0].start "9999-12-31T23:59:59+00:00": must be from 1970-01-01 to 2026-12-04',
    ),
    (edit([*S0, "start"], "0001-01-01T00:00:00+01:00"), "sessions[0].start"),
    (
        edit([*S0, "kind"], "lifting"),
        'sessions[0].kind "lifting": must be one of strength, bodyweight',
    ),
    (edit([*S0, "rpe"], 11), 'sessions[0].rpe "11.0": must be a number from 1 to 10'),
    (edit([*S0, "rpe"], True), 'sessions[0].rpe "True": must be a number'),
    (
        edit([*SET0, "reps"], "five"),
        'sessions[0].exercises[0].sets[0].reps "five": must be a whole number',
    ),
    (
        edit([*SET0, "reps"], 2**31),
        'sessions[0].exercises[0].sets[0].reps "2147483648": must be a whole number from 1 to 10,000',
    ),
    (
        edit([*SET0, "weight_kg"], -1),
        'sessions[0].exercises[0].sets[0].weight_kg "-1.0": must be a number from 0 to 1,000 kg',
    ),
    (
        edit([*SET0, "set_type"], "heavy"),
        'sets[0].set_type "heavy": must be one of warmup, normal, failure, drop',
    ),
    (
        edit([*S0, "exercises", 0, "exercise_id"], "No_Such_Exercise"),
        'sessions[0].exercises[0].exercise_id "No_Such_Exercise": must be the id of a catalogue',
    ),
    (edit([*S0, "exercises", 0, "name"], "x" * 201), "sessions[0].exercises[0].name"),
    (
        edit([*S0, "exercises", 0, "name"], "Squat\u0000"),
        'sessions[0].exercises[0].name "Squat\\x00": must not hold control characters or line breaks',
    ),
    (
        edit([*S0, "exercises", 0, "name"], "\ud800"),
        "must not hold control characters or line breaks",
    ),
    (edit([*S0, "source"], "s" * 300), "sessions[0].source"),
    (
        edit(["sessions", 1, "class_kind"], "moonwalk"),
        'sessions[1].class_kind "moonwalk": must be one of barre',
    ),
    (edit(["sessions", 1, "fingerprint"], "x:1"), None),
    (
        edit(["profile", "timezone"], "Mars/Olympus"),
        'profile.timezone "Mars/Olympus": must be an IANA time zone',
    ),
    (edit(["profile", "lang"], "xx"), 'profile.lang "xx": must be one of en, nl'),
    (
        edit(["profile", "resting_hr_bpm"], 200.0),
        'profile.resting_hr_bpm "200.0": must be a number from 20 to 150 bpm',
    ),
    (
        edit(["checkins", 0, "soreness"], {"legs": 5}),
        'checkins[0].soreness.legs "5": must be a whole number from 0 to 3',
    ),
    (
        edit(["checkins", 0, "soreness"], {"toes": 1}),
        'checkins[0].soreness "toes": must be a region',
    ),
    (edit(["checkins", 0, "at"], None), "checkins[0].at: must be a text, not null"),
    (
        edit(["aliases", "Latzug"], "Nope"),
        'aliases.Latzug "Nope": must be the id of a catalogue exercise',
    ),
    (
        edit(["plans", 0, "plan", "days"], [{"date": "tomorrow"}]),
        "plans[0]: must be a plan restday wrote",
    ),
    (edit(["plans", 0, "plan"], {}), "plans[0]: must be a plan restday wrote"),
    (edit(["plans", 0, "plan"], None), "plans[0]: must be a plan restday wrote"),
    (edit(["plans", 0, "start"], "20261130"), "plans[0]: must be a plan restday wrote"),
    (edit(["plans", 0, "start"], "1900-01-01"), "plans[0]: must be a plan restday wrote"),
    (edit([*S0, "fingerprint"], 7), 'sessions[0].fingerprint "7": must be a text'),
    (edit([*S0, "notes"], ["x"]), "sessions[0].notes \"['x']\": must be a text"),
    (edit([*S0, "source"], 3), 'sessions[0].source "3": must be a text'),
    (edit([*S0, "source"], ""), 'sessions[0].source "": must not be empty'),
    (
        edit([*S0, "exercises", 0, "exercise_id"], 5),
        'sessions[0].exercises[0].exercise_id "5": must be the id of a catalogue exercise or null',
    ),
    (edit(["profile", "timezone"], ""), 'profile.timezone "": must be an IANA time zone'),
    (edit(["profile"], None), "profile: must be an object"),
    (edit(["version"], 0), "backup version 0 is not a version restday wrote"),
    (edit(["version"], True), "backup version True is not a version restday wrote"),
    (edit(["version"], "1"), "backup version '1' is not a version restday wrote"),
    (edit(["sessions"], "all of them"), 'sessions "all of them": must be a list'),
    (edit(["readings", 0, "measure"], "steps"), 'readings[0].measure "steps": must be one of'),
    (edit(["readings", 0, "value"], 30), 'readings[0].value "30.0": must be'),
    (edit(["readings", 0, "value"], "7"), 'readings[0].value "7": must be a number'),
    (
        edit(["readings", 0, "at"], "2026-11-27T07:00"),
        'readings[0].at "2026-11-27T07:00": must say',
    ),
    (edit(["readings", 1, "key"], "apple-health:sleep:2026-11-27"), "readings[1].key"),
    (edit(["readings", 1, "key"], ["x"]), "readings[1].key \"['x']\": must be a text"),
    (edit(["readings", 0, "format"], ""), 'readings[0].format "": must not be empty'),
    (edit(["readings", 0, "source"], None), "readings[0].source: must be a text, not null"),
    (edit(["readings"], {}), 'readings "an object": must be a list'),
]


@pytest.mark.parametrize(("change", "error"), EDITS)
def test_an_edited_backup_is_refused_whole_with_the_first_problem_named(db, saved, change, error):
    data = change(json.loads(saved.read_text()))
    if error is None:  # both sessions get one fingerprint
        data["sessions"][0]["fingerprint"] = "x:1"
        error = 'sessions[1].fingerprint "x:1": is also the fingerprint of sessions[0]'
    with db.transaction() as tx:
        tx.connection.exec_driver_sql("DELETE FROM users")
    before = snapshot(db)
    with pytest.raises(ImportFileError) as refused:
        restore_into(db, written(saved.parent, data))
    assert error in str(refused.value)
    assert str(refused.value).count("\n") == 0
    assert snapshot(db) == before


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (
            '{"format": "restday-backup", "version": 2, "sessions": [{"minutes": NaN}]}',
            "NaN is not a number JSON allows",
        ),
        (
            '{"format": "restday-backup", "version": 2, "x": Infinity}',
            "Infinity is not a number JSON allows",
        ),
        ("[" * 100_000 + "]" * 100_000, "not a restday JSON backup"),
        ('{"format": "restday-backup", "version": 2', "not a restday JSON backup: Expecting"),
        ("", "not a restday JSON backup: Expecting value"),
    ],
)
def test_a_file_that_is_not_strict_json_is_refused(db, tmp_path, text, error):
    file = tmp_path / "bad.json"
    file.write_text(text)
    with pytest.raises(ImportFileError, match=error.replace("(", r"\(")):
        restore_into(db, file)


def test_a_file_that_is_not_utf8_is_refused(db, tmp_path):
    file = tmp_path / "latin.json"
    file.write_bytes('{"format": "restday-backup", "note": "café"}'.encode("latin-1"))
    with pytest.raises(ImportFileError, match="it is not UTF-8 text"):
        restore_into(db, file)


def commands_work(db) -> None:
    """Every reading command on the restored data gives an answer that is strict JSON."""
    rules = default_rulebook()
    service.status(db, rules, NOW, user="me")
    service.today(db, rules, NOW, user="me")
    service.load(db, rules, NOW, 3650, user="me")
    json.dumps([s.to_dict() for s in service.history(db, user="me").sessions], allow_nan=False)
    json.dumps(backup.backup_data(db, user="me"), allow_nan=False)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
    | st.sampled_from(["", "2026-11-23T18:00:00", "0001-01-01T00:00:00+14:00", "strength", "legs"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


def leaves(data, path=()):
    """Every place in the backup a value can be changed."""
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from leaves(value, (*path, index))


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_fuzzed_backup_is_restored_whole_or_refused_and_never_breaks_a_command(data, db, saved):
    base = json.loads(saved.read_text())
    places = [p for p in leaves(base) if p]
    mutated = copy.deepcopy(base)
    for _ in range(data.draw(st.integers(1, 3))):
        place = data.draw(st.sampled_from(places))
        try:
            edit(list(place), data.draw(JSON_VALUES | st.just(...)))(mutated)
        except (KeyError, IndexError, TypeError):
            continue
    with db.transaction() as tx:
        tx.connection.exec_driver_sql("DELETE FROM users")
    before = snapshot(db)
    file = written(saved.parent, mutated, "fuzzed.json")
    try:
        restore_into(db, file)
    except ImportFileError as error:
        assert str(error).startswith(str(file)) and "\n" not in str(error)
        assert snapshot(db) == before
    commands_work(db)


def test_a_session_of_too_many_sets_is_refused_on_its_count_before_its_sets_are_read(db, saved):
    data = json.loads(saved.read_text())
    exercise = data["sessions"][0]["exercises"][0]
    exercise["sets"] = exercise["sets"][:1] * 400_000 + [{"reps": "not read"}]
    with db.transaction() as tx:
        tx.connection.exec_driver_sql("DELETE FROM users")
    with pytest.raises(ImportFileError) as refused:
        restore_into(db, written(saved.parent, data))
    assert "sessions[0].exercises: a session holds at most 2,000 sets" in str(refused.value)
    assert "not read" not in str(refused.value)
