"""The store: SQLAlchemy Core tables, the repository over them, and the Alembic migrations.

Import `restday.store.db` to open a database and `restday.store.repo` for the repository; this
package imports nothing itself so that opening a database stays cheap. Nothing in the store
imports `sqlalchemy.orm`, which would add ~40 ms to every command's start-up.
"""
