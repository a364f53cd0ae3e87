"""Import batches: the history of the store, undo, and which batch a reader should read as of."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from domain import clock
from domain.datasets import DATASETS
from store.counts import refresh_counts
from store.schema import DATASET_TABLES, HISTORY_COLUMNS, import_batches, inserted_id
from store.scope import of_organisation

_WRITE_LOCK_KEY = 72_170_001


class UndoRefused(Exception):
    """The batch cannot be undone; the message says why and what to do instead, in Swedish."""


def take_write_lock(connection: sa.Connection) -> None:
    """Serialise writers so batch ids follow commit order (SQLite serialises writers by itself)."""
    if connection.dialect.name == "postgresql":
        connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _WRITE_LOCK_KEY})


def latest_batch_id(connection: sa.Connection) -> int:
    """The organisation's newest batch, 0 before its first; every cached query is keyed by it."""
    return connection.execute(
        sa.select(sa.func.coalesce(sa.func.max(import_batches.c.id), 0)).where(of_organisation(import_batches))
    ).scalar_one()


def batch_in_effect(connection: sa.Connection, dataset: str, sha256: str, before: int) -> int | None:
    """An import before batch `before` of the same content that is still wholly current, if any."""
    table = DATASET_TABLES[dataset]
    candidates = connection.execute(
        sa.select(import_batches.c.id)
        .where(
            of_organisation(import_batches),
            import_batches.c.dataset == dataset,
            import_batches.c.sha256 == sha256,
            import_batches.c.kind == "import",
            import_batches.c.undone_by_batch_id.is_(None),
            import_batches.c.id < before,
        )
        .order_by(import_batches.c.id.desc())
    ).scalars()
    for batch_id in candidates:
        superseded = connection.execute(
            sa.select(table.c.id).where(table.c.batch_id == batch_id, table.c.superseded_by.is_not(None)).limit(1)
        ).first()
        if superseded is None:
            return batch_id
    return None


@dataclass(frozen=True)
class BatchRecord:
    id: int
    kind: str
    dataset: str
    created_at: dt.datetime
    user_name: str
    source: str
    sha256: str | None
    row_count: int
    rows_superseded: int
    scope_summary: str
    is_example: bool
    undoes_batch_id: int | None
    undone_by_batch_id: int | None


def history(connection: sa.Connection, limit: int | None = None) -> list[BatchRecord]:
    """The organisation's batches, newest first."""
    query = (
        sa.select(*(import_batches.c[f] for f in BatchRecord.__dataclass_fields__))
        .where(of_organisation(import_batches))
        .order_by(import_batches.c.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    return [BatchRecord(**row._mapping) for row in connection.execute(query)]


def undo(connection: sa.Connection, batch_id: int, user: str) -> BatchRecord:
    """Undo an import: its rows are superseded and what it superseded is current again.

    Refused when a later import has already replaced part of it, since restoring would then hide that
    later import's rows; undo the later one first. Called through the door (`imports.undo`), which logs it
    in the same transaction.
    """
    take_write_lock(connection)
    batch = connection.execute(
        sa.select(import_batches).where(import_batches.c.id == batch_id, of_organisation(import_batches))
    ).first()
    if batch is None:
        raise UndoRefused(f"Det finns ingen import med nummer {batch_id}.")
    if batch.kind != "import":
        raise UndoRefused(f"Nummer {batch_id} är en ångring och kan inte ångras; importera filen på nytt i stället.")
    if batch.undone_by_batch_id is not None:
        raise UndoRefused(f"Import {batch_id} är redan ångrad (av nummer {batch.undone_by_batch_id}).")
    table = DATASET_TABLES[batch.dataset]
    later = connection.execute(
        sa.select(sa.func.min(table.c.superseded_by)).where(table.c.batch_id == batch_id)
    ).scalar_one()
    if later is not None:
        raise UndoRefused(
            f"Import {batch_id} kan inte ångras eftersom nummer {later} senare har ersatt delar av den. "
            f"Ångra nummer {later} först."
        )
    undo_id = inserted_id(
        connection.execute(
            import_batches.insert().values(
                kind="undo",
                dataset=batch.dataset,
                created_at=clock.now(),
                user_name=user,
                source=f"Ångring av import {batch_id} ({batch.source})",
                sha256=None,
                row_count=0,
                rows_superseded=0,
                scope_summary=batch.scope_summary,
                scope_keys=batch.scope_keys,
                is_example=batch.is_example,
                undoes_batch_id=batch_id,
            )
        )
    )
    removed = connection.execute(
        table.update()
        .where(table.c.batch_id == batch_id, table.c.superseded_by.is_(None))
        .values(superseded_by=undo_id)
    ).rowcount
    data_columns = [c for c in table.c if c.name not in HISTORY_COLUMNS]
    restored_rows = sa.select(
        sa.literal(undo_id).label("batch_id"),
        table.c.origin_batch_id,
        table.c.source_row,
        table.c.scope_key,
        *data_columns,
    ).where(table.c.superseded_by == batch_id)
    restored = connection.execute(
        sa.select(sa.func.count()).select_from(table).where(table.c.superseded_by == batch_id)
    ).scalar_one()
    connection.execute(
        table.insert().from_select(
            ["batch_id", "origin_batch_id", "source_row", "scope_key", *(c.name for c in data_columns)],
            restored_rows,
        )
    )
    if DATASETS[batch.dataset].counts is not None:
        refresh_counts(connection, DATASETS[batch.dataset], undo_id)
    connection.execute(
        import_batches.update()
        .where(import_batches.c.id == undo_id)
        .values(row_count=restored, rows_superseded=removed)
    )
    connection.execute(
        import_batches.update().where(import_batches.c.id == batch_id).values(undone_by_batch_id=undo_id)
    )
    record = connection.execute(
        sa.select(*(import_batches.c[f] for f in BatchRecord.__dataclass_fields__)).where(
            import_batches.c.id == undo_id
        )
    ).one()
    return BatchRecord(**record._mapping)
