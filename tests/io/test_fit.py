"""FIT importer: sessions from session messages, strength sets, damaged files, real exports.

fixtures/fit_run.fit and fixtures/fit_strength.fit were written with `run_file()` and
`strength_file()` below (Garmin's SDK Encoder); a test keeps them equal to what those build.
"""

import math
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from garmin_fit_sdk import CrcCalculator, Encoder, Profile

from restday.domain import SessionKind
from restday.errors import ImportFileError
from restday.io import fit
from tests.io.fuzzing import definitions

FIXTURES = Path(__file__).parent / "fixtures"
NUM = Profile["mesg_num"]
RUN_START = datetime(2024, 6, 1, 7, 30, tzinfo=UTC)
LIFT_START = datetime(2024, 6, 3, 18, 0, tzinfo=UTC)


def encode(messages: list[dict]) -> bytes:
    """A FIT file holding these messages, as the SDK's Encoder writes it."""
    encoder = Encoder()
    for message in messages:
        encoder.write_mesg(message)
    return encoder.close()


def file_id(start: datetime, kind: str = "activity") -> dict:
    return {
        "mesg_num": NUM["FILE_ID"],
        "type": kind,
        "manufacturer": "development",
        "product": 1,
        "serial_number": 7,
        "time_created": start,
    }


def session(start: datetime, seconds: float, sport: str, sub: str = "generic", **more) -> dict:
    return {
        "mesg_num": NUM["SESSION"],
        "timestamp": start + timedelta(seconds=seconds),
        "start_time": start,
        "total_elapsed_time": seconds,
        "total_timer_time": seconds,
        "sport": sport,
        "sub_sport": sub,
        "event": "session",
        "event_type": "stop",
        **more,
    }


def records(start: datetime, count: int, step: int, hr: list[int]) -> list[dict]:
    return [
        {
            "mesg_num": NUM["RECORD"],
            "timestamp": start + timedelta(seconds=i * step),
            "distance": i * step * 3.0,
            "heart_rate": hr[i % len(hr)],
        }
        for i in range(count)
    ]


def run_file() -> bytes:
    """A 10-minute run, a record every 5 s; heart rate only in the records (130, 140, 150)."""
    return encode(
        [
            file_id(RUN_START),
            *records(RUN_START, 120, 5, [130, 140, 150]),
            session(RUN_START, 600.0, "running", total_distance=1800.0),
            {"mesg_num": NUM["ACTIVITY"], "timestamp": RUN_START + timedelta(seconds=600)},
        ]
    )


def lift(start: datetime, category: int, subtype: int | None, reps: int | None, kg: float, s=30.0):
    message = {
        "mesg_num": NUM["SET"],
        "timestamp": start,
        "start_time": start,
        "duration": s,
        "set_type": "active",
        "category": [category],
        "weight": kg,
    }
    if subtype is not None:
        message["category_subtype"] = [subtype]
    if reps is not None:
        message["repetitions"] = reps
    return message


def rest(start: datetime) -> dict:
    return {
        "mesg_num": NUM["SET"],
        "timestamp": start,
        "start_time": start,
        "duration": 60.0,
        "set_type": "rest",
    }


def strength_file() -> bytes:
    """A 30-minute strength session: bench press x2, an unknown exercise, squat, a timed plank."""
    at = [LIFT_START + timedelta(minutes=m) for m in range(10)]
    return encode(
        [
            file_id(LIFT_START),
            lift(at[0], 0, 1, 8, 60.0),  # bench_press / barbell_bench_press
            rest(at[1]),
            lift(at[2], 0, 1, 8, 62.5),
            rest(at[3]),
            lift(at[4], 65534, None, 12, 0.0),  # the watch could not tell
            lift(at[5], 28, None, 5, 100.0),  # squat, no exercise given
            lift(at[6], 19, 0, None, 0.0, s=45.0),  # plank / 45_degree_plank, timed
            session(
                LIFT_START,
                1800.0,
                "training",
                "strength_training",
                avg_heart_rate=105,
                max_heart_rate=150,
            ),
        ]
    )


