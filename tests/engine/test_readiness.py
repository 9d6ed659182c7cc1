"""Readiness: one value a day per measure, a typed check-in over a device, baselines per measure."""

from datetime import UTC, datetime, timedelta, timezone

from restday.domain import Measure, Muscle, Reading
from restday.engine import muscle_status, today
from restday.engine.messages import Msg
from restday.engine.readiness import Mark, daily, readiness
from restday.rules import default_rulebook
from tests.factories import checkin, inputs, squat_day

RULES = default_rulebook()
AMSTERDAM = timezone(timedelta(hours=1))
MORNING = datetime(2026, 11, 23, 7, 30, tzinfo=AMSTERDAM)
DAY = timedelta(days=1)


def reading(measure: Measure, at: datetime, value: float, source: str = "Apple Watch") -> Reading:
    return Reading(measure, at, value, source, "")


def night(at: datetime, hours: float, source: str = "Apple Watch") -> Reading:
    return Reading(Measure.SLEEP_H, at, hours, source, "asleep stages", at - timedelta(hours=hours))


def week_of_hearts(bpm: float = 58, days: int = 7) -> list[Reading]:
    return [
        reading(Measure.RESTING_HR_BPM, MORNING - (i + 1) * DAY, bpm + (i % 3 - 1))
        for i in range(days)
    ]


def test_a_four_hour_night_from_a_watch_is_a_warning_sign_that_the_verdict_cites():
    result = today(inputs(readings=(night(MORNING, 4.0),)), MORNING + timedelta(hours=1))
    [short] = [w for w in result.warnings if w.msg is Msg.WARN_SHORT_SLEEP]
    assert short.params == {"sleep_h": 4.0, "min_h": 7.0, "source": "Apple Watch"}
    assert Msg.WARN_SHORT_SLEEP in [r.msg for r in result.reasons]
    assert result.verdict.value == "active_recovery"
    assert result.readiness.sleep is not None
    assert (result.readiness.sleep.latest.value, result.readiness.sleep.mark) == (4.0, Mark.LOW)


def test_a_typed_check_in_wins_over_the_device_for_the_same_night():
    typed = checkin(MORNING + timedelta(minutes=20), sleep_h=7.5)
    result = today(
        inputs(checkins=(typed,), readings=(night(MORNING, 4.0),)), MORNING + timedelta(hours=1)
    )
    assert not [w for w in result.warnings if w.msg is Msg.WARN_SHORT_SLEEP]
    assert result.readiness.sleep is not None
    assert (result.readiness.sleep.latest.value, result.readiness.sleep.latest.source) == (
        7.5,
        "check-in",
    )


def test_a_device_fills_what_the_check_in_left_empty():
    typed = checkin(MORNING, fatigue=2)
    result = today(
        inputs(checkins=(typed,), readings=(night(MORNING, 5.0, "Oura"),)),
        MORNING + timedelta(hours=1),
    )
    [short] = [w for w in result.warnings if w.msg is Msg.WARN_SHORT_SLEEP]
    assert short.params["source"] == "Oura"


def test_a_resting_heart_rate_well_above_a_week_of_normal_mornings_names_its_numbers():
    high = reading(Measure.RESTING_HR_BPM, MORNING, 66)
    result = today(inputs(readings=(*week_of_hearts(), high)), MORNING + timedelta(hours=1))
    [warning] = [w for w in result.warnings if w.msg is Msg.WARN_RESTING_HR]
    assert warning.params == {
        "bpm": 66,
        "above": 8,
        "baseline": 58,
        "days": RULES.baseline.baseline_days,
        "source": "Apple Watch",
    }
    assert result.readiness.resting_hr is not None
    assert result.readiness.resting_hr.mark is Mark.HIGH
    assert Msg.WARN_RESTING_HR in [r.msg for r in result.reasons]


def test_a_normal_morning_is_marked_normal_and_warns_of_nothing():
    usual = reading(Measure.RESTING_HR_BPM, MORNING, 59)
    result = today(inputs(readings=(*week_of_hearts(), usual)), MORNING + timedelta(hours=1))
    assert not [w for w in result.warnings if w.rule == "load.baseline"]
    marked = result.readiness.resting_hr
    assert marked is not None and marked.baseline is not None
    assert (marked.mark, marked.baseline.days, round(marked.baseline.mean)) == (Mark.NORMAL, 7, 58)
    assert marked.high_above == 62.9  # the mean (57.9) plus rhr_min_bpm: the spread is under it


def test_a_value_on_a_threshold_as_shown_is_in_the_range_the_text_calls_normal():
    week = [reading(Measure.RESTING_HR_BPM, MORNING - (i + 1) * DAY, 58) for i in range(7)]
    edge = reading(Measure.RESTING_HR_BPM, MORNING, 63)  # "normal for you: 53 to 63"
    result = today(
        inputs(readings=(*week, edge, night(MORNING, 6.96))), MORNING + timedelta(hours=1)
    )
    heart, sleep = result.readiness.resting_hr, result.readiness.sleep
    assert heart is not None and sleep is not None
    assert (heart.low_below, heart.high_above, heart.mark) == (53.0, 63.0, Mark.NORMAL)
    assert (sleep.low_below, sleep.mark) == (7.0, Mark.NORMAL)  # 6.96 h is shown as 7 h
    assert not [w for w in result.warnings if w.rule == "load.baseline"]
    assert result.verdict.value == "train"


