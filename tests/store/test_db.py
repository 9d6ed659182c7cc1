"""Finding, opening and migrating the database."""

import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from restday.errors import StoreError
from restday.store.db import HEAD_REVISION, database_url, default_database_url, open_database
from restday.store.migrate import alembic_config, head_revision
from restday.store.models import metadata

TABLES = {
    "alembic_version",
    "users",
    "profiles",
    "sessions",
    "session_exercises",
    "session_sets",
    "checkins",
    "readings",
    "checkin_soreness",
    "checkin_injuries",
    "exercise_aliases",
    "plans",
}


def revision(db) -> str | None:
    with db.engine.connect() as connection:
        return connection.scalar(text("SELECT version_num FROM alembic_version"))


def test_head_revision_constant_matches_the_newest_migration():
    assert head_revision() == HEAD_REVISION


def test_opening_an_empty_database_creates_every_table(db):
    assert set(inspect(db.engine).get_table_names()) == TABLES
    assert revision(db) == HEAD_REVISION


def test_every_table_with_personal_data_has_a_user_id(db):
    personal = TABLES - {"alembic_version", "users"}
    for table in personal:
        columns = {c["name"] for c in inspect(db.engine).get_columns(table)}
        assert "user_id" in columns, table


def test_reopening_keeps_the_schema_and_the_data(fresh_url):
    with open_database(fresh_url) as db, db.transaction() as tx:
        user_id = tx.ensure_user("ann")
    with open_database(fresh_url) as db:
        assert revision(db) == HEAD_REVISION
        with db.transaction() as tx:
            assert tx.ensure_user("ann") == user_id


def test_migrations_match_the_models(db):
    with db.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), metadata) == []


def test_downgrade_to_base_drops_every_table_and_reopening_recreates_them(fresh_url):
    with open_database(fresh_url) as db:
        config = alembic_config()
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
        assert set(inspect(db.engine).get_table_names()) == {"alembic_version"}
    with open_database(fresh_url) as db:
        assert set(inspect(db.engine).get_table_names()) == TABLES


def test_an_up_to_date_database_opens_without_importing_alembic(db, fresh_url):
    code = (
        "import sys\n"
        "from restday.store.db import open_database\n"
        f"open_database({fresh_url!r}).close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_store_works_without_importing_the_orm(db, fresh_url):
    code = (
        "import sys\n"
        "from datetime import UTC, datetime\n"
        "from restday.domain import Session, SessionKind\n"
        "from restday.store.db import open_database\n"
        f"with open_database({fresh_url!r}) as db, db.transaction() as tx:\n"
        "    me = tx.ensure_user()\n"
        "    start = datetime(2026, 11, 23, tzinfo=UTC)\n"
        "    tx.add_sessions(me, [(Session(SessionKind.ENDURANCE, start, 30), [], 'gpx', 'a')])\n"
        "    tx.sessions_between(me, None, None), tx.checkins_between(me, None, None)\n"
        "print(sorted(m for m in sys.modules if m.startswith('sqlalchemy.orm')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_sqlite_enforces_foreign_keys(tmp_path):
    with open_database(f"sqlite:///{tmp_path / 'fk.db'}") as db, db.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_database_from_a_newer_restday_is_refused(fresh_url):
    with open_database(fresh_url) as db, db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError) as error:
        open_database(fresh_url)
    message = str(error.value)
    assert message.startswith("Cannot migrate database ")
    assert "from schema revision 9999" in message
    assert "newer version of restday" in message
    assert "\n" not in message


def test_an_unreachable_server_is_one_line_without_the_password():
    url = "postgresql+psycopg://bob:hunter2@127.0.0.1:1/nowhere"
    with pytest.raises(StoreError) as error:
        open_database(url)
    message = str(error.value)
    assert message.startswith(
        "Cannot open database postgresql+psycopg://bob:***@127.0.0.1:1/nowhere: "
    )
    assert "hunter2" not in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("not a url", "Cannot open database not a url: Could not parse SQLAlchemy URL"),
        ("nosuchdb://x", "Cannot open database nosuchdb://x: Can't load plugin"),
    ],
)
def test_a_bad_url_is_a_store_error(url, expected):
    with pytest.raises(StoreError, match=f"^{expected}"):
        open_database(url)


def test_a_sqlite_file_in_a_missing_folder_is_a_store_error(tmp_path):
    url = f"sqlite:///{tmp_path / 'missing' / 'restday.db'}"
    with pytest.raises(StoreError) as error:
        open_database(url)
    assert str(error.value) == f"Cannot open database {url}: unable to open database file"


def test_explicit_url_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("RESTDAY_DATABASE_URL", "sqlite:///from-env.db")
    assert database_url("sqlite:///explicit.db") == "sqlite:///explicit.db"
    assert database_url(None) == "sqlite:///from-env.db"


def test_default_url_is_a_file_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("RESTDAY_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folder = tmp_path / "data" / "restday"
    assert database_url(None) == default_database_url() == f"sqlite:///{folder / 'restday.db'}"
    assert folder.is_dir()


def test_the_default_url_opens(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with open_database(default_database_url()):
        pass
    assert Path(tmp_path / "data" / "restday" / "restday.db").is_file()


def test_ddl_is_transactional_so_a_failed_migration_leaves_nothing(db):
    with pytest.raises(RuntimeError), db.engine.begin() as connection:
        connection.execute(text("CREATE TABLE half_made (id INTEGER)"))
        raise RuntimeError("migration failed")
    assert "half_made" not in inspect(db.engine).get_table_names()


def test_a_database_failure_in_a_transaction_is_a_store_error(tmp_path):
    url = f"sqlite:///{tmp_path / 'restday.db'}"
    with open_database(url) as db:
        with pytest.raises(StoreError) as error, db.transaction() as tx:
            tx.connection.execute(text("SELECT * FROM no_such_table"))
        assert str(error.value) == f"Database error on {url}: no such table: no_such_table"
