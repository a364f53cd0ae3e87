"""Every row belongs to an organisation and an account has one role per organisation it may see: the
column on every table that holds an organisation's rows (the rows stored so far belong to the default
organisation, `standard`), the indexes led by it, the accounts' roles in their own table, and on
PostgreSQL row-level security on each of those tables, forced for the tables' owner too, so a connection
sees only the organisation it names in `app.organisation` (`*`: administration).

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

TABLES = (
    "access_log",
    "import_batches",
    "meeting_records",
    "read_only_links",
    "accessibility_reviews",
    "classifications",
    "documents",
    "incident_counts",
    "incidents",
    "kpis",
    "maturity",
    "measures",
    "phishing_campaigns",
    "recommendation_updates",
    "recommendations",
    "risks",
    "self_assessments",
    "status",
    "survey_results",
    "training",
)
# (table, index, its columns after the organisation, partial index condition); each existed without the
# organisation except the batches' own.
INDEXES = (
    ("import_batches", "ix_import_batches_organisation_id", ["id"], None),
    (
        "accessibility_reviews",
        "ix_accessibility_reviews_current_scope",
        ["scope_key", "batch_id"],
        "superseded_by IS NULL",
    ),
    ("classifications", "ix_classifications_current_scope", ["scope_key", "batch_id"], "superseded_by IS NULL"),
    ("documents", "ix_documents_current_scope", ["scope_key", "batch_id"], "superseded_by IS NULL"),
    (
        "incident_counts",
        "ix_incident_counts_current",
        ["year", "month", "unit", "severity", "category", "reported_to_authority", "incidents"],
        "superseded_by IS NULL",
    ),
    (
        "incident_counts",
        "ix_incident_counts_current_category",
        ["category", "year", "month", "unit", "severity", "reported_to_authority", "incidents"],
        "superseded_by IS NULL",
    ),
    (
        "incident_counts",
        "ix_incident_counts_current_month",
        ["month", "unit", "severity", "category", "reported_to_authority", "incidents", "rows"],
        "superseded_by IS NULL",
    ),
    (
        "incident_counts",
        "ix_incident_counts_current_severity",
        ["severity", "year", "month", "unit", "category", "reported_to_authority", "incidents"],
        "superseded_by IS NULL",
    ),
    (
        "incident_counts",
        "ix_incident_counts_current_unit",
        ["unit", "year", "month", "severity", "category", "reported_to_authority", "incidents"],
        "superseded_by IS NULL",
    ),
    ("incidents", "ix_incidents_current_critical", ["unit", "date"], "superseded_by IS NULL AND severity = 'critical'"),
    ("incidents", "ix_incidents_current_scope", ["scope_key", "batch_id"], "superseded_by IS NULL"),
    ("incidents", "ix_incidents_detected", ["detected_at"], "detected_at IS NOT NULL"),
    ("kpis", "ix_kpis_current_scope", ["scope_key", "batch_id"], "superseded_by IS NULL"),
    ("maturity", "ix_maturity_current_scope", ["scope_key", "batch_id"], "superseded_by IS NULL"),
    ("measures", "ix_measures_current_scope", ["scope_key", "batch_id"], "superseded_by IS NULL"),
    ("phishing_campaigns", "ix_phishing_campaigns_current_scope", ["scope_key", "batch_id"], "superseded_by IS NULL"),
    (
        "recommendation_updates",
        "ix_recommendation_updates_current_scope",
        ["scope_key", "batch_id"],
        "superseded_by IS NULL",
    ),
    ("recommendations", "ix_recommendations_current_scope", ["scope_key", "batch_id"], "superseded_by IS NULL"),
    ("risks", "ix_risks_current_scope", ["scope_key", "batch_id"], "superseded_by IS NULL"),
    (
        "self_assessments",
        "ix_self_assessments_current_ratings",
        ["assessment", "year", "unit", "statement", "rating"],
        "superseded_by IS NULL",
    ),
    ("self_assessments", "ix_self_assessments_current_scope", ["scope_key", "batch_id"], "superseded_by IS NULL"),
    ("status", "ix_status_current_scope", ["scope_key", "batch_id"], "superseded_by IS NULL"),
    ("status", "ix_status_current_unit", ["unit", "period"], "superseded_by IS NULL"),
    ("survey_results", "ix_survey_results_current_scope", ["scope_key", "batch_id"], "superseded_by IS NULL"),
    ("training", "ix_training_current_scope", ["scope_key", "batch_id"], "superseded_by IS NULL"),
)
NEW_INDEXES = ("ix_import_batches_organisation_id",)
SCOPE = "organisation = current_setting('app.organisation', true) OR current_setting('app.organisation', true) = '*'"


def upgrade() -> None:
    # The roles are read before the column goes: SQLite rebuilds the accounts table to drop it, which with
    # foreign keys on would also empty a table already pointing at it.
    held = op.get_bind().execute(sa.text("SELECT id, role FROM accounts")).all()
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("role")
    roles = op.create_table(
        "account_roles",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "account_id",
            sa.Integer,
            sa.ForeignKey("accounts.id", name="fk_account_roles_account_id_accounts", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("organisation", sa.String(40), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_account_roles"),
        sa.UniqueConstraint("account_id", "organisation", name="uq_account_roles_account_id_organisation"),
    )
    if held:
        op.bulk_insert(roles, [{"account_id": i, "organisation": "standard", "role": r} for i, r in held])
    for table in TABLES:
        op.add_column(table, sa.Column("organisation", sa.String(40), nullable=False, server_default="standard"))
    for table, name, columns, where in INDEXES:
        if name not in NEW_INDEXES:
            op.drop_index(name, table_name=table)
        condition = sa.text(where) if where else None
        op.create_index(name, table, ["organisation", *columns], sqlite_where=condition, postgresql_where=condition)
    # The indexes are new: without statistics SQLite takes the organisation for a narrow filter.
    op.execute("ANALYZE")
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
            op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
            op.execute(f"CREATE POLICY organisation_scope ON {table} USING ({SCOPE}) WITH CHECK ({SCOPE})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"DROP POLICY organisation_scope ON {table}")
            op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    for table, name, columns, where in INDEXES:
        op.drop_index(name, table_name=table)
        if name not in NEW_INDEXES:
            condition = sa.text(where) if where else None
            op.create_index(name, table, columns, sqlite_where=condition, postgresql_where=condition)
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("organisation")
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("role", sa.String(20), nullable=False, server_default="viewer"))
    op.execute(
        "UPDATE accounts SET role = (SELECT min(role) FROM account_roles WHERE account_id = accounts.id) "
        "WHERE id IN (SELECT account_id FROM account_roles)"
    )
    op.drop_table("account_roles")
