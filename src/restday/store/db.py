"""Where the database is, opening it, and one transaction per command.

Opening checks the schema revision with plain SQLAlchemy against `HEAD_REVISION`; Alembic is
imported only when the schema is missing or behind, which keeps start-up fast.

Writers take turns. On SQLite a writing transaction begins with BEGIN IMMEDIATE, which waits (up
to the busy timeout) for the file's write lock, so a transaction that reads and then writes never
has to upgrade a read lock, which SQLite refuses at once with "database is locked". On PostgreSQL a
writing transaction holds an advisory lock on each user it asks about (`Repository.ensure_user`,
`Repository.known_fingerprints`) and a migration one on the schema, each until the transaction ends.
Reading transactions (`Database.reading`) take no lock; on PostgreSQL they are READ ONLY.
"""

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import URL, Connection, Engine, ExceptionContext, make_url
from sqlalchemy.exc import SQLAlchemyError, StatementError

from restday.errors import StoreError

if TYPE_CHECKING:
    from restday.store.repo import Repository

__all__ = [
    "ADVISORY_LOCK_SPACE",
    "ENV_VAR",
    "HEAD_REVISION",
    "SCHEMA_LOCK",
    "Database",
    "begin",
    "database_url",
    "default_database_url",
    "hold_advisory_lock",
    "open_database",
]

HEAD_REVISION = "0005"
"""The newest migration in `migrations/versions`; a test keeps it equal to Alembic's head."""

ENV_VAR = "RESTDAY_DATABASE_URL"
# How long a writer waits for another (a large import in the web app, twenty commands at once).
SQLITE_BUSY_TIMEOUT_S = 30.0

WRITING_OPTION = "restday_writing"
"""Connection execution option read when a transaction begins: True takes SQLite's write lock."""

ADVISORY_LOCK_SPACE = 0x52455354
"""First key of restday's PostgreSQL advisory locks ("REST"); the second: a user id or SCHEMA_LOCK."""

SCHEMA_LOCK = 0
"""Second advisory lock key of a migration: no user has id 0."""


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
        """A writing transaction: other writers (of the file on SQLite, of its user on PostgreSQL) wait for it."""
        with self._repository(writing=True) as repository:
            yield repository

    @contextmanager
    def reading(self) -> Iterator["Repository"]:
        """A read-only transaction: it takes no write lock, and must not write."""
        with self._repository(writing=False) as repository:
            yield repository

    @contextmanager
    def _repository(self, *, writing: bool) -> Iterator["Repository"]:
        """A repository in one transaction, committed on success; database failures raise StoreError."""
        from restday.store.repo import Repository

        try:
            with begin(self.engine, writing=writing) as connection:
                yield Repository(connection, writing=writing)
        except SQLAlchemyError as exc:
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


@contextmanager
def begin(engine: Engine, *, writing: bool) -> Iterator[Connection]:
    """A connection in a transaction, committed on success; a writing one holds SQLite's write lock."""
    with engine.connect() as connection:
        connection.execution_options(**{WRITING_OPTION: writing})
        with connection.begin():
            if not writing and connection.dialect.name == "postgresql":
                connection.exec_driver_sql("SET TRANSACTION READ ONLY")
            yield connection


def hold_advisory_lock(connection: Connection, key: int) -> None:
    """On PostgreSQL, wait for restday's advisory lock `key` and hold it until the transaction ends."""
    if connection.dialect.name == "postgresql":
        connection.execute(
            text("SELECT pg_advisory_xact_lock(CAST(:space AS integer), CAST(:key AS integer))"),
            {"space": ADVISORY_LOCK_SPACE, "key": key},
        )


def _engine(url: str) -> Engine:
    """An engine for `url`; SQLite gets foreign keys, a busy timeout and real transactions."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        engine = create_engine(parsed, pool_pre_ping=True)
    else:
        engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    event.listen(engine, "handle_error", _driver_overflow)
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: object) -> None:
    """Turn on foreign keys and leave transaction control to SQLAlchemy (see `_sqlite_begin`)."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    """Begin a real transaction (reads, writes and DDL commit together); a writing one locks at once."""
    writing = connection.get_execution_options().get(WRITING_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def _driver_overflow(context: ExceptionContext) -> StatementError | None:
    """The driver's OverflowError for a statement (an int too large for SQLite) as a SQLAlchemy error."""
    error = context.original_exception
    if not isinstance(error, OverflowError):
        return None
    return StatementError(str(error), context.statement, context.parameters, error)


def safe_url(url: str) -> str:
    """The URL with its password replaced by ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except SQLAlchemyError:
        return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)


def reason(exc: BaseException) -> str:
    """The first line of what the database driver (or SQLAlchemy) said went wrong."""
    cause: BaseException = exc.orig if isinstance(exc, StatementError) and exc.orig else exc
    lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
    return lines[0] if lines else type(cause).__name__
