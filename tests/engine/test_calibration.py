"""Personal calibration: how fast this person's regions recover, learnt from their check-ins."""

from dataclasses import replace
from datetime import timedelta
from importlib import resources

from restday.domain import Muscle, Region
from restday.engine import muscle_status
from restday.engine.calibration import calibration
from restday.rules import default_rulebook, load_rulebook
from tests.factories import ACTIVITIES, MONDAY, checkin, inputs, squat_day

DAY = timedelta(days=1)
RULES = default_rulebook()
WEEKS = 8
START = MONDAY - WEEKS * 7 * DAY
# Heavy squats on Monday and Thursday evening for eight weeks.
SQUATS = tuple(
    squat_day(START + week * 7 * DAY + offset * DAY) for week in range(WEEKS) for offset in (0, 3)
)
AT = MONDAY - timedelta(hours=2)


def morning_after_two_days(soreness: dict[str, int] | None = None):
    """A check-in at 08:00 two days after each squat day (Wednesday and Saturday)."""
    fields = {"soreness": soreness} if soreness else {}
    return tuple(
        checkin(s.start.replace(hour=8) + 2 * DAY, sleep_h=8, **fields)
        for s in SQUATS
        if s.start.replace(hour=8) + 2 * DAY <= AT
    )


def legs(sessions, checkins, rules=RULES, at=AT):
    found = calibration(sessions, checkins, inputs().profile, rules, at, activities=ACTIVITIES)
    return next(r for r in found.regions if r.region is Region.LEGS), found


def test_always_sore_two_days_after_heavy_legs_means_slower_legs_within_the_bound():
    sore = morning_after_two_days({"legs": 2})
    result, found = legs(SQUATS, sore)
    c = RULES.calibration
    assert c.min_rate <= result.rate < 0.9
    assert (result.observations, result.slower, result.faster) == (len(sore), len(sore), 0)
    assert found.rates() == {Region.LEGS: result.rate}
    assert result.reasons[0].rule == "calibration"
    assert result.reasons[0].params["pct"] == round(100 * (1 - result.rate))
    assert result.reasons[0].params["slower"] == len(sore)


def test_never_sore_and_training_heavy_on_schedule_means_faster_legs():
    result, _ = legs(SQUATS, morning_after_two_days())
    assert 1.1 < result.rate <= RULES.calibration.max_rate
    assert result.slower == 0
    # The last check-in has no heavy work after it yet: it counts, but not as faster.
    assert result.faster == result.observations - 1


def test_no_checkins_is_exactly_the_rulebooks_pace():
    found = calibration(SQUATS, (), inputs().profile, RULES, AT, activities=ACTIVITIES)
    assert {r.rate for r in found.regions} == {1.0}
    assert found.rates() == {}
    assert all(r.observations == 0 and r.sure_pct == 0 for r in found.regions)


def test_too_few_observations_keep_the_rulebooks_pace():
    few = morning_after_two_days({"legs": 3})[: RULES.calibration.min_observations - 1]
    result, _ = legs(SQUATS, few)
    assert result.rate == 1.0
    assert result.observations == len(few)
    assert result.reasons[0].msg.value == "calibration.too_few"


def test_soreness_of_other_regions_or_other_days_is_no_evidence_for_the_legs():
    wrong_day = tuple(
        replace(c, at=c.at - DAY, soreness={Region.LEGS: 3}) for c in morning_after_two_days()
    )
    result, _ = legs(SQUATS, wrong_day)
    assert (result.rate, result.observations) == (1.0, 0)
    arms, _ = legs(SQUATS, morning_after_two_days({"arms": 3}))
    assert arms.slower == 0


def test_older_evidence_counts_less_and_decays_back_to_the_rulebook():
    sore = morning_after_two_days({"legs": 2})
    recent, _ = legs(SQUATS, sore)
    later, _ = legs(SQUATS, sore, at=AT + 60 * DAY)
    assert later.weight < recent.weight
    assert recent.rate < later.rate < 1.0
    gone, _ = legs(SQUATS, sore, at=AT + (RULES.calibration.lookback_days + 1) * DAY)
    assert gone.rate == 1.0


def test_rebuilt_from_scratch_in_any_order_it_is_the_same():
    sore = morning_after_two_days({"legs": 2})
    first, _ = legs(SQUATS, sore)
    again, _ = legs(tuple(reversed(SQUATS)), tuple(reversed(sore)))
    assert again == first


def test_turned_off_in_the_rulebook_it_changes_nothing(tmp_path):
    text = resources.files("restday.rules").joinpath("rulebook.toml").read_text("utf-8")
    off_file = tmp_path / "off.toml"
    off_file.write_text(text.replace("enabled = true", "enabled = false"))
    off = load_rulebook(off_file)
    sore = morning_after_two_days({"legs": 2})
    result, found = legs(SQUATS, sore, rules=off)
    assert result.rate == 1.0 and found.rates() == {}
    assert result.reasons[0].msg.value == "calibration.off"
    base = inputs(*SQUATS, checkins=sore, rules=off)
    calibrated = replace(base, rates=found.rates())
    assert muscle_status(calibrated, AT) == muscle_status(base, AT)
    # On, the same evidence does change the status.
    _, on = legs(SQUATS, sore)
    slower = replace(base, rules=RULES, rates=on.rates())
    plain = replace(base, rules=RULES)
    quads = Muscle.QUADRICEPS
    assert (
        muscle_status(slower, AT).of(quads).ready_at > muscle_status(plain, AT).of(quads).ready_at
    )


def test_a_status_reason_that_uses_a_rate_cites_rule_factors_with_it():
    base = inputs(*SQUATS, checkins=morning_after_two_days())
    status = muscle_status(replace(base, rates={Region.LEGS: 0.8}), AT)
    cited = [r for r in status.of(Muscle.QUADRICEPS).reasons if r.msg.value == "factor.rate"]
    assert [(r.rule, r.params["rate"]) for r in cited] == [("factors", 0.8)]
    chest = status.of(Muscle.CHEST).reasons
    assert not [r for r in chest if r.msg.value == "factor.rate"]
