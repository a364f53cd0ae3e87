"""incident counts and the indexes the board views need at a million incidents

Revision ID: 0003
Revises: 0002

The cells of `incident_counts` are filled from the incident rows already in the store, batch by batch,
so reads as of an earlier batch give the same sums as the rows did.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

RowId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
CURRENT = sa.text("superseded_by IS NULL")
SUPERSEDED = sa.text("superseded_by IS NOT NULL")
CRITICAL = sa.text("superseded_by IS NULL AND severity = 'critical'")
TABLES = ("status", "kpis", "incidents", "recommendations", "recommendation_updates", "self_assessments")


def upgrade() -> None:
    op.create_table(
        "incident_counts",
        sa.Column("id", RowId, autoincrement=True, nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("superseded_by", sa.Integer(), nullable=True),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=64), nullable=False),
        sa.Column("severity", sa.String(length=10), nullable=False),
        sa.Column("category", sa.String(length=24), nullable=False),
        sa.Column("reported_to_authority", sa.Boolean(), nullable=True),
        sa.Column("incidents", sa.BigInteger(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["import_batches.id"], name=op.f("fk_incident_counts_batch_id_import_batches")
        ),
        sa.ForeignKeyConstraint(
            ["superseded_by"], ["import_batches.id"], name=op.f("fk_incident_counts_superseded_by_import_batches")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_counts")),
    )
    op.create_index(
        "ix_incident_counts_current",
        "incident_counts",
        ["year", "month", "unit", "severity", "category", "reported_to_authority", "incidents"],
        sqlite_where=CURRENT,
        postgresql_where=CURRENT,
    )
    op.create_index("ix_incident_counts_batch_id", "incident_counts", ["batch_id"])
    op.create_index(
        "ix_incident_counts_superseded",
        "incident_counts",
        ["superseded_by"],
        sqlite_where=SUPERSEDED,
        postgresql_where=SUPERSEDED,
    )
    op.create_index(
        "ix_incidents_current_critical",
        "incidents",
        ["date"],
        sqlite_where=CRITICAL,
        postgresql_where=CRITICAL,
    )
    # Current rows are never looked up by `superseded_by`; leaving them out of its index halves the
    # cost of inserting a million rows.
    for table in TABLES:
        op.drop_index(f"ix_{table}_current_scope", table_name=table)
        op.create_index(
            f"ix_{table}_current_scope",
            table,
            ["scope_key", "batch_id"],
            sqlite_where=CURRENT,
            postgresql_where=CURRENT,
        )
        op.drop_index(f"ix_{table}_superseded_by", table_name=table)
        op.create_index(
            f"ix_{table}_superseded", table, ["superseded_by"], sqlite_where=SUPERSEDED, postgresql_where=SUPERSEDED
        )
    op.create_index(
        "ix_self_assessments_current_ratings",
        "self_assessments",
        ["assessment", "year", "unit", "statement", "rating"],
        sqlite_where=CURRENT,
        postgresql_where=CURRENT,
    )
    op.create_index(
        "ix_status_current_unit", "status", ["unit", "period"], sqlite_where=CURRENT, postgresql_where=CURRENT
    )

    # Replays the batches through the app's own bookkeeping (it reads only the columns this revision has).
    from domain.datasets import DATASETS
    from store.counts import rebuild_counts

    rebuild_counts(op.get_bind(), DATASETS["incidents"])


def downgrade() -> None:
    op.drop_index("ix_status_current_unit", table_name="status")
    op.drop_index("ix_self_assessments_current_ratings", table_name="self_assessments")
    for table in TABLES:
        op.drop_index(f"ix_{table}_current_scope", table_name=table)
        op.create_index(
            f"ix_{table}_current_scope", table, ["scope_key"], sqlite_where=CURRENT, postgresql_where=CURRENT
        )
        op.drop_index(f"ix_{table}_superseded", table_name=table)
        op.create_index(f"ix_{table}_superseded_by", table, ["superseded_by"])
    op.drop_index("ix_incidents_current_critical", table_name="incidents")
    op.drop_table("incident_counts")
