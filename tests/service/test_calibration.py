"""Calibration through the service: rebuilt from the stored data each time, and used by status."""

from datetime import UTC, datetime, timedelta
from importlib import resources

import pytest

from restday import service
from restday.domain import Muscle, Region
from restday.rules import default_rulebook, load_rulebook
from tests.factories import MONDAY, SQUAT, checkin, exercise, sets, strength
from tests.service.conftest import db

__all__ = ["db"]

DAY = timedelta(days=1)
NOW = datetime(2026, 12, 1, 9, tzinfo=UTC)
RULES = default_rulebook()
AT = MONDAY - timedelta(hours=2)


def squats(start):
    return strength(start, exercise(SQUAT, *sets(5, 5, 120), name="Squat (Barbell)"), rpe=8)


@pytest.fixture
def always_sore(db):
    """Eight weeks of heavy squats on Monday and Thursday, still sore two mornings later."""
    start = MONDAY - 8 * 7 * DAY
    for week in range(8):
        for offset in (0, 3):
            day = start + (7 * week + offset) * DAY
            service.log_session(db, squats(day), NOW, user="me")
            if day.replace(hour=8) + 2 * DAY <= AT:
                entry = checkin(day.replace(hour=8) + 2 * DAY, soreness={"legs": 2})
                service.checkin(db, entry, NOW, user="me")
    return db


def test_the_rate_is_rebuilt_from_the_stored_data_and_the_same_every_time(always_sore):
    first = service.calibration(always_sore, RULES, AT, user="me")
    legs = next(r for r in first.regions if r.region is Region.LEGS)
    assert legs.rate < 1.0 and legs.slower == legs.observations == 16
    assert service.calibration(always_sore, RULES, AT, user="me") == first


def test_status_uses_the_rate_and_cites_rule_factors_with_it(always_sore, tmp_path):
    status = service.status(always_sore, RULES, AT, user="me")
    quads = status.of(Muscle.QUADRICEPS)
    rate = service.calibration(always_sore, RULES, AT, user="me").rates()[Region.LEGS]
    cited = [r for r in quads.reasons if r.rule == "factors" and r.msg.value == "factor.rate"]
    assert cited and cited[0].params["rate"] == rate
    text = resources.files("restday.rules").joinpath("rulebook.toml").read_text("utf-8")
    off_file = tmp_path / "off.toml"
    off_file.write_text(text.replace("enabled = true", "enabled = false"))
    off = service.status(always_sore, load_rulebook(off_file), AT, user="me")
    assert quads.ready_at > off.of(Muscle.QUADRICEPS).ready_at
    assert not [r for m in off.muscles for r in m.reasons if r.msg.value == "factor.rate"]
