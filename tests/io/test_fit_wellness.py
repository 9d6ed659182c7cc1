"""Garmin wellness FIT files: resting heart rate, HRV status and sleep read as readings.

The real files are in ../shared/data/wellness-fit; fixtures/wellness/ holds what they lack, written
with the builders below (Garmin's SDK Encoder); a test keeps them equal to what those build.
"""

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from garmin_fit_sdk import Profile
from garmin_fit_sdk.util import convert_datetime_to_timestamp

from restday.domain import Measure
from restday.domain.validate import reading_problems
from restday.errors import ImportFileError
from restday.io import fit, fit_wellness
from tests.io.fuzzing import BASE_TYPES, damaged, definitions, outcome, variants
from tests.io.test_fit import encode, retyped

WELLNESS = Path(__file__).parent / "fixtures" / "wellness"
NUM = Profile["mesg_num"]
SERIAL = 3_456_789_012
SYDNEY = timezone(timedelta(hours=10))
PARIS = timezone(timedelta(hours=1))
NIGHT = datetime(2024, 6, 1, 22, 50, tzinfo=SYDNEY)  # the fixture night's first level
DAY = datetime(2024, 3, 4, 6, 0, tzinfo=PARIS)
NOW = datetime(2099, 12, 1, tzinfo=UTC)  # the gate refuses readings from after now: none here
STRING = 0x07


def file_id(kind: str | int | None, at: datetime) -> dict:
    message = {
        "mesg_num": NUM["FILE_ID"],
        "manufacturer": "garmin",
        "product": 3290,  # garmin_product fenix6
        "serial_number": SERIAL,
        "time_created": at,
    }
    return message if kind is None else {**message, "type": kind}


def monitoring_info(at: datetime) -> dict:
    """The local offset of `at`, as Garmin writes it: local_timestamp beside the UTC timestamp."""
    offset = at.utcoffset() or timedelta()
    local = convert_datetime_to_timestamp(at) + int(offset.total_seconds())
    return {"mesg_num": NUM["MONITORING_INFO"], "timestamp": at, "local_timestamp": local}


def levels(start: datetime, steps: list[tuple[int, str | int]]) -> list[dict]:
    """sleep_level messages at `start` plus each step's minutes."""
    return [
        {
            "mesg_num": NUM["SLEEP_LEVEL"],
            "timestamp": start + timedelta(minutes=m),
            "sleep_level": s,
        }
        for m, s in steps
    ]


def resting_hr(at: datetime, today: int | None, week: int = 50) -> dict:
    message = {"mesg_num": NUM["MONITORING_HR_DATA"], "timestamp": at, "resting_heart_rate": week}
    return message if today is None else {**message, "current_day_resting_heart_rate": today}


def hrv_summary(at: datetime, average: float | None) -> dict:
    message = {"mesg_num": NUM["HRV_STATUS_SUMMARY"], "timestamp": at, "status": "balanced"}
    return message if average is None else {**message, "last_night_average": average}


def hrv_values(start: datetime, values: list[float]) -> list[dict]:
    return [
        {"mesg_num": NUM["HRV_VALUE"], "timestamp": start + timedelta(minutes=5 * i), "value": v}
        for i, v in enumerate(values)
    ]


# A night in Sydney from 23:05 to 06:30: asleep 23:05-03:40 and 03:50-06:30, 7 h 15 min.
NIGHT_STEPS = [
    (0, "awake"),
    (15, "light"),
    (100, "deep"),
    (160, "light"),
    (250, "rem"),
    (290, "awake"),
    (300, "light"),
    (370, "deep"),
    (400, "rem"),
    (460, "awake"),
    (475, "unmeasurable"),
]


def sleep_across_midnight() -> bytes:
    """A sleep file (type 49) of one night across midnight, with the local offset (UTC+10)."""
    return encode([file_id(49, NIGHT), monitoring_info(NIGHT), *levels(NIGHT, NIGHT_STEPS)])


