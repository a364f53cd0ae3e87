"""a read-only link may be bound to a meeting record: the auditor sees what that board was shown

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("read_only_links") as table:
        table.add_column(sa.Column("meeting_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("read_only_links") as table:
        table.drop_column("meeting_id")
