"""the risk register: each risk's assessments by likelihood and consequence, its owner and treatment

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

CURRENT = sa.text("superseded_by IS NULL")
SUPERSEDED = sa.text("superseded_by IS NOT NULL")


def _history_table(name: str, *columns: sa.Column) -> None:
    """A dataset's table with the history columns every import writes, and its three indexes."""
    op.create_table(
        name,
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("origin_batch_id", sa.Integer(), nullable=False),
        sa.Column("superseded_by", sa.Integer(), nullable=True),
        sa.Column("source_row", sa.Integer(), nullable=True),
        sa.Column("scope_key", sa.String(length=300), nullable=False),
        *columns,
        sa.ForeignKeyConstraint(["batch_id"], ["import_batches.id"], name=op.f(f"fk_{name}_batch_id_import_batches")),
        sa.ForeignKeyConstraint(
            ["origin_batch_id"], ["import_batches.id"], name=op.f(f"fk_{name}_origin_batch_id_import_batches")
        ),
        sa.ForeignKeyConstraint(
            ["superseded_by"], ["import_batches.id"], name=op.f(f"fk_{name}_superseded_by_import_batches")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )
    op.create_index(
        f"ix_{name}_current_scope", name, ["scope_key", "batch_id"], sqlite_where=CURRENT, postgresql_where=CURRENT
    )
    op.create_index(f"ix_{name}_batch_id", name, ["batch_id"])
    op.create_index(
        f"ix_{name}_superseded", name, ["superseded_by"], sqlite_where=SUPERSEDED, postgresql_where=SUPERSEDED
    )


def upgrade() -> None:
    _history_table(
        "risks",
        sa.Column("risk_id", sa.String(length=100), nullable=False),
        sa.Column("unit", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("assessed_date", sa.Date(), nullable=False),
        sa.Column("likelihood", sa.Integer(), nullable=False),
        sa.Column("consequence", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=True),
        sa.Column("treatment", sa.Text(), nullable=True),
        sa.Column("treatment_status", sa.String(length=16), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("risks")