# FIT base types, to decode a field as another type the way one damaged byte does.
SINT8, UINT8, STRING, FLOAT32 = 0x01, 0x02, 0x07, 0x88
SESSION, SET = NUM["SESSION"], NUM["SET"]


def retyped(data: bytes, message: int, field: int, base_type: int, value: bytes = b"") -> bytes:
    """`data` with `field` of each definition of `message` read as `base_type` (and `value` as
    its first bytes in the first message), its checksum made to match again."""
    out = bytearray(data)
    for definition in (d for d in definitions(data) if d.number == message):
        for number, _, type_at, offset in definition.fields:
            if number == field:
                out[type_at] = base_type
                at = definition.messages[0] + offset
                out[at : at + len(value)] = value
    out[-2:] = CrcCalculator.calculate_crc(out, 0, len(out) - 2).to_bytes(2, "little")
    return bytes(out)


def write(tmp_path: Path, data: bytes, name: str = "activity.fit") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- the small files of our own ---------------------------------------------------------------


def test_run_takes_time_distance_and_heart_rate_from_the_records():
    result = fit.parse(FIXTURES / "fit_run.fit")

    [item] = result.sessions
    s = item.session
    assert (s.kind, s.sport, s.start) == (SessionKind.ENDURANCE, "run", RUN_START)
    assert s.minutes == 10.0
    assert s.distance_km == 1.8
    assert (s.avg_hr_bpm, s.max_hr_bpm) == (140.0, 150.0)  # 120 records: 40 each of 130, 140, 150
    assert s.intensity is None and s.rpe is None
    assert result.warnings == [] and result.skipped == []


def test_strength_session_has_its_active_sets_named_through_the_profile():
    result = fit.parse(FIXTURES / "fit_strength.fit")

    [item] = result.sessions
    s = item.session
    assert s.kind is SessionKind.STRENGTH and s.sport is None
    assert (s.minutes, s.avg_hr_bpm, s.max_hr_bpm, s.distance_km) == (30.0, 105.0, 150.0, None)
    named = {e.name: [(x.reps, x.weight_kg, x.seconds) for x in e.sets] for e in s.exercises}
    assert named == {
        "Barbell Bench Press": [(8, 60.0, None), (8, 62.5, None)],
        "Unknown exercise": [(12, None, None)],
        "Squat": [(5, 100.0, None)],
        "45 Degree Plank": [(None, None, 45.0)],
    }


def test_committed_fixtures_are_what_their_builders_write(tmp_path):
    for name, build in (("fit_run.fit", run_file), ("fit_strength.fit", strength_file)):
        built = fit.parse(write(tmp_path, build(), name))
        assert built.sessions == fit.parse(FIXTURES / name).sessions


def test_exercise_name_comes_from_category_and_subtype():
    assert fit.exercise_name(["bench_press"], [1]) == "Barbell Bench Press"
    assert fit.exercise_name(["row", "shrug"], [None, 24]) == "Row"  # the watch's first guess
    assert fit.exercise_name(["unknown"], None) == "Unknown exercise"
    assert fit.exercise_name(None, None) == "Unknown exercise"
    assert fit.exercise_name([77], [1]) == "Unknown exercise"  # a category this SDK lacks


def test_multisport_file_gives_one_session_per_sport_without_transitions(tmp_path):
    t = [RUN_START + timedelta(minutes=m) for m in (0, 30, 33, 93, 95)]
    data = encode(
        [
            file_id(t[0]),
            session(t[0], 1800.0, "swimming", "open_water", avg_heart_rate=130, max_heart_rate=150),
            session(t[1], 180.0, "transition", "swim_to_bike_transition"),
            session(t[2], 3600.0, "cycling", "road", avg_heart_rate=140, max_heart_rate=160),
            session(t[3], 120.0, "transition", "bike_to_run_transition"),
            session(t[4], 1500.0, "running", "generic", avg_heart_rate=155, max_heart_rate=175),
        ]
    )

    result = fit.parse(write(tmp_path, data))

    assert [(i.session.sport, i.session.start, i.session.minutes) for i in result.sessions] == [
        ("swim", t[0], 30.0),
        ("bike", t[2], 60.0),
        ("run", t[4], 25.0),
    ]
    assert result.warnings == ["left out 2 transitions between sports (not training)"]
    assert len({i.fingerprint for i in result.sessions}) == 3


