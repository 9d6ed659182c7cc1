"""Where the database is, opening it, and one transaction per command.

Opening checks the schema revision with plain SQLAlchemy against `HEAD_REVISION`; Alembic is
imported only when the schema is missing or behind, which keeps start-up fast.
"""

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError

from restday.errors import StoreError

if TYPE_CHECKING:
    from restday.store.repo import Repository

__all__ = [
    "ENV_VAR",
    "HEAD_REVISION",
    "Database",
    "database_url",
    "default_database_url",
    "open_database",
]

HEAD_REVISION = "0003"
"""The newest migration in `migrations/versions`; a test keeps it equal to Alembic's head."""

ENV_VAR = "RESTDAY_DATABASE_URL"
SQLITE_BUSY_TIMEOUT_S = 10.0


def default_database_url() -> str:
    """A SQLite file `restday.db` in the user's data directory (created if missing)."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("restday", appauthor=False))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"Cannot create the data directory {folder}: {exc.strerror}") from None
    return URL.create("sqlite", database=str(folder / "restday.db")).render_as_string()


def database_url(explicit: str | None = None) -> str:
    """The URL given, else $RESTDAY_DATABASE_URL, else the default SQLite file."""
    return explicit or os.environ.get(ENV_VAR) or default_database_url()


def open_database(url: str) -> "Database":
    """Connect to `url` and bring its schema up to date; failures raise StoreError."""
    engine = None
    try:
        engine = _engine(url)
        with engine.connect() as connection:
            revision = schema_revision(connection)
        if revision != HEAD_REVISION:
            from restday.store.migrate import upgrade

            upgrade(engine, revision)
    except (SQLAlchemyError, ImportError) as exc:
        if engine is not None:
            engine.dispose()
        raise StoreError(f"Cannot open database {safe_url(url)}: {reason(exc)}") from exc
    except StoreError:
        if engine is not None:
            engine.dispose()
        raise
    return Database(engine)


def schema_revision(connection: Connection) -> str | None:
    """The Alembic revision the database is at, or None when it has no schema yet."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    revision: str | None = connection.scalar(text("SELECT version_num FROM alembic_version"))
    return revision


class Database:
    """An open database: hands out transactions, each bound to one connection."""

    def __init__(self, engine: Engine) -> None:
        """Wrap an engine whose schema is up to date."""
        self.engine = engine

    @property
    def url(self) -> str:
        """The database URL with any password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator["Repository"]:
        """A repository on one connection in one transaction: committed on success, else rolled back."""
        from restday.store.repo import Repository

        try:
            with self.engine.begin() as connection:
                yield Repository(connection)
        except OperationalError as exc:
            raise StoreError(f"Database error on {self.url}: {reason(exc)}") from exc

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    def __enter__(self) -> "Database":
        """Use the database in a `with` block that closes it."""
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Close the database."""
        self.close()


def _engine(url: str) -> Engine:
    """An engine for `url`; SQLite gets foreign keys, a busy timeout and real transactions."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed, pool_pre_ping=True)
    engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: object) -> None:
    """Turn on foreign keys and leave transaction control to SQLAlchemy (see `_sqlite_begin`)."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    """Begin a real transaction, so that reads, writes and DDL all commit or roll back together."""
    connection.exec_driver_sql("BEGIN")


def safe_url(url: str) -> str:
    """The URL with its password replaced by ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except SQLAlchemyError:
        return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)


def reason(exc: BaseException) -> str:
    """The first line of what the database driver (or SQLAlchemy) said went wrong."""
    cause: BaseException = exc.orig if isinstance(exc, DBAPIError) and exc.orig else exc
    lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
    return lines[0] if lines else type(cause).__name__
