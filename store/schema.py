"""The store's tables (SQLAlchemy Core). Alembic migrations in `migrations/` create exactly these.

Every dataset row is immutable once written except for `superseded_by`, which is set once: a row is
current from the batch that wrote it (`batch_id`) until the batch that superseded it. Reading "as of
batch B" is therefore `batch_id <= B AND (superseded_by IS NULL OR superseded_by > B)`. An undo is a
batch too: it supersedes the undone batch's rows and writes copies of what that batch superseded, so
history is never rewritten and every earlier state stays readable.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from domain.datasets import DATASETS
from domain.declarations import Counts, Dataset, Index
from store.scope import current_organisation, of_organisation

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

RowId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _organisation() -> sa.Column[str]:
    """The organisation a row belongs to: the current one when a row is written through SQLAlchemy; the
    bulk writes of an import and its counts name it themselves. Rows stored before there could be several
    organisations belong to the default one."""
    return sa.Column(
        "organisation", sa.String(40), nullable=False, default=current_organisation, server_default="standard"
    )


import_batches = sa.Table(
    "import_batches",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    _organisation(),
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
    sa.Index(None, "organisation", "id"),
)


def _history_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", RowId, primary_key=True, autoincrement=True),
        _organisation(),
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
            "organisation",
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


def _index(table: str, index: Index) -> sa.Index:
    """A declared index, led by the organisation: every read is of one organisation's rows."""
    columns = ("organisation", *index.columns)
    if index.where is None:
        return sa.Index(index.name, *columns)
    where = sa.text(index.where)
    return sa.Index(index.name, *columns, sqlite_where=where, postgresql_where=where)


def _dataset_table(dataset: Dataset) -> sa.Table:
    """A dataset's history table: its declared columns in their stored names and types, what its row rules
    derive, and its declared indexes."""
    columns = [
        sa.Column(
            c.stored_name,
            (c.sql or c.kind.sql)(),
            nullable=(not c.required) if c.nullable is None else c.nullable,
        )
        for c in dataset.columns
    ]
    derived = [sa.Column(s.name, s.sql(), nullable=s.nullable) for s in dataset.stored]
    return sa.Table(
        dataset.name,
        metadata,
        *_history_columns(),
        *columns,
        *derived,
        *_history_indexes(dataset.name),
        *(_index(dataset.name, i) for i in dataset.indexes),
    )


def _counts_table(dataset: Dataset, counts: Counts, rows: sa.Table) -> sa.Table:
    """The declared sums per cell, kept by each batch that writes the dataset (ingest/counts). A cell is
    history like any row: a batch that changes it supersedes it and writes the new total, so reads as of a
    batch work here too."""
    current = sa.text("superseded_by IS NULL")
    superseded = sa.text("superseded_by IS NOT NULL")
    return sa.Table(
        counts.table,
        metadata,
        sa.Column("id", RowId, primary_key=True, autoincrement=True),
        _organisation(),
        sa.Column("batch_id", sa.Integer, sa.ForeignKey("import_batches.id"), nullable=False),
        sa.Column("superseded_by", sa.Integer, sa.ForeignKey("import_batches.id"), nullable=True),
        *(sa.Column(d, rows.c[d].type, nullable=rows.c[d].nullable) for d in counts.dimensions),
        sa.Column(counts.total_as, sa.BigInteger, nullable=False),  # the sum of the declared total
        sa.Column("rows", sa.Integer, nullable=False),
        sa.Index(
            f"ix_{counts.table}_current",
            "organisation",
            *_covering(counts),
            counts.total_as,
            sqlite_where=current,
            postgresql_where=current,
        ),
        sa.Index(f"ix_{counts.table}_batch_id", "batch_id"),
        sa.Index(
            f"ix_{counts.table}_superseded", "superseded_by", sqlite_where=superseded, postgresql_where=superseded
        ),
        *(_index(counts.table, i) for i in counts.indexes),
    )


def _covering(counts: Counts) -> list[str]:
    """The dimensions in the order the charts filter by them: the year first when there is one."""
    return sorted(counts.dimensions, key=lambda d: d != "year")


