"""meeting records: what a board was shown, read as of a batch; the database refuses to change one

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meeting_records",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("body", sa.String(length=64), nullable=False),
        sa.Column("meeting_date", sa.Date(), nullable=False),
        sa.Column("item", sa.String(length=40), nullable=False),
        sa.Column("quarter", sa.String(length=7), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("created_by", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("config_sha256", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_records")),
    )
    op.create_index(op.f("ix_meeting_records_body_meeting_date"), "meeting_records", ["body", "meeting_date"])
    # A record is what the board was shown: the database itself refuses to change or remove one.
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION meeting_records_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION 'ett mötesprotokoll ändras aldrig'; END $$"
        )
        op.execute(
            "CREATE TRIGGER meeting_records_unchanged BEFORE UPDATE OR DELETE ON meeting_records "
            "FOR EACH ROW EXECUTE FUNCTION meeting_records_unchanged()"
        )
    else:
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER meeting_records_no_{action.lower()} BEFORE {action} ON meeting_records "
                "BEGIN SELECT RAISE(ABORT, 'ett mötesprotokoll ändras aldrig'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER meeting_records_unchanged ON meeting_records")
        op.execute("DROP FUNCTION meeting_records_unchanged()")
    op.drop_index(op.f("ix_meeting_records_body_meeting_date"), table_name="meeting_records")
    op.drop_table("meeting_records")
