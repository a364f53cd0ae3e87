"""follow-up across the organisation: information classification, maturity levels, survey answers and
accessibility reviews

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

CURRENT = sa.text("superseded_by IS NULL")
SUPERSEDED = sa.text("superseded_by IS NOT NULL")
TABLES = ("classifications", "maturity", "survey_results", "accessibility_reviews")


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
        "classifications",
        sa.Column("unit", sa.String(length=64), nullable=False),
        sa.Column("system", sa.String(length=200), nullable=False),
        sa.Column("classified_date", sa.Date(), nullable=True),
        sa.Column("risk_analysis_date", sa.Date(), nullable=True),
        sa.Column("measures_followed_up_date", sa.Date(), nullable=True),
    )
    _history_table(
        "maturity",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=64), nullable=False),
        sa.Column("model", sa.String(length=64), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
    )
    _history_table(
        "survey_results",
        sa.Column("survey", sa.String(length=64), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=64), nullable=False),
        sa.Column("question", sa.String(length=500), nullable=False),
        sa.Column("answer", sa.String(length=100), nullable=False),
        sa.Column("respondents", sa.Integer(), nullable=False),
    )
    _history_table(
        "accessibility_reviews",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("unit", sa.String(length=64), nullable=False),
        sa.Column("service", sa.String(length=200), nullable=False),
        sa.Column("criteria_tested", sa.Integer(), nullable=False),
        sa.Column("criteria_failed", sa.Integer(), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=True),
        sa.Column("videos_reviewed", sa.Integer(), nullable=True),
        sa.Column("videos_deficient", sa.Integer(), nullable=True),
    )


def downgrade() -> None:
    for name in reversed(TABLES):
        op.drop_table(name)
