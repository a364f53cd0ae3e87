"""The store's tables (SQLAlchemy Core). Alembic migrations in `migrations/` create exactly these.

Every dataset row is immutable once written except for `superseded_by`, which is set once: a row is
current from the batch that wrote it (`batch_id`) until the batch that superseded it. Reading "as of
batch B" is therefore `batch_id <= B AND (superseded_by IS NULL OR superseded_by > B)`. An undo is a
batch too: it supersedes the undone batch's rows and writes copies of what that batch superseded, so
history is never rewritten and every earlier state stays readable.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

RowId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

import_batches = sa.Table(
    "import_batches",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),  # 'import' or 'undo'
    sa.Column("dataset", sa.String(40), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("user_name", sa.String(200), nullable=False),
    sa.Column("source", sa.String(500), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=True),
    sa.Column("row_count", sa.Integer, nullable=False),
    sa.Column("rows_superseded", sa.Integer, nullable=False),
    sa.Column("scope_summary", sa.Text, nullable=False),
    sa.Column("scope_keys", sa.Text, nullable=False),  # JSON list of the scope keys covered
    sa.Column("is_example", sa.Boolean, nullable=False),
    sa.Column("undoes_batch_id", sa.Integer, sa.ForeignKey("import_batches.id"), nullable=True),
    sa.Column("undone_by_batch_id", sa.Integer, sa.ForeignKey("import_batches.id"), nullable=True),
    sa.Index(None, "dataset", "sha256"),
)


def _history_columns() -> list[sa.SchemaItem]:
    return [
        sa.Column("id", RowId, primary_key=True, autoincrement=True),
        sa.Column("batch_id", sa.Integer, sa.ForeignKey("import_batches.id"), nullable=False),
        sa.Column("origin_batch_id", sa.Integer, sa.ForeignKey("import_batches.id"), nullable=False),
        sa.Column("superseded_by", sa.Integer, sa.ForeignKey("import_batches.id"), nullable=True),
        sa.Column("source_row", sa.Integer, nullable=True),
        sa.Column("scope_key", sa.String(300), nullable=False),
    ]


def _history_indexes(name: str) -> list[sa.Index]:
    # The partial index serves both "what does this import replace" and every read of current data.
    return [
        sa.Index(
            f"ix_{name}_current_scope",
            "scope_key",
            "batch_id",  # so an import finds the earlier rows it replaces from the index alone
            sqlite_where=sa.text("superseded_by IS NULL"),
            postgresql_where=sa.text("superseded_by IS NULL"),
        ),
        sa.Index(f"ix_{name}_batch_id", "batch_id"),
        # Only superseded rows: what undo and reads of the past look up, at no cost to an import's inserts.
        sa.Index(
            f"ix_{name}_superseded",
            "superseded_by",
            sqlite_where=sa.text("superseded_by IS NOT NULL"),
            postgresql_where=sa.text("superseded_by IS NOT NULL"),
        ),
    ]


status = sa.Table(
    "status",
    metadata,
    *_history_columns(),
    sa.Column("period", sa.String(7), nullable=False),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("quarter", sa.Integer, nullable=False),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("area", sa.String(64), nullable=False),
    sa.Column("status", sa.String(8), nullable=False),
    sa.Column("trend", sa.String(8), nullable=True),
    sa.Column("comment", sa.Text, nullable=True),
    *_history_indexes("status"),
    sa.Index(
        "ix_status_current_unit",
        "unit",
        "period",
        sqlite_where=sa.text("superseded_by IS NULL"),
        postgresql_where=sa.text("superseded_by IS NULL"),
    ),
)

kpis = sa.Table(
    "kpis",
    metadata,
    *_history_columns(),
    sa.Column("period", sa.String(7), nullable=False),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("quarter", sa.Integer, nullable=True),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("kpi", sa.String(64), nullable=False),
    sa.Column("value", sa.Float, nullable=False),
    sa.Column("numerator", sa.BigInteger, nullable=True),
    sa.Column("denominator", sa.BigInteger, nullable=True),
    sa.Column("comment", sa.Text, nullable=True),
    *_history_indexes("kpis"),
)

incidents = sa.Table(
    "incidents",
    metadata,
    *_history_columns(),
    sa.Column("date", sa.Date, nullable=False),
    sa.Column("date_precision", sa.String(5), nullable=False),  # 'day' or 'month'
    sa.Column("month", sa.String(7), nullable=False),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("severity", sa.String(10), nullable=False),
    sa.Column("category", sa.String(24), nullable=False),
    sa.Column("count", sa.Integer, nullable=False),
    sa.Column("reference", sa.String(100), nullable=True),
    sa.Column("title", sa.Text, nullable=True),
    sa.Column("reported_to_authority", sa.Boolean, nullable=True),
    sa.Column("incident_manager", sa.String(200), nullable=True),
    sa.Column("responsible_manager", sa.String(200), nullable=True),
    sa.Column("report_date", sa.Date, nullable=True),
    sa.Column("resolved_date", sa.Date, nullable=True),
    sa.Column("detected_at", sa.DateTime, nullable=True),
    sa.Column("significant", sa.Boolean, nullable=True),
    sa.Column("early_warning_at", sa.DateTime, nullable=True),
    sa.Column("notification_at", sa.DateTime, nullable=True),
    sa.Column("final_report_at", sa.DateTime, nullable=True),
    sa.Column("imy_reported_at", sa.DateTime, nullable=True),
    *_history_indexes("incidents"),
    # The incidents with reporting duties (a detection time given): few, found without a scan.
    sa.Index(
        "ix_incidents_detected",
        "detected_at",
        sqlite_where=sa.text("detected_at IS NOT NULL"),
        postgresql_where=sa.text("detected_at IS NOT NULL"),
    ),
    # The critical incidents, listed on two views, without scanning the table; small, as they are few.
    sa.Index(
        "ix_incidents_current_critical",
        "date",
        sqlite_where=sa.text("superseded_by IS NULL AND severity = 'critical'"),
        postgresql_where=sa.text("superseded_by IS NULL AND severity = 'critical'"),
    ),
)

# Incident counts per month, unit, severity, category and IMY report: what every incident chart asks,
# kept by each batch that writes incidents (data_sources/incident_counts.py) so no board view scans the
# incident rows. A cell is history like any row: a batch that changes it supersedes it and writes the
# new total, so reads as of a batch work here too.
incident_counts = sa.Table(
    "incident_counts",
    metadata,
    sa.Column("id", RowId, primary_key=True, autoincrement=True),
    sa.Column("batch_id", sa.Integer, sa.ForeignKey("import_batches.id"), nullable=False),
    sa.Column("superseded_by", sa.Integer, sa.ForeignKey("import_batches.id"), nullable=True),
    sa.Column("month", sa.String(7), nullable=False),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("severity", sa.String(10), nullable=False),
    sa.Column("category", sa.String(24), nullable=False),
    sa.Column("reported_to_authority", sa.Boolean, nullable=True),
    sa.Column("incidents", sa.BigInteger, nullable=False),  # the sum of `count`
    sa.Column("rows", sa.Integer, nullable=False),
    sa.Index(
        "ix_incident_counts_current",
        "year",
        "month",
        "unit",
        "severity",
        "category",
        "reported_to_authority",
        "incidents",
        sqlite_where=sa.text("superseded_by IS NULL"),
        postgresql_where=sa.text("superseded_by IS NULL"),
    ),
    sa.Index("ix_incident_counts_batch_id", "batch_id"),
    sa.Index(
        "ix_incident_counts_superseded",
        "superseded_by",
        sqlite_where=sa.text("superseded_by IS NOT NULL"),
        postgresql_where=sa.text("superseded_by IS NOT NULL"),
    ),
)

recommendations = sa.Table(
    "recommendations",
    metadata,
    *_history_columns(),
    sa.Column("recommendation_id", sa.String(100), nullable=False),
    sa.Column("audit", sa.Text, nullable=False),
    sa.Column("auditor", sa.String(300), nullable=False),
    sa.Column("audit_date", sa.Date, nullable=False),
    sa.Column("addressee", sa.String(64), nullable=False),
    sa.Column("area", sa.String(200), nullable=True),
    sa.Column("recommendation", sa.Text, nullable=False),
    sa.Column("committed", sa.Boolean, nullable=True),
    sa.Column("owner", sa.String(200), nullable=True),
    sa.Column("due_date", sa.Date, nullable=True),
    sa.Column("response", sa.Text, nullable=True),
    sa.Column("response_date", sa.Date, nullable=True),
    sa.Column("decision_ref", sa.String(200), nullable=True),
    *_history_indexes("recommendations"),
)

recommendation_updates = sa.Table(
    "recommendation_updates",
    metadata,
    *_history_columns(),
    sa.Column("recommendation_id", sa.String(100), nullable=False),
    sa.Column("date", sa.Date, nullable=False),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("progress", sa.Float, nullable=True),
    sa.Column("comment", sa.Text, nullable=True),
    *_history_indexes("recommendation_updates"),
)

self_assessments = sa.Table(
    "self_assessments",
    metadata,
    *_history_columns(),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("assessment", sa.String(64), nullable=False),
    sa.Column("statement", sa.String(32), nullable=False),
    sa.Column("rating", sa.String(16), nullable=False),
    sa.Column("comment", sa.Text, nullable=True),
    *_history_indexes("self_assessments"),
    # Covers the rating counts per year and per unit and statement.
    sa.Index(
        "ix_self_assessments_current_ratings",
        "assessment",
        "year",
        "unit",
        "statement",
        "rating",
        sqlite_where=sa.text("superseded_by IS NULL"),
        postgresql_where=sa.text("superseded_by IS NULL"),
    ),
)

phishing_campaigns = sa.Table(
    "phishing_campaigns",
    metadata,
    *_history_columns(),
    sa.Column("campaign", sa.String(100), nullable=False),
    sa.Column("start_date", sa.Date, nullable=False),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("planned_hours", sa.Float, nullable=True),
    sa.Column("actual_hours", sa.Float, nullable=True),
    sa.Column("recipients", sa.Integer, nullable=False),
    sa.Column("clicked", sa.Integer, nullable=False),
    sa.Column("reported", sa.Integer, nullable=True),
    sa.Column("comment", sa.Text, nullable=True),
    *_history_indexes("phishing_campaigns"),
)

training = sa.Table(
    "training",
    metadata,
    *_history_columns(),
    sa.Column("period", sa.String(7), nullable=False),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("audience", sa.String(16), nullable=False),
    sa.Column("course", sa.String(200), nullable=False),
    sa.Column("population", sa.Integer, nullable=False),
    sa.Column("completed", sa.Integer, nullable=False),
    *_history_indexes("training"),
)

documents = sa.Table(
    "documents",
    metadata,
    *_history_columns(),
    sa.Column("document_id", sa.String(100), nullable=False),
    sa.Column("title", sa.String(300), nullable=False),
    sa.Column("type", sa.String(16), nullable=True),
    sa.Column("owner_unit", sa.String(64), nullable=False),
    sa.Column("decided_by", sa.String(200), nullable=True),
    sa.Column("decided_date", sa.Date, nullable=True),
    sa.Column("revision_owner", sa.String(200), nullable=True),
    sa.Column("next_revision", sa.Date, nullable=True),
    sa.Column("status", sa.String(16), nullable=True),
    *_history_indexes("documents"),
)

classifications = sa.Table(
    "classifications",
    metadata,
    *_history_columns(),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("system", sa.String(200), nullable=False),
    sa.Column("classified_date", sa.Date, nullable=True),
    sa.Column("risk_analysis_date", sa.Date, nullable=True),
    sa.Column("measures_followed_up_date", sa.Date, nullable=True),
    *_history_indexes("classifications"),
)

maturity = sa.Table(
    "maturity",
    metadata,
    *_history_columns(),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("model", sa.String(64), nullable=False),
    sa.Column("level", sa.Integer, nullable=False),
    *_history_indexes("maturity"),
)

survey_results = sa.Table(
    "survey_results",
    metadata,
    *_history_columns(),
    sa.Column("survey", sa.String(64), nullable=False),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("question", sa.String(500), nullable=False),
    sa.Column("answer", sa.String(100), nullable=False),
    sa.Column("respondents", sa.Integer, nullable=False),
    *_history_indexes("survey_results"),
)

accessibility_reviews = sa.Table(
    "accessibility_reviews",
    metadata,
    *_history_columns(),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("unit", sa.String(64), nullable=False),
    sa.Column("service", sa.String(200), nullable=False),
    sa.Column("criteria_tested", sa.Integer, nullable=False),
    sa.Column("criteria_failed", sa.Integer, nullable=False),
    sa.Column("severity", sa.String(16), nullable=True),
    sa.Column("videos_reviewed", sa.Integer, nullable=True),
    sa.Column("videos_deficient", sa.Integer, nullable=True),
    *_history_indexes("accessibility_reviews"),
)

DATASET_TABLES: dict[str, sa.Table] = {
    "status": status,
    "kpis": kpis,
    "incidents": incidents,
    "recommendations": recommendations,
    "recommendation_updates": recommendation_updates,
    "self_assessments": self_assessments,
    "phishing_campaigns": phishing_campaigns,
    "training": training,
    "documents": documents,
    "classifications": classifications,
    "maturity": maturity,
    "survey_results": survey_results,
    "accessibility_reviews": accessibility_reviews,
}


def tables_written_by(dataset: str) -> list[sa.Table]:
    """The tables an import or undo of `dataset` writes to: its own, and the incident counts for incidents."""
    return [DATASET_TABLES[dataset], *([incident_counts] if dataset == "incidents" else [])]


HISTORY_COLUMNS = ("id", "batch_id", "origin_batch_id", "superseded_by", "source_row", "scope_key")


def visible_as_of(table: sa.Table, as_of: int | None) -> sa.ColumnElement[bool]:
    """The rows current in the store as it stood right after batch `as_of` (None: now)."""
    if as_of is None:
        return table.c.superseded_by.is_(None)
    return sa.and_(
        table.c.batch_id <= as_of,
        sa.or_(table.c.superseded_by.is_(None), table.c.superseded_by > as_of),
    )


# --- access (issue: roles, login, read-only links) ----------------------------------------------

access_log = sa.Table(
    "access_log",
    metadata,
    sa.Column("id", RowId, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("actor", sa.String(300), nullable=False),  # e-mail, 'länk 12' or 'öppet läge'; never a token
    sa.Column("role", sa.String(20), nullable=True),
    sa.Column("event", sa.String(30), nullable=False),
    sa.Column("target", sa.String(300), nullable=True),
    sa.Column("detail", sa.Text, nullable=True),
    sa.Index(None, "at"),
)

read_only_links = sa.Table(
    "read_only_links",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("token_sha256", sa.String(64), nullable=False, unique=True),
    sa.Column("recipient", sa.String(300), nullable=False),
    sa.Column("created_by", sa.String(300), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("views", sa.Text, nullable=False),  # JSON list of view paths; empty: every board view
    sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("revoked_by", sa.String(300), nullable=True),
    sa.Column("meeting_id", sa.Integer, nullable=True),  # a link bound to a meeting record shows what it shows
)

login_attempts = sa.Table(
    "login_attempts",
    metadata,
    sa.Column("id", RowId, primary_key=True, autoincrement=True),
    sa.Column("username", sa.String(300), nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("succeeded", sa.Boolean, nullable=False),
    sa.Index(None, "username", "at"),
)

# Accounts live in the store so every app process sees a change on its next rerun; users.yaml seeds them.
accounts = sa.Table(
    "accounts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("email_key", sa.String(320), nullable=False, unique=True),  # casefolded, for lookups
    sa.Column("email", sa.String(320), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("password_hash", sa.String(300), nullable=True),  # Argon2; none for OIDC users
    sa.Column("disabled", sa.Boolean, nullable=False),
    sa.Column("from_file", sa.Boolean, nullable=False),  # last set by users.yaml, not by an administrator
    sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
)

account_seeds = sa.Table(
    "account_seeds",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)

# What a board was shown: read as of `batch_id`, with the configuration's hash; never changed (triggers).
meeting_records = sa.Table(
    "meeting_records",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("body", sa.String(64), nullable=False),  # the unit whose board met
    sa.Column("meeting_date", sa.Date, nullable=False),
    sa.Column("item", sa.String(40), nullable=False),  # the agenda item, '§ 88'
    sa.Column("quarter", sa.String(7), nullable=False),
    sa.Column("title", sa.String(300), nullable=False),
    sa.Column("created_by", sa.String(300), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("batch_id", sa.Integer, nullable=False),
    sa.Column("config_sha256", sa.String(64), nullable=False),
    sa.Index(None, "body", "meeting_date"),
)