def test_heart_rate_of_a_multisport_leg_comes_from_its_own_records(tmp_path):
    second = RUN_START + timedelta(minutes=10)
    data = encode(
        [
            file_id(RUN_START),
            *records(RUN_START, 120, 5, [100]),
            *records(second, 120, 5, [160]),
            session(RUN_START, 600.0, "cycling"),
            session(second, 600.0, "running"),
        ]
    )

    bike, run = fit.parse(write(tmp_path, data)).sessions

    assert (bike.session.avg_hr_bpm, run.session.avg_hr_bpm) == (100.0, 160.0)


@pytest.mark.parametrize(
    ("sport", "sub", "kind", "name", "class_kind"),
    [
        ("fitness_equipment", "indoor_rowing", SessionKind.ENDURANCE, "row", None),
        ("cycling", "indoor_cycling", SessionKind.ENDURANCE, "bike", None),
        ("walking", "generic", SessionKind.ENDURANCE, "walk", None),
        ("hiking", "generic", SessionKind.ENDURANCE, "hike", None),
        ("cross_country_skiing", "skate_skiing", SessionKind.ENDURANCE, "ski", None),
        ("alpine_skiing", "resort", SessionKind.ENDURANCE, "ski", None),
        ("training", "yoga", SessionKind.CLASS, None, "yoga"),
        ("training", "strength_training", SessionKind.STRENGTH, None, None),
    ],
)
def test_sport_and_sub_sport_map_to_our_names(tmp_path, sport, sub, kind, name, class_kind):
    data = encode([file_id(RUN_START), session(RUN_START, 1200.0, sport, sub)])

    [item] = fit.parse(write(tmp_path, data)).sessions

    assert (item.session.kind, item.session.sport, item.session.class_kind) == (
        kind,
        name,
        class_kind,
    )


def test_unknown_sport_is_endurance_without_a_sport_and_a_warning(tmp_path):
    data = encode([file_id(RUN_START), session(RUN_START, 5400.0, "golf")])

    result = fit.parse(write(tmp_path, data))

    [item] = result.sessions
    assert (item.session.kind, item.session.sport) == (SessionKind.ENDURANCE, None)
    assert result.warnings == ['session 1: sport "golf" is not known; imported without a sport']


def test_fingerprint_is_stable_across_parses_and_re_exports(tmp_path):
    first = fit.parse(FIXTURES / "fit_run.fit").sessions[0].fingerprint
    again = fit.parse(FIXTURES / "fit_run.fit").sessions[0].fingerprint
    re_export = encode(
        [
            file_id(RUN_START + timedelta(days=30)),
            *records(RUN_START, 10, 60, [135]),
            session(RUN_START, 600.0, "running", total_distance=1790.0),
        ]
    )
    other_day = encode(
        [file_id(RUN_START), session(RUN_START + timedelta(days=1), 600.0, "running")]
    )

    assert first == again == fit.parse(write(tmp_path, re_export)).sessions[0].fingerprint
    assert first.startswith("fit:")
    assert fit.parse(write(tmp_path, other_day, "b.fit")).sessions[0].fingerprint != first


# --- damaged and wrong files ------------------------------------------------------------------


def test_bad_checksum_imports_the_sessions_with_a_warning(tmp_path):
    data = bytearray((FIXTURES / "fit_run.fit").read_bytes())
    data[-1] ^= 0xFF

    result = fit.parse(write(tmp_path, bytes(data)))

    assert len(result.sessions) == 1
    assert result.warnings == [
        "its checksum (CRC) does not match, so some of its data may be damaged; "
        "imported the 1 complete session"
    ]