def sleep_awake_only() -> bytes:
    """A sleep file whose levels are all awake or unmeasurable (the watch saw no sleep)."""
    steps = [(0, "awake"), (30, "unmeasurable"), (45, "awake"), (90, "awake")]
    return encode([file_id(49, NIGHT), *levels(NIGHT, steps)])


def hrv_invalid_average() -> bytes:
    """An HRV status file whose summary gives last night's average as 0 ms, and no hrv_value."""
    morning = datetime(2024, 6, 2, 7, 0, tzinfo=UTC)
    return encode([file_id("monitoring_daily", morning), hrv_summary(morning, 0.0)])


def monitoring_three_days() -> bytes:
    """A monitoring file (UTC+1) with the day's resting heart rate on three days."""
    return encode(
        [
            file_id("monitoring_b", DAY),
            monitoring_info(DAY),
            resting_hr(DAY, 52),
            resting_hr(DAY + timedelta(hours=14), 51),  # later the same day: the day's value
            resting_hr(DAY + timedelta(days=1, hours=1), 49),
            resting_hr(DAY + timedelta(days=2, hours=1), 50),
        ]
    )


def monitoring_cut() -> bytes:
    """monitoring_three_days cut inside its last message (and without its checksum)."""
    return monitoring_three_days()[:-5]


BUILDERS = {
    "sleep_across_midnight.fit": sleep_across_midnight,
    "sleep_awake_only.fit": sleep_awake_only,
    "hrv_invalid_average.fit": hrv_invalid_average,
    "monitoring_cut.fit": monitoring_cut,
}


def write(tmp_path: Path, data: bytes, name: str = "wellness.fit") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def values(result) -> list[tuple]:
    """The readings as (measure, at, value, start, key)."""
    return [
        (r.reading.measure, r.reading.at, r.reading.value, r.reading.start, r.key)
        for r in result.readings
    ]


# --- the real files in ../shared/data/wellness-fit -------------------------------------------


def test_real_monitoring_day_gives_the_days_resting_heart_rate_in_local_time(shared_data):
    result = fit.parse(shared_data / "wellness-fit" / "kaiord__HealthMonitoringStressDay.fit")

    [item] = result.readings
    r = item.reading
    # Two monitoring_hr_data messages on 1 January (local, UTC+1): 57 at 00:11, then 58 at 04:11.
    at = datetime(2025, 1, 1, 4, 11, tzinfo=PARIS)
    assert (r.measure, r.at, r.at.utcoffset(), r.value) == (
        Measure.RESTING_HR_BPM,
        at,
        timedelta(hours=1),
        58.0,
    )
    assert (r.source, r.method, r.start) == (
        "Garmin fenix 5 plus",
        "Garmin monitoring_hr_data",
        None,
    )
    assert (item.key, item.record) == (
        "garmin:resting_hr:2025-01-01:3973485084",
        "monitoring_hr_data 2",
    )
    assert result.sessions == [] and result.skipped == []
    assert result.warnings == [
        "left out 880 messages of types restday does not read: monitoring 246 (steps and "
        "activity), stress_level 238 (stress), event 25, ohr_settings 2, undocumented 369"
    ]


def test_real_hrv_file_gives_last_nights_average_rmssd(shared_data):
    result = fit.parse(shared_data / "wellness-fit" / "kaiord__HealthHrvOvernight.fit")

    [item] = result.readings
    r = item.reading
    assert (r.measure, r.value, r.at) == (
        Measure.HRV_RMSSD_MS,
        48.0,
        datetime(2026, 5, 22, 7, 0, tzinfo=UTC),
    )
    assert (r.source, r.method) == (
        "Garmin vivosmart 5",
        "hrv_status_summary: last night's average (RMSSD)",
    )
    assert item.key == "garmin:hrv:2026-05-22:1234567890"
    assert result.warnings == ["gives no local time (no monitoring_info): times are in UTC"]


