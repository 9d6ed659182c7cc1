"""Common programmes, trained for years: ready on the days the article's spacing says they are."""

from datetime import timedelta

import pytest

from restday.domain import MUSCLES_OF_REGION, Goal, Muscle, Profile, Region
from restday.engine import MuscleState, Verdict, muscle_status, today
from tests.engine.programmes import (
    FIVE_DAY_LIFTER,
    FULL_BODY_3,
    PUSH_PULL_LEGS_6,
    UPPER_LOWER_4,
    article_ready,
    article_rest_h,
    generate,
)
from tests.factories import inputs

M = Muscle
MUSCLE = Profile(goal=Goal.MUSCLE)
TEN_YEARS = 522


@pytest.fixture(scope="module")
def lifter():
    return generate(FIVE_DAY_LIFTER, TEN_YEARS)


def starts(history, weekday):
    return [s for s in history if s.start.weekday() == weekday]


def test_the_five_day_lifter_has_ready_quadriceps_at_the_start_of_every_monday(lifter):
    mondays = starts(lifter, 0)[-8:]
    window = [s for s in lifter if s.start >= mondays[0].start - timedelta(days=28)]
    for monday in mondays:
        before = [s for s in window if s.start < monday.start]
        status = muscle_status(inputs(*before), monday.start)
        assert status.of(M.QUADRICEPS).state is MuscleState.READY, monday.start
        assert not status.warnings


def test_wednesdays_deadlift_delays_the_quadriceps_by_no_more_than_its_own_dose(lifter):
    window = lifter[-5 * 6 :]
    wednesday = starts(window, 2)[-1]
    sunday = starts(window, 6)[-1].start - timedelta(hours=1)
    with_it = muscle_status(inputs(*window), sunday).of(M.QUADRICEPS).ready_at
    without = muscle_status(inputs(*(s for s in window if s is not wednesday)), sunday)
    delay = with_it - without.of(M.QUADRICEPS).ready_at
    assert timedelta(0) < delay <= timedelta(hours=article_rest_h(wednesday, M.QUADRICEPS))


def test_on_sunday_morning_today_suggests_the_muscles_that_are_ready(lifter):
    window = lifter[-5 * 6 :]
    sunday = starts(window, 6)[-1].start - timedelta(hours=1)
    result = today(inputs(*window, profile=MUSCLE), sunday)
    ready = [m.muscle for m in result.status.muscles if m.state is MuscleState.READY]
    assert result.verdict is Verdict.TRAIN
    assert {M.HAMSTRINGS, M.GLUTES, M.CALVES, M.TRICEPS} <= set(ready)
    assert list(result.train.muscles) == ready
    assert M.QUADRICEPS not in ready
    assert all(r.msg != "verdict.all_recovering" for r in result.reasons)


def region_ready_days(history, weeks, ready):
    """{(weekday, region)}: the regions whose trained muscles are all ready at a day's start."""
    found = set()
    for session in history[-weeks:]:
        trained = {m for m in Muscle if article_rest_h(session, m)}
        for region in Region:
            muscles = trained & set(MUSCLES_OF_REGION[region])
            if muscles and all(ready(session, m) for m in muscles):
                found.add((session.start.weekday(), region))
    return found


@pytest.mark.parametrize(
    ("programme", "expected"),
    [
        (
            FULL_BODY_3,
            {(d, r) for d in (0, 2, 4) for r in ("legs", "chest", "back", "core", "arms")}
            | {(d, "shoulders") for d in (0, 2, 4)},
        ),
        (
            UPPER_LOWER_4,
            {(d, r) for d in (0, 3) for r in ("chest", "back", "shoulders", "arms")}
            | {(d, r) for d in (1, 4) for r in ("legs", "core")},
        ),
        (
            PUSH_PULL_LEGS_6,
            {(d, r) for d in (0, 3) for r in ("chest", "shoulders", "arms")}
            | {(d, r) for d in (1, 4) for r in ("back", "arms")}
            | {(d, r) for d in (2, 5) for r in ("legs", "core")},
        ),
    ],
    ids=["full-body-3", "upper-lower-4", "push-pull-legs-6"],
)
def test_a_steady_programme_is_ready_on_the_days_the_articles_spacing_says(programme, expected):
    history = generate(programme, 12)
    days = len(programme)

    def by_engine(session, muscle):
        window = [s for s in history if s.start < session.start]
        status = muscle_status(inputs(*window), session.start)
        return status.of(muscle).state is MuscleState.READY

    def by_article(session, muscle):
        return article_ready(history, muscle, session.start)

    weeks = 4 * days
    article = region_ready_days(history, weeks, by_article)
    assert article == {(d, Region(r)) for d, r in expected}
    assert region_ready_days(history, weeks, by_engine) == article