def test_too_few_days_give_no_baseline_and_no_mark():
    high = reading(Measure.RESTING_HR_BPM, MORNING, 80)
    result = today(inputs(readings=(*week_of_hearts(days=6), high)), MORNING + timedelta(hours=1))
    assert result.readiness.resting_hr is not None
    assert (result.readiness.resting_hr.baseline, result.readiness.resting_hr.mark) == (None, None)
    assert not [w for w in result.warnings if w.msg is Msg.WARN_RESTING_HR]


def test_an_sdnn_is_never_compared_with_an_rmssd_baseline():
    rmssd = [
        reading(Measure.HRV_RMSSD_MS, MORNING - (i + 1) * DAY, 80 + i % 2, "Garmin")
        for i in range(10)
    ]
    sdnn_today = reading(Measure.HRV_SDNN_MS, MORNING, 40)  # far below the RMSSD days
    ready = readiness(daily((), [*rmssd, sdnn_today], UTC), MORNING + timedelta(hours=1), RULES)
    assert ready.hrv is not None
    assert (ready.hrv.latest.series, ready.hrv.baseline, ready.hrv.mark) == (
        "hrv_sdnn_ms",
        None,
        None,
    )


def test_an_hrv_well_below_its_own_baseline_is_a_sign_with_its_measure():
    days = [reading(Measure.HRV_SDNN_MS, MORNING - (i + 1) * DAY, 50 + i % 3) for i in range(8)]
    low = reading(Measure.HRV_SDNN_MS, MORNING, 35)
    result = today(inputs(readings=(*days, low)), MORNING + timedelta(hours=1))
    [warning] = [w for w in result.warnings if w.msg is Msg.WARN_HRV]
    assert warning.params["source"] == "SDNN, Apple Watch"
    assert (warning.params["ms"], warning.params["below"]) == (35, 16)


def test_an_hrv_far_below_a_baseline_without_spread_is_low_not_normal_and_a_small_dip_is_normal():
    week = [reading(Measure.HRV_SDNN_MS, MORNING - (i + 1) * DAY, 50) for i in range(7)]
    halved = today(
        inputs(readings=(*week, reading(Measure.HRV_SDNN_MS, MORNING, 25))),
        MORNING + timedelta(hours=1),
    )
    usual = today(
        inputs(readings=(*week, reading(Measure.HRV_SDNN_MS, MORNING, 50))),
        MORNING + timedelta(hours=1),
    )
    assert halved.readiness.hrv is not None and usual.readiness.hrv is not None
    assert (halved.readiness.hrv.low_below, halved.readiness.hrv.mark) == (45.0, Mark.LOW)
    [warning] = [w for w in halved.warnings if w.msg is Msg.WARN_HRV]
    assert (warning.params["ms"], warning.params["below"]) == (25, 25)
    assert usual.readiness.hrv.mark is Mark.NORMAL
    dip = today(
        inputs(readings=(*week, reading(Measure.HRV_SDNN_MS, MORNING, 47))),
        MORNING + timedelta(hours=1),
    )
    assert dip.readiness.hrv is not None and dip.readiness.hrv.mark is Mark.NORMAL
    assert not [w for w in dip.warnings if w.msg is Msg.WARN_HRV]


def test_several_readings_of_a_day_count_as_their_mean_once():
    found = daily(
        (),
        [
            reading(Measure.HRV_SDNN_MS, MORNING, 40),
            reading(Measure.HRV_SDNN_MS, MORNING + timedelta(hours=6), 60),
        ],
        UTC,
    )
    [day] = found["hrv_sdnn_ms"]
    assert (day.value, day.at) == (50, MORNING + timedelta(hours=6))


def test_old_values_are_not_today_s():
    ready = readiness(daily((), [night(MORNING - 2 * DAY, 4.0)], UTC), MORNING, RULES)
    assert ready.sleep is None


def test_measured_short_nights_after_a_session_extend_its_rest_as_typed_ones_do():
    squat = squat_day(MORNING - 2 * DAY)
    measured = [night(MORNING - DAY, 4.0), night(MORNING, 4.0)]
    typed = [checkin(n.at, sleep_h=4.0) for n in measured]
    slept = muscle_status(inputs(squat, readings=tuple(measured)), MORNING).of(Muscle.QUADRICEPS)
    wrote = muscle_status(inputs(squat, checkins=tuple(typed)), MORNING).of(Muscle.QUADRICEPS)
    rested = muscle_status(inputs(squat), MORNING).of(Muscle.QUADRICEPS)
    assert slept.ready_at is not None and rested.ready_at is not None
    assert slept.ready_at == wrote.ready_at
    assert slept.ready_at > rested.ready_at
    assert Msg.FACTOR_SLEEP in [r.msg for r in slept.reasons]


def test_typed_is_told_by_where_a_value_came_from_not_by_its_source_name():
    device = reading(Measure.RESTING_HR_BPM, MORNING, 58, source="check-in")
    typed = checkin(MORNING + DAY, resting_hr_bpm=57)
    found = daily([typed], [device], UTC)["resting_hr_bpm"]
    assert [(d.value, d.typed) for d in found] == [(58, False), (57, True)]