def test_real_sleep_file_whose_levels_are_all_awake_gives_no_night(shared_data):
    result = fit.parse(shared_data / "wellness-fit" / "kaiord__HealthSleepOvernight.fit")

    # 34 sleep_level messages, every one awake; the rest is Garmin's undocumented raw sleep data.
    assert result.readings == []
    assert result.warnings == [
        "gives no local time (no monitoring_info): times are in UTC",
        "holds no sleep stages: no night of sleep read",
        "left out 209 messages of types restday does not read: undocumented 209",
    ]


def test_real_monitoring_file_of_steps_only_gives_nothing_and_says_why(shared_data):
    result = fit.parse(shared_data / "wellness-fit" / "python-fitparse__MonitoringFile.fit")

    assert result.readings == [] and result.sessions == []
    assert result.warnings == [
        "holds no resting heart rate, HRV or sleep stages: nothing to import",
        "left out 352 messages of types restday does not read: monitoring 337 (steps and "
        "activity), event 15",
    ]


# --- the small files of our own ---------------------------------------------------------------


def test_committed_fixtures_are_what_their_builders_write():
    for name, build in BUILDERS.items():
        assert (WELLNESS / name).read_bytes() == build(), name


def test_night_across_midnight_counts_light_deep_and_rem_to_its_wake_up_date():
    result = fit.parse(WELLNESS / "sleep_across_midnight.fit")

    [item] = result.readings
    r = item.reading
    assert (r.measure, r.value) == (Measure.SLEEP_H, 7.25)  # 4 h 35 + 2 h 40; the 10 min awake not
    assert r.start == datetime(2024, 6, 1, 23, 5, tzinfo=SYDNEY)
    assert r.at == datetime(2024, 6, 2, 6, 30, tzinfo=SYDNEY)
    assert r.at.utcoffset() == timedelta(hours=10)  # in UTC it ended on 1 June
    assert (r.source, r.method) == ("Garmin fenix 6", "Garmin sleep stages (light, deep, REM)")
    assert (item.key, item.record) == (f"garmin:sleep:2024-06-02:{SERIAL}", "sleep_level 2")
    assert result.warnings == []


def test_sleep_file_awake_only_makes_up_no_night():
    result = fit.parse(WELLNESS / "sleep_awake_only.fit")

    assert result.readings == []
    assert result.warnings == [
        "gives no local time (no monitoring_info): times are in UTC",
        "holds no sleep stages: no night of sleep read",
    ]


def test_sleep_file_without_levels_makes_up_no_night(tmp_path):
    path = write(tmp_path, encode([file_id(49, NIGHT)]))

    result = fit.parse(path)

    assert result.readings == []
    assert result.warnings == ["holds no sleep stages: no night of sleep read"]


def test_two_nights_give_one_reading_per_wake_up_date(tmp_path):
    second = NIGHT + timedelta(days=1, minutes=30)
    data = encode(
        [
            file_id(49, NIGHT),
            monitoring_info(NIGHT),
            *levels(NIGHT, [(0, "light"), (420, "awake")]),
            *levels(second, [(0, "deep"), (60, "rem"), (390, "awake")]),
        ]
    )

    result = fit.parse(write(tmp_path, data))

    assert [(r.reading.value, r.key) for r in result.readings] == [
        (7.0, f"garmin:sleep:2024-06-02:{SERIAL}"),
        (6.5, f"garmin:sleep:2024-06-03:{SERIAL}"),
    ]


def test_the_last_level_only_ends_the_span_before_it(tmp_path):
    data = encode([file_id(49, NIGHT), *levels(NIGHT, [(0, "deep"), (90, "light")])])

    [item] = fit.parse(write(tmp_path, data)).readings

    assert item.reading.value == 1.5
    assert item.reading.at == (NIGHT + timedelta(minutes=90)).astimezone(UTC)


def test_a_sleep_level_restday_does_not_know_is_not_asleep(tmp_path):
    data = encode([file_id(49, NIGHT), *levels(NIGHT, [(0, "light"), (60, 7), (120, "awake")])])

    result = fit.parse(write(tmp_path, data))

    assert [r.reading.value for r in result.readings] == [1.0]
    assert (
        result.warnings[-1] == "counted 1 sleep level restday does not know as not asleep (7 (1))"
    )


