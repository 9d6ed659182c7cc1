"""Check-ins say where they came from, as sessions do (the demo history's are "demo").

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

Hand-written. One NOT NULL column with a constant default, which SQLite's ALTER TABLE ADD COLUMN
adds in place; existing check-ins get source "cli". Downgrading uses ALTER TABLE DROP COLUMN
(SQLite 3.35 or newer).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the check-in's source."""
    op.add_column(
        "checkins", sa.Column("source", sa.String(32), nullable=False, server_default="cli")
    )


def downgrade() -> None:
    """Drop it again."""
    op.drop_column("checkins", "source")
