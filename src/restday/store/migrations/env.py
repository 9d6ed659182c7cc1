"""Alembic environment: migrate the connection handed over in `config.attributes`, or a URL."""

from alembic import context
from sqlalchemy import Connection, create_engine

from restday.store.models import metadata

config = context.config
target_metadata = metadata


def run(connection: Connection) -> None:
    """Run the migrations on one connection (batch mode on SQLite, which cannot ALTER much)."""
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_offline() -> None:
    """Print the SQL for `sqlalchemy.url`'s dialect instead of running it."""
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_offline()
elif (given := config.attributes.get("connection")) is not None:
    run(given)
else:
    url = config.get_main_option("sqlalchemy.url")
    if url is None:
        raise ValueError("give a connection in config.attributes or set sqlalchemy.url")
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            run(connection)
    finally:
        engine.dispose()