DATASET_TABLES: dict[str, sa.Table] = {name: _dataset_table(d) for name, d in DATASETS.items()}
COUNTS_TABLES: dict[str, sa.Table] = {
    name: _counts_table(d, d.counts, DATASET_TABLES[name]) for name, d in DATASETS.items() if d.counts is not None
}


def table_of(dataset: Dataset) -> sa.Table:
    return DATASET_TABLES[dataset.name]


def counts_of(dataset: Dataset) -> sa.Table:
    """The declared counts of a dataset (incidents: per month, unit, severity, category, IMY report)."""
    return COUNTS_TABLES[dataset.name]


def tables_written_by(dataset: str) -> list[sa.Table]:
    """The tables an import or undo of `dataset` writes to: its own, and its declared counts."""
    return [DATASET_TABLES[dataset], *([COUNTS_TABLES[dataset]] if dataset in COUNTS_TABLES else [])]


HISTORY_COLUMNS = ("id", "batch_id", "origin_batch_id", "superseded_by", "source_row", "scope_key")


def visible_as_of(table: sa.Table, as_of: int | None) -> sa.ColumnElement[bool]:
    """The current organisation's rows current in the store as it stood right after batch `as_of` (None:
    now)."""
    if as_of is None:
        return sa.and_(of_organisation(table), table.c.superseded_by.is_(None))
    return sa.and_(
        of_organisation(table),
        table.c.batch_id <= as_of,
        sa.or_(table.c.superseded_by.is_(None), table.c.superseded_by > as_of),
    )


# --- access (issue: roles, login, read-only links) ----------------------------------------------

access_log = sa.Table(
    "access_log",
    metadata,
    sa.Column("id", RowId, primary_key=True, autoincrement=True),
    _organisation(),
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
    _organisation(),
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

# A signed-in browser's session, kept here so a reload keeps it and every app process can end it. The
# browser holds only a signed cookie with the token; the store holds the token's SHA-256 (and, until the
# browser has taken its cookie, a one-time ticket's).
sign_in_sessions = sa.Table(
    "sign_in_sessions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("token_sha256", sa.String(64), nullable=False, unique=True),
    sa.Column("ticket_sha256", sa.String(64), nullable=True, unique=True),  # cleared when the cookie is set
    sa.Column("kind", sa.String(10), nullable=False),  # 'local' (an account) or 'link' (a read-only link)
    sa.Column("email", sa.String(320), nullable=True),
    sa.Column("credential", sa.String(64), nullable=True),  # the account's credential at sign-in
    sa.Column("link_id", sa.Integer, nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("ended_reason", sa.String(40), nullable=True),
)

# Accounts live in the store so every app process sees a change on its next rerun; users.yaml seeds them.
accounts = sa.Table(
    "accounts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("email_key", sa.String(320), nullable=False, unique=True),  # casefolded, for lookups
    sa.Column("email", sa.String(320), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("password_hash", sa.String(300), nullable=True),  # Argon2; none for OIDC users
    sa.Column("disabled", sa.Boolean, nullable=False),
    sa.Column("from_file", sa.Boolean, nullable=False),  # last set by users.yaml, not by an administrator
    sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
)

# One role per organisation an account may see. Not scoped to the organisation: signing in reads them all
# before the visitor has chosen one.
account_roles = sa.Table(
    "account_roles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False),
    sa.Column("organisation", sa.String(40), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.UniqueConstraint("account_id", "organisation"),
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
    _organisation(),
    sa.Column("body", sa.String(64), nullable=False),  # the unit whose board met
    sa.Column("meeting_date", sa.Date, nullable=False),
    sa.Column("item", sa.String(40), nullable=False),  # the agenda item, '§ 88'
    sa.Column("quarter", sa.String(7), nullable=False),
    sa.Column("title", sa.String(300), nullable=False),
    sa.Column("created_by", sa.String(300), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("batch_id", sa.Integer, nullable=False),
    sa.Column("config_sha256", sa.String(64), nullable=False),
    sa.Column("prepared_by", sa.String(200), nullable=True),  # the person named on the cover; older: none
    sa.Index(None, "body", "meeting_date"),
)


def inserted_id(result: sa.CursorResult[Any]) -> int:
    """The id the store gave the row an insert wrote."""
    key = result.inserted_primary_key
    assert key is not None, "an insert of one row"
    return int(key[0])
