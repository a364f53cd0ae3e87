"""the critical incidents found by unit; the critical incidents per year and a body's incidents read from
their own cells

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

CRITICAL = sa.text("superseded_by IS NULL AND severity = 'critical'")
CURRENT = sa.text("superseded_by IS NULL")


def upgrade() -> None:
    op.drop_index("ix_incidents_current_critical", table_name="incidents")
    op.create_index(
        "ix_incidents_current_critical",
        "incidents",
        ["unit", "date"],
        sqlite_where=CRITICAL,
        postgresql_where=CRITICAL,
    )
    op.create_index(
        "ix_incident_counts_current_severity",
        "incident_counts",
        ["severity", "year", "incidents"],
        sqlite_where=CURRENT,
        postgresql_where=CURRENT,
    )
    op.create_index(
        "ix_incident_counts_current_unit",
        "incident_counts",
        ["unit", "year", "month", "severity", "category", "reported_to_authority", "incidents"],
        sqlite_where=CURRENT,
        postgresql_where=CURRENT,
    )


def downgrade() -> None:
    op.drop_index("ix_incident_counts_current_unit", table_name="incident_counts")
    op.drop_index("ix_incident_counts_current_severity", table_name="incident_counts")
    op.drop_index("ix_incidents_current_critical", table_name="incidents")
    op.create_index(
        "ix_incidents_current_critical", "incidents", ["date"], sqlite_where=CRITICAL, postgresql_where=CRITICAL
    )
