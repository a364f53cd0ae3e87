"""security training: per period, unit, audience and course, how many of how many completed it

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

CURRENT = sa.text("superseded_by IS NULL")
SUPERSEDED = sa.text("superseded_by IS NOT NULL")


def upgrade() -> None:
    op.create_table(
        "training",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("origin_batch_id", sa.Integer(), nullable=False),
        sa.Column("superseded_by", sa.Integer(), nullable=True),
        sa.Column("source_row", sa.Integer(), nullable=True),
        sa.Column("scope_key", sa.String(length=300), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=64), nullable=False),
        sa.Column("audience", sa.String(length=16), nullable=False),
        sa.Column("course", sa.String(length=200), nullable=False),
        sa.Column("population", sa.Integer(), nullable=False),
        sa.Column("completed", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batches.id"], name=op.f("fk_training_batch_id_import_batches")),
        sa.ForeignKeyConstraint(
            ["origin_batch_id"],
            ["import_batches.id"],
            name=op.f("fk_training_origin_batch_id_import_batches"),
        ),
        sa.ForeignKeyConstraint(
            ["superseded_by"], ["import_batches.id"], name=op.f("fk_training_superseded_by_import_batches")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training")),
    )
    op.create_index(
        "ix_training_current_scope",
        "training",
        ["scope_key", "batch_id"],
        sqlite_where=CURRENT,
        postgresql_where=CURRENT,
    )
    op.create_index("ix_training_batch_id", "training", ["batch_id"])
    op.create_index(
        "ix_training_superseded",
        "training",
        ["superseded_by"],
        sqlite_where=SUPERSEDED,
        postgresql_where=SUPERSEDED,
    )


def downgrade() -> None:
    op.drop_table("training")