def test_file_cut_after_its_sessions_imports_them_with_a_warning(tmp_path):
    data = (FIXTURES / "fit_run.fit").read_bytes()
    cut = data[:-2]  # the checksum is gone

    result = fit.parse(write(tmp_path, cut))

    assert len(result.sessions) == 1
    assert result.warnings == [
        f"truncated at byte {len(cut):,} (its header announces {len(data):,} bytes); "
        "imported the 1 complete session"
    ]


def test_file_cut_before_any_session_is_an_error_naming_the_damage(tmp_path):
    data = (FIXTURES / "fit_run.fit").read_bytes()
    path = write(tmp_path, data[:1000])

    with pytest.raises(ImportFileError) as caught:
        fit.parse(path)

    assert str(caught.value).startswith(
        f"{path}: truncated at byte 1,000 (its header announces {len(data):,} bytes): "
        "no complete activity ("
    )
    assert str(caught.value).endswith(" records but no session summary)")


def test_gpx_given_as_fit_is_not_a_fit_file():
    with pytest.raises(ImportFileError, match=r"not a FIT file \(it is XML: a GPX or TCX file\?\)"):
        fit.parse(FIXTURES / "gpx_run_hr.gpx")


def test_other_bytes_are_not_a_fit_file(tmp_path):
    path = write(tmp_path, b"PK\x03\x04 a zip archive, not an activity")

    with pytest.raises(ImportFileError) as caught:
        fit.parse(path)

    assert str(caught.value) == f"{path}: not a FIT file"


def test_empty_file_is_an_error(tmp_path):
    path = write(tmp_path, b"")

    with pytest.raises(ImportFileError) as caught:
        fit.parse(path)

    assert str(caught.value) == f"{path}: the file is empty, not a FIT file"


def test_fit_file_that_is_not_an_activity_or_wellness_is_an_error(tmp_path):
    path = write(tmp_path, encode([file_id(RUN_START, "settings")]))

    with pytest.raises(ImportFileError) as caught:
        fit.parse(path)

    assert str(caught.value) == (
        f"{path}: not an activity or wellness file (a FIT settings file): nothing to import"
    )


# --- the real exports in ../shared/data/fit -----------------------------------------------

# (sport, start, minutes, km, avg bpm, max bpm), checked against the SDK's own decode: minutes
# are total_timer_time / 60; a heart rate with a decimal was computed from the records because
# the session message has none (the fenix2 files).
REAL = {
    "fitdecode__2013-02-06-12-11-14.fit": [("run", "2013-02-06T12:11:14", 43.752, 4.835, 147, 171)],
    "fitdecode__2015-10-13-08-43-15.fit": [
        ("bike", "2015-10-13T15:43:15", 25.970, 11.536, None, None)
    ],
    "fitdecode__20170518-191602-1740899583.fit": [
        ("row", "2017-05-18T16:37:30", 28.455, None, 132, 179)
    ],
    "fitdecode__activity-small-fenix2-run.fit": [
        ("run", "2015-08-15T14:45:08", 47.200, 9.008, 154.0, 178)
    ],
    "fitdecode__developer-types-sample.fit": [
        ("run", "2017-01-17T17:06:47", 57.067, 6.754, 130.8, 146)
    ],
    "fitdecode__event_timestamp.fit": [("swim", "2017-06-13T13:42:30", 72.859, 2.606, 142, 161)],
    "fitdecode__garmin-edge-500-activity.fit": [
        ("bike", "2011-09-25T13:00:21", 177.351, 92.622, 162, 189)
    ],
    # 7 sessions: generic, transition, running, transition, running, transition, cycling.
    "fitdecode__activity-large-fenxi2-multisport.fit": [
        (None, "2015-08-29T08:00:01", 195.637, 25.072, 130.4, 142),
        ("run", "2015-08-29T10:36:00", 38.247, 2.245, 164.4, 172),
        ("run", "2015-08-29T11:14:21", 112.741, 12.740, 157.7, 168),
        ("bike", "2015-08-29T13:11:37", 53.517, 28.928, 154.3, 171),
    ],
    "fitdecode__invalid__activity-filecrc.fit": [
        ("run", "2012-04-09T21:22:26", 0.229, 0.006, None, None)
    ],
    "fitdecode__invalid__activity-unexpected-eof.fit": [
        ("run", "2012-04-09T21:22:26", 0.229, 0.006, None, None)
    ],
}


