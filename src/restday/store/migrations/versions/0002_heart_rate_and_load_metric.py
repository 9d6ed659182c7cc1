"""Heart rate on sessions; resting and maximum heart rate and the load metric on profiles.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

Hand-written. Only nullable columns and one NOT NULL column with a constant default are added,
which SQLite's ALTER TABLE ADD COLUMN does in place (no batch table copy, so existing rows and
the foreign keys pointing at `sessions` are untouched); existing profiles get load_metric "srpe".
Downgrading uses ALTER TABLE DROP COLUMN, which needs SQLite 3.35 or newer.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SESSION_COLUMNS = ("avg_hr_bpm", "max_hr_bpm")
PROFILE_COLUMNS = ("resting_hr_bpm", "max_hr_bpm")


def upgrade() -> None:
    """Add the heart-rate columns and the profile's load metric."""
    for name in SESSION_COLUMNS:
        op.add_column("sessions", sa.Column(name, sa.Float(), nullable=True))
    for name in PROFILE_COLUMNS:
        op.add_column("profiles", sa.Column(name, sa.Float(), nullable=True))
    op.add_column(
        "profiles",
        sa.Column("load_metric", sa.String(16), nullable=False, server_default="srpe"),
    )


def downgrade() -> None:
    """Drop the columns again."""
    op.drop_column("profiles", "load_metric")
    for name in reversed(PROFILE_COLUMNS):
        op.drop_column("profiles", name)
    for name in reversed(SESSION_COLUMNS):
        op.drop_column("sessions", name)
