"""governing documents: the register, each with its owner, decision and next revision

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

CURRENT = sa.text("superseded_by IS NULL")
SUPERSEDED = sa.text("superseded_by IS NOT NULL")


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("origin_batch_id", sa.Integer(), nullable=False),
        sa.Column("superseded_by", sa.Integer(), nullable=True),
        sa.Column("source_row", sa.Integer(), nullable=True),
        sa.Column("scope_key", sa.String(length=300), nullable=False),
        sa.Column("document_id", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=True),
        sa.Column("owner_unit", sa.String(length=64), nullable=False),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("decided_date", sa.Date(), nullable=True),
        sa.Column("revision_owner", sa.String(length=200), nullable=True),
        sa.Column("next_revision", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(["batch_id"], ["import_batches.id"], name=op.f("fk_documents_batch_id_import_batches")),
        sa.ForeignKeyConstraint(
            ["origin_batch_id"],
            ["import_batches.id"],
            name=op.f("fk_documents_origin_batch_id_import_batches"),
        ),
        sa.ForeignKeyConstraint(
            ["superseded_by"], ["import_batches.id"], name=op.f("fk_documents_superseded_by_import_batches")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )
    op.create_index(
        "ix_documents_current_scope",
        "documents",
        ["scope_key", "batch_id"],
        sqlite_where=CURRENT,
        postgresql_where=CURRENT,
    )
    op.create_index("ix_documents_batch_id", "documents", ["batch_id"])
    op.create_index(
        "ix_documents_superseded",
        "documents",
        ["superseded_by"],
        sqlite_where=SUPERSEDED,
        postgresql_where=SUPERSEDED,
    )


def downgrade() -> None:
    op.drop_table("documents")