def test_hrv_summary_with_an_average_of_0_ms_gives_no_hrv():
    result = fit.parse(WELLNESS / "hrv_invalid_average.fit")

    assert result.readings == []
    assert result.warnings == [
        "gives no local time (no monitoring_info): times are in UTC",
        "hrv_status_summary 1 gives last night's average 0 ms, outside 1-500 ms: "
        "no HRV read for its night",
    ]


def test_hrv_summary_without_an_average_falls_back_to_its_nights_values(tmp_path):
    morning = datetime(2024, 6, 2, 7, 0, tzinfo=PARIS)
    data = encode(
        [
            file_id("monitoring_daily", morning),
            monitoring_info(morning),
            *hrv_values(morning - timedelta(hours=6), [40.0, 44.0, 51.0]),
            *hrv_values(morning - timedelta(days=2), [90.0]),  # another night's: not summed up
            hrv_summary(morning, None),
        ]
    )

    result = fit.parse(write(tmp_path, data))

    [item] = result.readings
    assert (item.reading.value, item.reading.method) == (
        45.0,
        "hrv_value: mean of the night's RMSSD values",
    )
    assert result.warnings == [
        "hrv_status_summary 1 gives no last night's average: read the mean of its 3 hrv_value "
        "messages"
    ]


def test_hrv_values_without_a_summary_are_no_reading(tmp_path):
    morning = datetime(2024, 6, 2, 7, 0, tzinfo=UTC)
    data = encode([file_id("monitoring_daily", morning), *hrv_values(morning, [40.0, 44.0])])

    result = fit.parse(write(tmp_path, data))

    assert result.readings == []
    assert (
        result.warnings[-1] == "holds 2 hrv_value messages but no hrv_status_summary: no HRV read"
    )


def test_one_resting_heart_rate_per_local_day_the_days_last(tmp_path):
    result = fit.parse(write(tmp_path, monitoring_three_days()))

    assert [(r.reading.at, r.reading.value, r.key) for r in result.readings] == [
        (DAY + timedelta(hours=14), 51.0, f"garmin:resting_hr:2024-03-04:{SERIAL}"),
        (DAY + timedelta(days=1, hours=1), 49.0, f"garmin:resting_hr:2024-03-05:{SERIAL}"),
        (DAY + timedelta(days=2, hours=1), 50.0, f"garmin:resting_hr:2024-03-06:{SERIAL}"),
    ]
    assert result.warnings == []


def test_resting_heart_rate_of_0_or_255_is_left_out_with_a_warning(tmp_path):
    data = encode(
        [
            file_id("monitoring_b", DAY),
            monitoring_info(DAY),
            resting_hr(DAY, 0),
            resting_hr(DAY + timedelta(days=1), 255),  # FIT's invalid value: the SDK drops it
            resting_hr(DAY + timedelta(days=2), None, week=48),  # only the 7-day average
        ]
    )

    result = fit.parse(write(tmp_path, data))

    assert result.readings == []
    assert result.warnings == [
        "left out 1 resting heart rate outside 20-150 bpm (0)",
        "left out 2 monitoring_hr_data messages without the day's resting heart rate "
        "(current_day_resting_heart_rate)",
    ]


def test_resting_heart_rate_decoded_as_text_is_a_damaged_message(tmp_path):
    data = retyped(monitoring_three_days(), NUM["MONITORING_HR_DATA"], 1, STRING, b"5")

    result = fit.parse(write(tmp_path, data))

    assert result.readings == []  # one definition: each of the 4 messages reads a text
    assert result.warnings == ["left out 4 damaged messages (monitoring_hr_data 4)"]


