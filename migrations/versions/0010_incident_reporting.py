"""incidents: when each was detected, whether it is significant under the Cybersecurity Act, and when
it was reported (early warning, notification, final report, IMY)

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

MOMENTS = ("detected_at", "early_warning_at", "notification_at", "final_report_at", "imy_reported_at")


def upgrade() -> None:
    with op.batch_alter_table("incidents") as table:
        table.add_column(sa.Column("detected_at", sa.DateTime(), nullable=True))
        table.add_column(sa.Column("significant", sa.Boolean(), nullable=True))
        for name in MOMENTS[1:]:
            table.add_column(sa.Column(name, sa.DateTime(), nullable=True))
    op.create_index(
        "ix_incidents_detected",
        "incidents",
        ["detected_at"],
        sqlite_where=sa.text("detected_at IS NOT NULL"),
        postgresql_where=sa.text("detected_at IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_incidents_detected", table_name="incidents")
    with op.batch_alter_table("incidents") as table:
        for name in (*MOMENTS, "significant"):
            table.drop_column(name)
