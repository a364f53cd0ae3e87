"""The store's own bulk load of the rows an import wrote: the floor an import is measured against.

Reads the incidents the import stored (every column, already of the store's types) from one store and
loads them into a fresh one's incidents table, with all its indexes, the way the importer does it and
nothing more: SQLite's `executemany` or PostgreSQL's `COPY` (through a table of the transaction, as
row-level security requires: store.bulk), in the importer's chunks, one transaction, no validation, no
counts. Then the same rows into a bare copy of the table — the same columns, without
its foreign keys and indexes — the most the store's engine can take in at all, which says what an
import could gain only by giving up those checks and indexes. Prints one JSON line:
{"import_floor_rows_per_s": N, "bare_floor_rows_per_s": M}.

Usage: python bench/floor.py SOURCE_DB_URL EMPTY_DB_URL
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HISTORY = ("id", "batch_id", "origin_batch_id", "superseded_by")


def main() -> None:
    from domain.datasets import DATASETS
    from ingest.imports import CHUNK_ROWS
    from store.engine import migrate, open_store
    from store.schema import table_of

    source, target = open_store(sys.argv[1]), open_store(sys.argv[2])
    migrate(target)
    table = table_of(DATASETS["incidents"])
    names = [c.name for c in table.columns if c.name not in HISTORY]
    with source.connect() as connection:
        rows = connection.execute(sa.select(*(table.c[n] for n in names)).where(table.c.superseded_by.is_(None)))
        chunks: list[dict[str, list[Any]]] = []
        while part := rows.fetchmany(CHUNK_ROWS):
            chunks.append({n: list(values) for n, values in zip(names, zip(*part, strict=True), strict=True)})
    count = sum(len(chunk["scope_key"]) for chunk in chunks)
    floor = _load(target, table, chunks, count)
    print(json.dumps({"import_floor_rows_per_s": floor, "bare_floor_rows_per_s": _bare(target, table, chunks, count)}))


def _load(target: sa.Engine, table: sa.Table, chunks: list[dict[str, list[Any]]], count: int) -> int:
    """The rows into `table` of `target` in the importer's chunks, one transaction: rows per second."""
    from domain import clock
    from ingest.imports import _insert
    from store.schema import import_batches, inserted_id

    started = time.perf_counter()
    with target.begin() as connection:
        batch = inserted_id(
            connection.execute(
                import_batches.insert().values(
                    kind="import",
                    dataset=table.name,
                    created_at=clock.now(),
                    user_name="bench",
                    source="floor",
                    sha256="",
                    row_count=count,
                    rows_superseded=0,
                    scope_summary="",
                    scope_keys="[]",
                    is_example=False,
                )
            )
        )
        for chunk in chunks:
            _insert(connection, table, chunk, batch)
    return round(count / (time.perf_counter() - started))


def _bare(target: sa.Engine, table: sa.Table, chunks: list[dict[str, list[Any]]], count: int) -> int:
    """The same rows into a table with the same columns and nothing else: no foreign key, no index."""
    bare = sa.Table(
        f"{table.name}_bare",
        sa.MetaData(),
        *(sa.Column(c.name, c.type, primary_key=c.primary_key) for c in table.columns),
    )
    bare.create(target)
    return _load(target, bare, chunks, count)


if __name__ == "__main__":
    main()