def test_file_holding_wellness_messages_is_read_whatever_its_type(tmp_path):
    data = encode([file_id(None, DAY), monitoring_info(DAY), resting_hr(DAY, 47)])

    [item] = fit.parse(write(tmp_path, data)).readings

    assert (item.reading.measure, item.reading.value) == (Measure.RESTING_HR_BPM, 47.0)


def test_source_is_the_devices_name_within_32_characters():
    short = {"file_id_mesgs": [{"manufacturer": "garmin", "garmin_product": "approach_z80"}]}
    long_name = {
        "file_id_mesgs": [
            {"manufacturer": "garmin", "garmin_product": "training_peaks_virtual_apple_tv"}
        ]
    }
    from_device_info = {
        "file_id_mesgs": [{"manufacturer": "garmin"}],
        "device_info_mesgs": [{"manufacturer": "garmin", "garmin_product": "fenix6S_sport"}],
    }
    unnamed = {"file_id_mesgs": [{"manufacturer": "garmin", "product": 65000}]}
    damaged_name = {"file_id_mesgs": [{"manufacturer": "x" * 99, "garmin_product": "\n"}]}

    assert fit_wellness.source_name(short) == "Garmin approach z80"
    assert fit_wellness.source_name(long_name) == "Garmin training peaks virtual"
    assert fit_wellness.source_name(from_device_info) == "Garmin fenix 6S sport"
    assert fit_wellness.source_name(unnamed) == "Garmin product 65000"
    assert fit_wellness.source_name(damaged_name) == "FIT device"
    names = [p for p in Profile["types"]["garmin_product"].values() if isinstance(p, str)]
    for product in names:
        assert len(fit_wellness.source_name({"file_id_mesgs": [{"garmin_product": product}]})) <= 32


# --- damaged files and files of another kind --------------------------------------------------


def test_cut_monitoring_file_keeps_the_complete_readings_with_a_warning():
    full = monitoring_three_days()

    result = fit.parse(WELLNESS / "monitoring_cut.fit")

    assert [r.reading.value for r in result.readings] == [51.0, 49.0]
    assert result.warnings == [
        f"truncated at byte {len(full) - 5:,} (its header announces {len(full):,} bytes); "
        "imported the 2 complete readings"
    ]


def test_night_the_cut_ends_is_left_out_and_the_night_before_kept(tmp_path):
    second = NIGHT + timedelta(days=1)
    data = encode(
        [
            file_id(49, NIGHT),
            monitoring_info(NIGHT),
            *levels(NIGHT, [(0, "light"), (420, "awake")]),
            *levels(second, [(0, "deep"), (60, "rem"), (120, "light"), (180, "deep")]),
        ]
    )
    [sleep] = [d for d in definitions(data) if d.number == NUM["SLEEP_LEVEL"]]
    cut = sleep.messages[-1]  # inside the second night's last level: asleep when the file ends

    result = fit.parse(write(tmp_path, data[:cut]))

    assert [(r.reading.value, r.key) for r in result.readings] == [
        (7.0, f"garmin:sleep:2024-06-02:{SERIAL}")
    ]
    assert result.warnings[1:] == [
        "the night from 2024-06-02 22:50 is cut off by the damage: left out"
    ]
    assert result.warnings[0].startswith(f"truncated at byte {cut:,}")


def test_bad_checksum_keeps_the_night_with_a_warning(tmp_path):
    data = bytearray(sleep_across_midnight())
    data[-1] ^= 0xFF

    result = fit.parse(write(tmp_path, bytes(data)))

    assert [r.reading.value for r in result.readings] == [7.25]
    assert result.warnings == [
        "its checksum (CRC) does not match, so some of its data may be damaged; "
        "imported the 1 complete reading"
    ]


def test_damaged_wellness_file_without_a_complete_reading_is_an_error(tmp_path):
    path = write(tmp_path, monitoring_three_days()[:60])

    with pytest.raises(ImportFileError) as caught:
        fit.parse(path)

    assert str(caught.value).startswith(f"{path}: truncated at byte 60 (")
    assert str(caught.value).endswith("): no complete reading")


