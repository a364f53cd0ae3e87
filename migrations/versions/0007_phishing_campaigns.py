"""phishing campaigns: each simulation's recipients, clicks, reports and duration, per unit

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

CURRENT = sa.text("superseded_by IS NULL")
SUPERSEDED = sa.text("superseded_by IS NOT NULL")


def upgrade() -> None:
    op.create_table(
        "phishing_campaigns",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("origin_batch_id", sa.Integer(), nullable=False),
        sa.Column("superseded_by", sa.Integer(), nullable=True),
        sa.Column("source_row", sa.Integer(), nullable=True),
        sa.Column("scope_key", sa.String(length=300), nullable=False),
        sa.Column("campaign", sa.String(length=100), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("unit", sa.String(length=64), nullable=False),
        sa.Column("planned_hours", sa.Float(), nullable=True),
        sa.Column("actual_hours", sa.Float(), nullable=True),
        sa.Column("recipients", sa.Integer(), nullable=False),
        sa.Column("clicked", sa.Integer(), nullable=False),
        sa.Column("reported", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["import_batches.id"], name=op.f("fk_phishing_campaigns_batch_id_import_batches")
        ),
        sa.ForeignKeyConstraint(
            ["origin_batch_id"],
            ["import_batches.id"],
            name=op.f("fk_phishing_campaigns_origin_batch_id_import_batches"),
        ),
        sa.ForeignKeyConstraint(
            ["superseded_by"], ["import_batches.id"], name=op.f("fk_phishing_campaigns_superseded_by_import_batches")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phishing_campaigns")),
    )
    op.create_index(
        "ix_phishing_campaigns_current_scope",
        "phishing_campaigns",
        ["scope_key", "batch_id"],
        sqlite_where=CURRENT,
        postgresql_where=CURRENT,
    )
    op.create_index("ix_phishing_campaigns_batch_id", "phishing_campaigns", ["batch_id"])
    op.create_index(
        "ix_phishing_campaigns_superseded",
        "phishing_campaigns",
        ["superseded_by"],
        sqlite_where=SUPERSEDED,
        postgresql_where=SUPERSEDED,
    )


def downgrade() -> None:
    op.drop_table("phishing_campaigns")
