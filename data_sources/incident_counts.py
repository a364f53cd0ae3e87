"""Keeping `incident_counts` in step with the incident rows, inside the batch that changes them.

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

from data_sources.schema import import_batches, incident_counts, incidents

DIMENSIONS = ("month", "year", "unit", "severity", "category", "reported_to_authority")
_CHUNK = 500

Cell = tuple[object, ...]


def tally(columns: dict[str, list[Any]], cells: dict[Cell, list[int]]) -> None:
    """Add validated incident rows (the store's columns) to `cells`: the importer's running sums."""
    if set(columns["count"]) == {1}:  # the usual file: one row per incident, counted in C
        for cell, rows in Counter(zip(*(columns[d] for d in DIMENSIONS), strict=True)).items():
            sums = cells.setdefault(cell, [0, 0])
            sums[0] += rows
            sums[1] += rows
        return
    for cell, count in zip(zip(*(columns[d] for d in DIMENSIONS), strict=True), columns["count"], strict=True):
        sums = cells.get(cell)
        if sums is None:
            cells[cell] = [count, 1]
        else:
            sums[0] += count
            sums[1] += 1


def refresh_incident_counts(
    connection: sa.Connection, batch_id: int, added: dict[Cell, list[int]] | None = None
) -> int:
    """Apply batch `batch_id`'s incident rows to the cells; returns the number of cells changed.

    `added` is the importer's own tally of the rows it wrote, which spares summing them again in SQL.
    """
    delta: dict[Cell, list[int]] = {cell: list(sums) for cell, sums in (added or {}).items()}
    sources = [(-1, incidents.c.superseded_by == batch_id)]
    if added is None:
        sources.append((1, incidents.c.batch_id == batch_id))
    for sign, condition in sources:
        for cell, total, rows in _sums(connection, condition):
            change = delta.setdefault(cell, [0, 0])
            change[0] += sign * total
            change[1] += sign * rows
    delta = {cell: change for cell, change in delta.items() if change != [0, 0]}
    if not delta:
        return 0
    current = _current_cells(connection, sorted({str(cell[0]) for cell in delta}), delta)
    _supersede(connection, [current[cell][0] for cell in delta if cell in current], batch_id)
    new_cells = []
    for cell, (total_change, rows_change) in delta.items():
        _, total, rows = current.get(cell, (None, 0, 0))
        if rows + rows_change > 0:
            new_cells.append((*cell, batch_id, total + total_change, rows + rows_change))
    if new_cells:
        _insert_cells(connection, new_cells)
    return len(delta)


def _insert_cells(connection: sa.Connection, cells: list[tuple[object, ...]]) -> None:
    """Through the driver's executemany: a million incidents over ten years make some 100 000 cells, and
    SQLAlchemy's per-row parameter processing cost more than inserting them."""
    quote = connection.dialect.identifier_preparer.quote
    names = [*DIMENSIONS, "batch_id", "incidents", "rows"]
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    connection.exec_driver_sql(
        f"INSERT INTO {quote(incident_counts.name)} ({', '.join(map(quote, names))}) "
        f"VALUES ({', '.join(marker for _ in names)})",
        cells,
    )


def rebuild_incident_counts(connection: sa.Connection) -> None:
    """Replay every batch in order: for a store whose incident rows predate the cells."""
    batches = connection.execute(
        sa.select(import_batches.c.id).where(import_batches.c.dataset == "incidents").order_by(import_batches.c.id)
    ).scalars()
    for batch_id in list(batches):
        refresh_incident_counts(connection, batch_id)


def _sums(connection: sa.Connection, condition: sa.ColumnElement[bool]) -> Iterable[tuple[Cell, int, int]]:
    dims = [incidents.c[name] for name in DIMENSIONS]
    query = sa.select(*dims, sa.func.sum(incidents.c.count), sa.func.count()).where(condition).group_by(*dims)
    for row in connection.execute(query):
        yield _cell(row[: len(DIMENSIONS)]), int(row[-2]), int(row[-1])


def _cell(values: Iterable[object]) -> Cell:
    month, year, unit, severity, category, reported = values
    return (month, int(year), unit, severity, category, None if reported is None else bool(reported))


def _current_cells(
    connection: sa.Connection, months: list[str], wanted: dict[Cell, list[int]]
) -> dict[Cell, tuple[int, int, int]]:
    """id, incidents and rows of each current cell among `wanted`."""
    c = incident_counts
    found: dict[Cell, tuple[int, int, int]] = {}
    for start in range(0, len(months), _CHUNK):
        query = sa.select(c.c.id, *(c.c[name] for name in DIMENSIONS), c.c.incidents, c.c.rows).where(
            c.c.superseded_by.is_(None), c.c.month.in_(months[start : start + _CHUNK])
        )
        for row in connection.execute(query):
            cell = _cell(row[1 : 1 + len(DIMENSIONS)])
            if cell in wanted:
                found[cell] = (row.id, row.incidents, row.rows)
    return found


def _supersede(connection: sa.Connection, ids: list[int], batch_id: int) -> None:
    for start in range(0, len(ids), _CHUNK):
        connection.execute(
            incident_counts.update()
            .where(incident_counts.c.id.in_(ids[start : start + _CHUNK]))
            .values(superseded_by=batch_id)
        )
