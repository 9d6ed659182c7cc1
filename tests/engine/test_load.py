"""The training-load model against hand computation and the closed form of an EWMA."""

import math
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from restday.domain import Goal, LoadMetric, Profile
from restday.engine import Msg, Verdict, today
from restday.engine.load import LoadSample, load_report, model_reach, session_load
from restday.rules import default_rulebook
from tests.factories import MONDAY, checkin, inputs

RULES = default_rulebook()
DAY = timedelta(days=1)
START = datetime(2026, 1, 1, 7, 0, tzinfo=UTC)


def inputs_with_load(samples, profile):
    return replace(inputs(profile=profile), load_samples=tuple(samples))


def daily(load_per_day: float, days: int) -> list[LoadSample]:
    """One session a day whose session-RPE is `load_per_day` (RPE 5)."""
    return [LoadSample(START + i * DAY, load_per_day / 5, rpe=5) for i in range(days)]


def test_session_rpe_is_rpe_times_minutes_and_a_missing_rpe_counts_as_moderate():
    assert session_load(LoadSample(START, 60, rpe=7), Profile(), RULES, LoadMetric.SRPE) == 420
    assert session_load(LoadSample(START, 60), Profile(), RULES, LoadMetric.SRPE) == 300


def test_trimp_follows_banister():
    profile = Profile(resting_hr_bpm=50, max_hr_bpm=190)
    sample = LoadSample(START, 60, avg_hr_bpm=155)
    reserve = (155 - 50) / (190 - 50)
    assert session_load(sample, profile, RULES, LoadMetric.TRIMP) == pytest.approx(
        60 * reserve * 0.64 * math.exp(1.92 * reserve)
    )
    assert session_load(LoadSample(START, 60), profile, RULES, LoadMetric.TRIMP) is None


def test_a_short_series_matches_hand_computation():
    samples = [
        LoadSample(START, 20, rpe=5),
        LoadSample(START + 2 * DAY, 10, rpe=5),
    ]  # loads 100, 0, 50
    report = load_report(samples, Profile(), RULES, START + 2 * DAY, 3, UTC)
    a_ctl, a_atl = 1 - math.exp(-1 / 42), 1 - math.exp(-1 / 7)
    ctl = [100 * a_ctl]
    ctl.append(ctl[0] * (1 - a_ctl))
    ctl.append(ctl[1] + (50 - ctl[1]) * a_ctl)
    atl = [100 * a_atl]
    atl.append(atl[0] * (1 - a_atl))
    atl.append(atl[1] + (50 - atl[1]) * a_atl)
    assert [d.load for d in report.days] == [100, 0, 50]
    assert [d.ctl for d in report.days] == pytest.approx(ctl)
    assert [d.atl for d in report.days] == pytest.approx(atl)
    assert [d.tsb for d in report.days] == pytest.approx(
        [c - a for c, a in zip(ctl, atl, strict=True)]
    )


@pytest.mark.parametrize("days", [1, 7, 42, 100])
def test_a_constant_load_follows_the_closed_form_of_the_ewma(days):
    report = load_report(daily(100, days), Profile(), RULES, START + (days - 1) * DAY, 1, UTC)
    (last,) = report.days
    a_ctl, a_atl = 1 - math.exp(-1 / 42), 1 - math.exp(-1 / 7)
    assert last.ctl == pytest.approx(100 * (1 - (1 - a_ctl) ** days))
    assert last.atl == pytest.approx(100 * (1 - (1 - a_atl) ** days))
    acute = 100 * (1 - (1 - 2 / 8) ** days)
    chronic = 100 * (1 - (1 - 2 / 29) ** days)
    assert last.acwr == pytest.approx(acute / chronic)
    week_ago = 100 * (1 - (1 - a_ctl) ** (days - 7)) if days > 7 else 0
    assert last.ramp == pytest.approx(last.ctl - week_ago)


def test_days_are_reported_up_to_the_moment_asked_even_without_training():
    report = load_report(daily(100, 3), Profile(), RULES, START + 9 * DAY, 5, UTC)
    assert [d.date for d in report.days] == [(START + i * DAY).date() for i in range(5, 10)]
    assert all(d.load == 0 for d in report.days)


def test_trimp_without_heart_rate_profile_falls_back_to_session_rpe():
    report = load_report(
        daily(100, 3), Profile(load_metric=LoadMetric.TRIMP), RULES, START + 2 * DAY, 1, UTC
    )
    assert report.metric is LoadMetric.SRPE


def test_a_sharp_ramp_warns_and_turns_a_hard_day_easy():
    samples = daily(100, 45) + [LoadSample(START + (45 + i) * DAY, 300, rpe=9) for i in range(6)]
    at = START + 51 * DAY + timedelta(hours=1)
    report = load_report(samples, Profile(), RULES, at, 1, UTC)
    assert {w.msg for w in report.warnings} >= {Msg.WARN_RAMP, Msg.WARN_FORM}
    result = today(inputs_with_load(samples, Profile(goal=Goal.ENDURANCE)), at)
    assert result.verdict is Verdict.TRAIN
    assert result.train.session["intensity"] == "easy"
    assert "load.pmc" in [r.rule for r in result.reasons]


def test_a_resting_heart_rate_far_above_the_own_baseline_is_a_warning_sign():
    history = [checkin(MONDAY - (i + 1) * DAY, resting_hr_bpm=50 + i % 3) for i in range(20)]
    high = checkin(MONDAY, resting_hr_bpm=62)
    result = today(inputs(checkins=(*history, high)), MONDAY + timedelta(hours=1))
    assert any(w.msg is Msg.WARN_RESTING_HR for w in result.warnings)
    assert result.verdict is Verdict.ACTIVE_RECOVERY
    normal = checkin(MONDAY, resting_hr_bpm=52)
    assert (
        today(inputs(checkins=(*history, normal)), MONDAY + timedelta(hours=1)).verdict
        is Verdict.TRAIN
    )


def test_a_new_history_does_not_warn_about_form_before_the_fitness_window_is_filled():
    first_session = [LoadSample(START, 60, rpe=7)]
    report = load_report(first_session, Profile(), RULES, START + DAY, 1, UTC)
    assert report.days[0].tsb < -30
    assert report.warnings == ()


def test_sessions_beyond_the_models_reach_change_no_figure_shown():
    profile = Profile()
    rules = default_rulebook()
    years = daily(300.0, 365 * 4)
    at = years[-1].start + timedelta(hours=12)
    reach = model_reach(rules)
    recent = [s for s in years if s.start >= at - reach - timedelta(days=29)]
    assert len(recent) < len(years) / 2
    full = load_report(years, profile, rules, at, 28, UTC)
    cut = load_report(recent, profile, rules, at, 28, UTC)
    for whole, part in zip(full.days, cut.days, strict=True):
        assert round(whole.ctl, 1) == round(part.ctl, 1)
        assert round(whole.atl, 1) == round(part.atl, 1)
        assert round(whole.acwr or 0, 2) == round(part.acwr or 0, 2)
    assert full.warnings == cut.warnings