def test_fit_file_of_another_kind_alone_is_an_error(tmp_path):
    path = write(tmp_path, encode([file_id("settings", DAY)]))

    with pytest.raises(ImportFileError) as caught:
        fit.parse(path)

    assert str(caught.value) == (
        f"{path}: not an activity or wellness file (a FIT settings file): nothing to import"
    )


def test_fit_file_of_another_kind_in_a_folder_is_a_warning(tmp_path):
    path = write(tmp_path, encode([file_id("course", DAY)]))

    result = fit.parse(path, in_folder=True)

    assert (result.sessions, result.readings) == ([], [])
    assert result.warnings == [
        "not an activity or wellness file (a FIT course file): nothing to import"
    ]


def test_activity_file_still_gives_its_sessions(tmp_path):
    result = fit.parse(Path(__file__).parent / "fixtures" / "fit_run.fit", in_folder=True)

    assert len(result.sessions) == 1 and result.readings == []


# --- fuzzed: damaged bytes are a result or an ImportFileError ---------------------------------

# Messages of wellness files: file_id, monitoring_info, monitoring_hr_data, hrv_status_summary,
# hrv_value, sleep_level, monitoring.
WELLNESS_MESSAGES = (0, 103, 211, 370, 371, 275, 55)


def redefined_wellness(data: bytes, rng) -> tuple[bytes, str]:
    """`data` with one or two bytes of its wellness definitions damaged: a field read as another
    base type, or a message read as another wellness message."""
    found = [d for d in definitions(data) if d.number in WELLNESS_MESSAGES and d.fields]
    if not found:
        return damaged(data, rng)
    out, done = bytearray(data), []
    for _ in range(rng.randint(1, 2)):
        definition = rng.choice(found)
        if rng.random() < 0.75:
            at = rng.choice(definition.fields)[2]
            out[at] = rng.choice(BASE_TYPES)
        else:
            at = definition.global_at
            out[at : at + 2] = rng.choice(WELLNESS_MESSAGES).to_bytes(2, "little")
        done.append(f"byte {at} set to {out[at]}")
    return bytes(out), ", ".join(done)


def problems_of(result) -> list[str]:
    """Every reading the import's gate would refuse, or whose night starts after it ends."""
    found = []
    for item in result.readings:
        r = item.reading
        if not isinstance(r.value, float):
            found.append(f"{item.key}: value {r.value!r}")
        found += [f"{item.key}: {p.field} {p.message}" for p in reading_problems(r, now=NOW)]
        if not isinstance(item.key, str) or not item.key.startswith("garmin:"):
            found.append(f"key {item.key!r}")
    return found


def fuzz(tmp_path: Path, name: str, data: bytes, count: int) -> int:
    """Parse `count` damaged variants of `data`; return how many gave readings."""
    path = tmp_path / "damaged.fit"
    read = 0
    for variant, rng in variants(name, count):
        damage = redefined_wellness if rng.random() < 0.5 else damaged
        broken, what = damage(data, rng)
        path.write_bytes(broken)
        result = outcome(fit.parse, path, f"{variant} ({what})", skip_invalid=False)
        if result is not None:
            problems = problems_of(result)
            assert not problems, f"{variant} ({what}): {problems}"
            read += bool(result.readings)
    return read


@pytest.mark.parametrize("name", ["sleep_across_midnight.fit", "monitoring_cut.fit"])
def test_damaged_fixtures_give_readings_or_an_import_error(tmp_path, name):
    read = fuzz(tmp_path, name, (WELLNESS / name).read_bytes(), 300)

    assert read > 30  # the damage is not all fatal: many variants still give readings


@pytest.mark.parametrize(
    "name", ["kaiord__HealthHrvOvernight.fit", "kaiord__HealthMonitoringStressDay.fit"]
)
def test_damaged_real_files_give_readings_or_an_import_error(tmp_path, shared_data, name):
    fuzz(tmp_path, name, (shared_data / "wellness-fit" / name).read_bytes(), 100)
