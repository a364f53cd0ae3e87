"""The store's own bulk load of the rows an import wrote: the floor an import is measured against.

Reads the incidents the import stored (every column, already of the store's types) from one store and
loads them into a fresh one's incidents table, with all its indexes, the way the importer does it and
nothing more: SQLite's `executemany` or PostgreSQL's `COPY`, in the importer's chunks, one transaction,
no validation, no counts. Prints one JSON line: {"import_floor_rows_per_s": N}.

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
    from domain import clock
    from domain.datasets import DATASETS
    from ingest.imports import CHUNK_ROWS, _insert
    from store.engine import migrate, open_store
    from store.schema import import_batches, inserted_id, table_of

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
    started = time.perf_counter()
    with target.begin() as connection:
        batch = inserted_id(
            connection.execute(
                import_batches.insert().values(
                    kind="import",
                    dataset="incidents",
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
    seconds = time.perf_counter() - started
    print(json.dumps({"import_floor_rows_per_s": round(count / seconds)}))


if __name__ == "__main__":
    main()
