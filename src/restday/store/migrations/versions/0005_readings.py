"""Readings: what a watch, ring or app measured, kept apart from the person's check-ins.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02

Hand-written: one new table, with the names the models' naming convention gives; plain SQLAlchemy
types (not the models' UTCDateTime) so that it never changes when the models do.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Create the readings table."""
    op.create_table(
        "readings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("measure", sa.String(32), nullable=False),
        sa.Column("at", TIMESTAMP, nullable=False),
        sa.Column("utc_offset_min", sa.Integer(), nullable=False),
        sa.Column("start_at", TIMESTAMP, nullable=True),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("source", sa.String(32), nullable=False),
        sa.Column("method", sa.String(100), nullable=False),
        sa.Column("format", sa.String(32), nullable=False),
        sa.Column("key", sa.String(128), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_readings_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_readings"),
        sa.UniqueConstraint("user_id", "key", name="uq_readings_user_id_key"),
    )
    op.create_index("ix_readings_user_id_measure_at", "readings", ["user_id", "measure", "at"])


def downgrade() -> None:
    """Drop it again."""
    op.drop_index("ix_readings_user_id_measure_at", table_name="readings")
    op.drop_table("readings")