def _summary(item):
    s = item.session
    km = round(s.distance_km, 3) if s.distance_km is not None else None
    return (
        s.sport,
        s.start.strftime("%Y-%m-%dT%H:%M:%S"),
        round(s.minutes, 3),
        km,
        s.avg_hr_bpm,
        s.max_hr_bpm,
    )


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_files_import_with_the_counts_checked_by_hand(shared_data, name):
    result = fit.parse(shared_data / "fit" / name)

    assert [_summary(i) for i in result.sessions] == REAL[name]
    assert all(i.session.start.tzinfo is UTC for i in result.sessions)


def test_real_multisport_file_warns_about_its_generic_leg_and_transitions(shared_data):
    result = fit.parse(shared_data / "fit" / "fitdecode__activity-large-fenxi2-multisport.fit")

    assert result.warnings == [
        'session 1: sport "generic" is not known; imported without a sport',
        "left out 3 transitions between sports (not training)",
    ]


def test_real_damaged_files_say_what_is_damaged(shared_data):
    crc = fit.parse(shared_data / "fit" / "fitdecode__invalid__activity-filecrc.fit")
    eof = fit.parse(shared_data / "fit" / "fitdecode__invalid__activity-unexpected-eof.fit")

    assert crc.warnings == [
        "its checksum (CRC) does not match, so some of its data may be damaged; "
        "imported the 1 complete session"
    ]
    assert eof.warnings == [
        "truncated at byte 768 (its header announces 771 bytes); imported the 1 complete session"
    ]


def test_real_file_that_ends_before_its_summary_is_an_error(shared_data):
    path = shared_data / "fit" / "fitparse__nick.fit"

    with pytest.raises(ImportFileError) as caught:
        fit.parse(path)

    assert str(caught.value) == (
        f"{path}: truncated at byte 403,438 (a message there runs past the end of the data): "
        "no complete activity (14,391 records but no session summary)"
    )


@pytest.mark.parametrize(
    ("name", "minutes", "avg", "peak", "sets", "weighted", "names"),
    [
        (
            "fit-analyzer__20474406937_ACTIVITY.fit",
            40.082,
            111,
            158,
            38,
            14,
            {
                "Unknown exercise": 24,
                "Sit Up": 4,
                "Row": 2,
                "Burpee": 2,
                "Triceps Extension": 4,
                "Lunge": 1,
                "Lat Pulldown": 1,
            },
        ),
        (
            "fit-analyzer__20748058539_ACTIVITY.fit",
            30.962,
            88,
            133,
            14,
            5,
            {
                "Pull Up": 1,
                "Bench Dip": 1,
                "Shrug": 1,
                "Unknown exercise": 6,
                "Bench Press": 1,
                "Squat": 2,
                "Sit Up": 1,
                "Lunge": 1,
            },
        ),
    ],
)
def test_real_strength_files_import_every_active_set(
    shared_data, name, minutes, avg, peak, sets, weighted, names
):
    result = fit.parse(shared_data / "fit" / name)

    [item] = result.sessions
    s = item.session
    assert s.kind is SessionKind.STRENGTH
    assert (round(s.minutes, 3), s.avg_hr_bpm, s.max_hr_bpm) == (minutes, avg, peak)
    all_sets = [x for e in s.exercises for x in e.sets]
    assert len(all_sets) == sets  # the rest sets are left out
    assert sum(1 for x in all_sets if x.weight_kg) == weighted
    assert {e.name: len(e.sets) for e in s.exercises} == names
    assert result.warnings == []


