"""How hard a session was when the file gives heart rate but no effort."""

import pytest

from restday.domain import Intensity, Profile, Session, SessionKind
from restday.engine.intensity import heart_rate_intensity
from restday.rules import default_rulebook
from tests.factories import MONDAY

T = default_rulebook().intensity
ATHLETE = Profile(resting_hr_bpm=50, max_hr_bpm=190)


@pytest.mark.parametrize(
    ("avg_hr", "expected"), [(120, "easy"), (134, "easy"), (150, "moderate"), (165, "hard")]
)
def test_the_share_of_heart_rate_reserve_sets_the_intensity(avg_hr, expected):
    run = Session(SessionKind.ENDURANCE, MONDAY, 60, sport="run", avg_hr_bpm=avg_hr)
    assert heart_rate_intensity(run, ATHLETE, T) is Intensity(expected)


def test_without_resting_and_maximum_heart_rate_there_is_no_guess():
    run = Session(SessionKind.ENDURANCE, MONDAY, 60, sport="run", avg_hr_bpm=160)
    assert heart_rate_intensity(run, Profile(), T) is None
