"""UTC timestamps: aware in, aware UTC out, naive refused."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy.dialects import postgresql, sqlite

from restday.store.timestamps import UTCDateTime, as_utc

AMSTERDAM_WINTER = timezone(timedelta(hours=1))


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="naive datetime 2026-11-23T18:00:00 refused"):
        as_utc(datetime(2026, 11, 23, 18, 0))


@pytest.mark.parametrize("dialect", [sqlite.dialect(), postgresql.dialect()])
def test_the_column_type_refuses_naive_datetimes(dialect):
    with pytest.raises(ValueError, match="naive datetime"):
        UTCDateTime().process_bind_param(datetime(2026, 11, 23, 18, 0), dialect)


def test_sqlite_gets_naive_utc_and_postgresql_aware_utc():
    moment = datetime(2026, 11, 23, 19, 0, tzinfo=AMSTERDAM_WINTER)
    column = UTCDateTime()
    assert column.process_bind_param(moment, sqlite.dialect()) == datetime(2026, 11, 23, 18, 0)
    stored = column.process_bind_param(moment, postgresql.dialect())
    assert stored == moment
    assert stored.tzinfo is UTC


@pytest.mark.parametrize(
    "value",
    [datetime(2026, 11, 23, 18, 0), datetime(2026, 11, 23, 19, 0, tzinfo=AMSTERDAM_WINTER)],
)
def test_values_read_back_are_aware_utc(value):
    result = UTCDateTime().process_result_value(value, sqlite.dialect())
    assert result == datetime(2026, 11, 23, 18, 0, tzinfo=UTC)
    assert result.tzinfo is UTC