def test_heart_rate_kept_in_hr_messages_is_used_when_records_have_none(tmp_path):
    messages = [
        file_id(RUN_START),
        *[
            {"mesg_num": NUM["RECORD"], "timestamp": RUN_START + timedelta(seconds=i * 10)}
            for i in range(7)
        ],
        {
            "mesg_num": NUM["HR"],
            "timestamp": RUN_START,
            "fractional_timestamp": 0.0,
            "filtered_bpm": [100],
            "event_timestamp": [0.0],
        },
        {
            "mesg_num": NUM["HR"],
            "filtered_bpm": [110, 120, 130],
            "event_timestamp": [20.0, 40.0, 60.0],
        },
        session(RUN_START, 60.0, "swimming", "lap_swimming"),
    ]

    [item] = fit.parse(write(tmp_path, encode(messages))).sessions

    assert item.session.max_hr_bpm == 130.0
    assert 100 < item.session.avg_hr_bpm < 130  # the SDK carries each reading on for up to 5 s


def test_unreadable_bytes_after_the_file_are_a_warning(tmp_path):
    data = (FIXTURES / "fit_run.fit").read_bytes()

    result = fit.parse(write(tmp_path, data + b"\0" * 10))

    assert len(result.sessions) == 1
    assert result.warnings == [
        f"10 unreadable bytes follow its end at byte {len(data):,}; imported the 1 complete session"
    ]


# --- values of the wrong type (one damaged byte) ------------------------------------------------


def test_session_field_decoded_as_a_list_is_left_out_with_a_warning(tmp_path):
    # total_timer_time read as four bytes: a list; the elapsed time stands in for it.
    data = retyped(run_file(), SESSION, 8, UINT8)

    result = fit.parse(write(tmp_path, data))

    [item] = result.sessions
    assert (item.session.minutes, item.session.distance_km) == (10.0, 1.8)
    assert result.warnings == ["session 1: damaged values left out (total_timer_time)"]


def test_heart_rate_decoded_as_text_falls_back_to_the_records(tmp_path):
    data = retyped(strength_file(), SESSION, 16, STRING)  # avg_heart_rate 105 reads as "i"

    result = fit.parse(write(tmp_path, data))

    [item] = result.sessions
    assert (item.session.avg_hr_bpm, item.session.max_hr_bpm) == (None, 150.0)  # no records
    assert result.warnings == ["session 1: damaged values left out (avg_heart_rate)"]


@pytest.mark.parametrize(
    "value",
    [b"\x00\x00\xc0\x7f", b"\x00\x00\x80\x7f", b"\x00\x00\x80\xff"],
    ids=["nan", "inf", "-inf"],
)
def test_distance_that_is_not_a_finite_number_is_left_out(tmp_path, value):
    data = retyped(run_file(), SESSION, 9, FLOAT32, value)

    result = fit.parse(write(tmp_path, data))

    [item] = result.sessions
    assert item.session.distance_km is None
    assert result.warnings == ["session 1: damaged values left out (total_distance)"]


def test_damaged_set_values_are_left_out_and_the_sets_kept(tmp_path):
    data = retyped(strength_file(), SET, 3, UINT8)  # repetitions: a list of two bytes
    data = retyped(data, SET, 4, STRING)  # weight: a text

    result = fit.parse(write(tmp_path, data))

    [item] = result.sessions
    sets = [x for e in item.session.exercises for x in e.sets]
    assert len(sets) == 5
    assert all(x.reps is None and x.weight_kg is None for x in sets)
    assert all(x.seconds is not None and math.isfinite(x.seconds) for x in sets)
    assert result.warnings == ["session 1: damaged values left out (set repetitions, set weight)"]


