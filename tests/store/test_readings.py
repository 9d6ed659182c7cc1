"""Device readings round-trip apart from check-ins, keep the device's offset, and replace by key."""

from datetime import UTC, datetime, timedelta, timezone

from restday.domain import Measure, Reading
from restday.store.repo import StoredReading

NEW_YORK_WINTER = timezone(timedelta(hours=-5))
NEW_YORK_SUMMER = timezone(timedelta(hours=-4))


def night(day: int, hours: float, zone=NEW_YORK_WINTER) -> Reading:
    end = datetime(2024, 3, day, 7, 0, tzinfo=zone)
    return Reading(
        Measure.SLEEP_H,
        end,
        hours,
        "Apple Watch",
        "asleep stages",
        end - timedelta(hours=hours + 0.5),
    )


def test_readings_round_trip_in_the_offset_the_device_recorded(db):
    items = [
        StoredReading(night(9, 6.5), "apple-health", "apple-health:sleep:2024-03-09"),
        StoredReading(
            night(10, 4.0, NEW_YORK_SUMMER), "apple-health", "apple-health:sleep:2024-03-10"
        ),
    ]
    with db.transaction() as tx:
        me = tx.ensure_user()
        tx.add_readings(me, items)
    with db.reading() as tx:
        found = tx.readings_between(me, None, None)
    assert [(s.reading.at.isoformat(), s.reading.value) for s in found] == [
        ("2024-03-09T07:00:00-05:00", 6.5),
        ("2024-03-10T07:00:00-04:00", 4.0),
    ]
    assert found[1].reading.start == datetime(2024, 3, 10, 2, 30, tzinfo=NEW_YORK_SUMMER)
    assert (found[0].format, found[0].key, found[0].reading.source) == (
        "apple-health",
        "apple-health:sleep:2024-03-09",
        "Apple Watch",
    )
    assert found[0].reading.id is not None
    with db.reading() as tx:
        assert tx.checkins_between(me, None, None) == []
        assert tx.record_counts(me)["readings"] == 2


def test_readings_are_filtered_by_time_and_measure_and_scoped_by_user(db):
    heart = Reading(Measure.RESTING_HR_BPM, datetime(2024, 3, 9, 14, tzinfo=UTC), 58, "Garmin")
    with db.transaction() as tx:
        me, other = tx.ensure_user(), tx.ensure_user("other")
        tx.add_readings(
            me, [StoredReading(night(9, 7), "fit", "a"), StoredReading(heart, "fit", "b")]
        )
        tx.add_readings(other, [StoredReading(heart, "fit", "b")])
    with db.reading() as tx:
        hearts = tx.readings_between(me, None, None, [Measure.RESTING_HR_BPM])
        assert [s.reading.value for s in hearts] == [58]
        assert tx.readings_between(me, datetime(2024, 3, 9, 13, tzinfo=UTC), None) == hearts
        assert len(tx.readings_between(other, None, None)) == 1
        assert set(tx.readings_with_keys(me, ["a", "b", "c"])) == {"a", "b"}


def test_replacing_a_reading_by_key_changes_its_values_only(db):
    with db.transaction() as tx:
        me = tx.ensure_user()
        tx.add_readings(me, [StoredReading(night(9, 5), "apple-health", "k")])
        tx.add_readings(me, [StoredReading(night(10, 7), "apple-health", "other")])
    with db.transaction() as tx:
        tx.replace_readings(me, [StoredReading(night(9, 7.25), "apple-health", "k")])
    with db.reading() as tx:
        found = {s.key: s.reading.value for s in tx.readings_between(me, None, None)}
    assert found == {"k": 7.25, "other": 7}
