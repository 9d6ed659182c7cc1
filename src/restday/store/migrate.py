"""Alembic, run from code: the configuration and the upgrade that `open_database` calls.

Imported only when a schema is missing or behind, because Alembic is slow to import. To write a
new migration, autogenerate it against an up-to-date database and review it::

    from alembic import command
    from restday.store.migrate import alembic_config
    command.revision(alembic_config("sqlite:///dev.db"), "what changed", autogenerate=True)

then raise `HEAD_REVISION` in db.py to the new revision id.
"""

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy.engine import Engine

from restday.errors import StoreError
from restday.store.db import SCHEMA_LOCK, begin, hold_advisory_lock

__all__ = ["MIGRATIONS", "alembic_config", "head_revision", "upgrade"]

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(url: str | None = None) -> Config:
    """An Alembic configuration pointing at the package's migrations (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str:
    """The newest revision among the migration scripts."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise StoreError(f"No migrations found in {MIGRATIONS}")
    return head


def upgrade(engine: Engine, current: str | None) -> None:
    """Migrate the database from revision `current` (None: empty) to head, in one locked transaction."""
    config = alembic_config()
    try:
        # A second process opening the same database at the same time waits for the lock (SQLite's
        # write lock, a PostgreSQL advisory lock); Alembic then reads the revision inside it, finds
        # head and runs nothing. env.py migrates on this connection, in this transaction.
        with begin(engine, writing=True) as connection:
            hold_advisory_lock(connection, SCHEMA_LOCK)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except CommandError as exc:
        url = engine.url.render_as_string(hide_password=True)
        raise StoreError(
            f"Cannot migrate database {url} from schema revision {current}: {exc}; "
            "is it from a newer version of restday?"
        ) from exc
