"""Store fixtures: every test runs on a temp SQLite file and on the test PostgreSQL server."""

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from restday.store.db import Database, open_database

PG_ENV = "RESTDAY_TEST_DATABASE_URL"
PG_TIMEZONE = "Asia/Kolkata"  # a session zone far from UTC, so UTC handling is really tested


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def fresh_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """An empty database: a new SQLite file, or a fresh PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'restday.db'}"
        return
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set: no PostgreSQL server to test against")
    schema = f"restday_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        options = f"-csearch_path={schema} -cTimeZone={PG_TIMEZONE}"
        yield (
            make_url(base)
            .update_query_dict({"options": options})
            .render_as_string(hide_password=False)
        )
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def db(fresh_url: str) -> Iterator[Database]:
    """An opened (so migrated) database, closed after the test."""
    with open_database(fresh_url) as database:
        yield database
