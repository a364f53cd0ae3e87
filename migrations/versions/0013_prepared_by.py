"""a meeting record names who prepared it: the cover of the board pack says so

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN on both databases: the record's triggers stay, and no row is rewritten.
    op.add_column("meeting_records", sa.Column("prepared_by", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("meeting_records") as table:
        table.drop_column("prepared_by")
