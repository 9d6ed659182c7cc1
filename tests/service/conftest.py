"""Service tests run on a temp SQLite file and on the test PostgreSQL server, like the store's."""

from sqlalchemy import select

from restday.store.models import metadata
from tests.store.conftest import db, fresh_url

__all__ = ["db", "fresh_url", "snapshot"]


def snapshot(database) -> dict[str, list[tuple]]:
    """Every row of every table, to compare before and after a refused request."""
    with database.engine.connect() as connection:
        return {
            table.name: [
                tuple(row)
                for row in connection.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in metadata.sorted_tables
        }
