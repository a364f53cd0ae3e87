"""Keeping a dataset's declared counts (the incident counts) in step with its rows, inside the batch that
changes them.

Every incident chart asks for sums by month, unit, severity, category and IMY report. Summing a
million rows on every question costs a second; the cells hold those sums, so a board view reads a
few thousand cells instead. A batch adds the rows it wrote and subtracts the rows it superseded, cell
by cell; a changed cell is superseded and written anew, so the cells have the same history as the
rows and can be read as of any batch.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from domain.declarations import Counts, Dataset
from store.bulk import copy_into
from store.schema import counts_of, import_batches, table_of, visible_as_of
from store.scope import current_organisation, of_organisation

_CHUNK = 500

Cell = tuple[Any, ...]


def _declared(dataset: Dataset) -> Counts:
    assert dataset.counts is not None, dataset.name
    return dataset.counts


def tally(dataset: Dataset, columns: dict[str, list[Any]], cells: dict[Cell, list[int]]) -> None:
    """Add validated rows (the store's columns) to `cells`: the importer's running sums."""
    counts = _declared(dataset)
    dimensions = [columns[d] for d in counts.dimensions]
    if set(columns[counts.total]) == {1}:  # the usual file: one row per incident, counted in C
        for cell, rows in Counter(zip(*dimensions, strict=True)).items():
            sums = cells.setdefault(cell, [0, 0])
            sums[0] += rows
            sums[1] += rows
        return
    for cell, count in zip(zip(*dimensions, strict=True), columns[counts.total], strict=True):
        found = cells.get(cell)
        if found is None:
            cells[cell] = [count, 1]
        else:
            found[0] += count
            found[1] += 1


def refresh_counts(
    connection: sa.Connection, dataset: Dataset, batch_id: int, added: dict[Cell, list[int]] | None = None
) -> int:
    """Apply batch `batch_id`'s rows to the cells; returns the number of cells changed.

    `added` is the importer's own tally of the rows it wrote, which spares summing them again in SQL.
    """
    rows = table_of(dataset)
    delta: dict[Cell, list[int]] = {cell: list(sums) for cell, sums in (added or {}).items()}
    sources = [(-1, rows.c.superseded_by == batch_id)]
    if added is None:
        sources.append((1, rows.c.batch_id == batch_id))
    for sign, condition in sources:
        for cell, total, count in _sums(connection, dataset, condition):
            change = delta.setdefault(cell, [0, 0])
            change[0] += sign * total
            change[1] += sign * count
    delta = {cell: change for cell, change in delta.items() if change != [0, 0]}
    if not delta:
        return 0
    current = _current_cells(connection, dataset, sorted({str(cell[0]) for cell in delta}), delta)
    _supersede(connection, counts_of(dataset), [current[cell][0] for cell in delta if cell in current], batch_id)
    new_cells = []
    for cell, (total_change, rows_change) in delta.items():
        _, total, count = current.get(cell, (None, 0, 0))
        if count + rows_change > 0:
            new_cells.append((*cell, batch_id, total + total_change, count + rows_change))
    if new_cells:
        _insert_cells(connection, dataset, new_cells)
    return len(delta)


def _insert_cells(connection: sa.Connection, dataset: Dataset, cells: list[tuple[object, ...]]) -> None:
    """Through the driver's executemany, or COPY on PostgreSQL (its executemany took six seconds for the
    cells of a million incidents): a million incidents over ten years make some 100 000 cells, and
    SQLAlchemy's per-row parameter processing cost more than inserting them."""
    counts = _declared(dataset)
    quote = connection.dialect.identifier_preparer.quote
    names = [*counts.dimensions, "batch_id", counts.total_as, "rows", "organisation"]
    organisation = current_organisation()
    if connection.dialect.driver == "psycopg":
        values = [list(column) for column in zip(*cells, strict=True)]
        copy_into(connection, counts.table, dict(zip(names, [*values, [organisation] * len(cells)], strict=True)))
        return
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    connection.exec_driver_sql(
        f"INSERT INTO {quote(counts.table)} ({', '.join(map(quote, names))}) "
        f"VALUES ({', '.join(marker for _ in names)})",
        [(*cell, organisation) for cell in cells],
    )


def rebuild_counts(connection: sa.Connection, dataset: Dataset) -> None:
    """Replay every batch in order: for a store whose rows predate the cells."""
    batches = connection.execute(
        sa.select(import_batches.c.id)
        .where(of_organisation(import_batches), import_batches.c.dataset == dataset.name)
        .order_by(import_batches.c.id)
    ).scalars()
    for batch_id in list(batches):
        refresh_counts(connection, dataset, batch_id)


def _sums(
    connection: sa.Connection, dataset: Dataset, condition: sa.ColumnElement[bool]
) -> Iterable[tuple[Cell, int, int]]:
    counts = _declared(dataset)
    rows = table_of(dataset)
    dims = [rows.c[name] for name in counts.dimensions]
    query = sa.select(*dims, sa.func.sum(rows.c[counts.total]), sa.func.count()).where(condition).group_by(*dims)
    for row in connection.execute(query):
        yield _cell(rows, counts, row[: len(dims)]), int(row[-2]), int(row[-1])


def _cell(rows: sa.Table, counts: Counts, values: Iterable[object]) -> Cell:
    """A cell as the importer tallies it: integers as int, yes/no as bool or None (SQLite gives 0 and 1)."""
    out: list[object] = []
    for name, value in zip(counts.dimensions, values, strict=True):
        kind = rows.c[name].type
        if value is not None and isinstance(kind, sa.Boolean):
            value = bool(value)
        elif value is not None and isinstance(kind, sa.Integer):
            value = int(value)  # type: ignore[call-overload]
        out.append(value)
    return tuple(out)


def _current_cells(
    connection: sa.Connection, dataset: Dataset, firsts: list[str], wanted: dict[Cell, list[int]]
) -> dict[Cell, tuple[int, int, int]]:
    """id, total and rows of each current cell among `wanted`, looked up by the first dimension."""
    counts = _declared(dataset)
    c = counts_of(dataset)
    first = c.c[counts.dimensions[0]]
    found: dict[Cell, tuple[int, int, int]] = {}
    for start in range(0, len(firsts), _CHUNK):
        query = sa.select(c.c.id, *(c.c[name] for name in counts.dimensions), c.c[counts.total_as], c.c.rows).where(
            visible_as_of(c, None), first.in_(firsts[start : start + _CHUNK])
        )
        for row in connection.execute(query):
            cell = _cell(c, counts, row[1 : 1 + len(counts.dimensions)])
            if cell in wanted:
                found[cell] = (row[0], row[-2], row[-1])
    return found


def _supersede(connection: sa.Connection, cells: sa.Table, ids: list[int], batch_id: int) -> None:
    for start in range(0, len(ids), _CHUNK):
        connection.execute(
            cells.update().where(cells.c.id.in_(ids[start : start + _CHUNK])).values(superseded_by=batch_id)
        )