def test_record_heart_rate_of_the_wrong_type_is_no_reading(tmp_path):
    data = retyped(run_file(), NUM["RECORD"], 3, SINT8)  # 130, 140, 150 bpm read as -126 ...

    result = fit.parse(write(tmp_path, data))

    [item] = result.sessions
    assert (item.session.avg_hr_bpm, item.session.max_hr_bpm) == (None, None)
    assert result.warnings == ["left out 120 damaged heart-rate readings"]


def test_session_whose_duration_is_damaged_is_left_out(tmp_path):
    data = retyped(retyped(run_file(), SESSION, 7, UINT8), SESSION, 8, UINT8)
    path = write(tmp_path, data)

    with pytest.raises(ImportFileError) as caught:
        fit.parse(path)

    assert str(caught.value) == f"{path}: no session in it has a real start time and a duration"


def test_each_session_names_its_record(tmp_path):
    t = [RUN_START, RUN_START + timedelta(hours=1)]
    data = encode([file_id(t[0]), session(t[0], 600.0, "running"), session(t[1], 600.0, "cycling")])

    result = fit.parse(write(tmp_path, data))

    assert [i.record for i in result.sessions] == ["session 1", "session 2"]


# --- heart rates no heart makes -----------------------------------------------------------------


def test_record_heart_rate_glitches_are_left_out_with_a_warning(tmp_path):
    data = encode(
        [
            file_id(RUN_START),
            *records(RUN_START, 120, 5, [130, 150, 254, 10]),
            session(RUN_START, 600.0, "running"),
        ]
    )

    result = fit.parse(write(tmp_path, data))

    [item] = result.sessions
    assert (item.session.avg_hr_bpm, item.session.max_hr_bpm) == (140.0, 150.0)
    assert result.warnings == ["session 1: left out 60 heart-rate readings outside 20-250 bpm"]


def test_hr_message_glitch_is_left_out_with_a_warning(tmp_path):
    messages = [
        file_id(RUN_START),
        {
            "mesg_num": NUM["HR"],
            "timestamp": RUN_START,
            "fractional_timestamp": 0.0,
            "filtered_bpm": [100],
            "event_timestamp": [0.0],
        },
        {
            "mesg_num": NUM["HR"],
            "filtered_bpm": [110, 252, 120],
            "event_timestamp": [20.0, 40.0, 60.0],
        },
        session(RUN_START, 60.0, "swimming", "lap_swimming"),
    ]

    result = fit.parse(write(tmp_path, encode(messages)))

    [item] = result.sessions
    assert item.session.max_hr_bpm == 120.0
    # The SDK expands hr messages to a reading a second: the 252 bpm one gives 21 of them.
    assert result.warnings == ["session 1: left out 21 heart-rate readings outside 20-250 bpm"]


def test_session_heart_rate_outside_the_range_falls_back_to_the_records(tmp_path):
    data = encode(
        [
            file_id(RUN_START),
            *records(RUN_START, 120, 5, [130, 140, 150]),
            session(RUN_START, 600.0, "running", avg_heart_rate=251, max_heart_rate=254),
        ]
    )

    result = fit.parse(write(tmp_path, data))

    [item] = result.sessions
    assert (item.session.avg_hr_bpm, item.session.max_hr_bpm) == (140.0, 150.0)
    assert result.warnings == [
        "session 1: heart rate outside 20-250 bpm treated as missing (avg_heart_rate 251,"
        " max_heart_rate 254)"
    ]


def test_session_heart_rate_outside_the_range_without_records_is_missing(tmp_path):
    data = encode(
        [
            file_id(LIFT_START),
            session(
                LIFT_START,
                1800.0,
                "training",
                "strength_training",
                avg_heart_rate=105,
                max_heart_rate=19,
            ),
        ]
    )

    result = fit.parse(write(tmp_path, data))

    [item] = result.sessions
    assert (item.session.avg_hr_bpm, item.session.max_hr_bpm) == (105.0, None)
    assert result.warnings == [
        "session 1 is strength training without sets",
        "session 1: heart rate outside 20-250 bpm treated as missing (max_heart_rate 19)",
    ]
