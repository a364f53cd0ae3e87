"""Utforska's groupings of the incidents read an index in their own order: the incident counts by month, by
category, and by severity with every column

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

CURRENT = sa.text("superseded_by IS NULL")
INDEXES = {
    "ix_incident_counts_current_severity": [
        "severity",
        "year",
        "month",
        "unit",
        "category",
        "reported_to_authority",
        "incidents",
    ],
    "ix_incident_counts_current_month": [
        "month",
        "unit",
        "severity",
        "category",
        "reported_to_authority",
        "incidents",
        "rows",
    ],
    "ix_incident_counts_current_category": [
        "category",
        "year",
        "month",
        "unit",
        "severity",
        "reported_to_authority",
        "incidents",
    ],
}


def upgrade() -> None:
    op.drop_index("ix_incident_counts_current_severity", table_name="incident_counts")
    for name, columns in INDEXES.items():
        op.create_index(name, "incident_counts", columns, sqlite_where=CURRENT, postgresql_where=CURRENT)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="incident_counts")
    op.create_index(
        "ix_incident_counts_current_severity",
        "incident_counts",
        ["severity", "year", "incidents"],
        sqlite_where=CURRENT,
        postgresql_where=CURRENT,
    )
