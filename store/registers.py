"""The registers that compute a KPI (domain.declarations.ComputedKpi), read per unit as of a batch: the
import door checks an imported value against them, and the KPI queries count the KPI from them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from domain.datasets import DATASETS
from domain.declarations import Register
from store.schema import DATASET_TABLES, visible_as_of


def registers(
    connection: sa.Connection, units: Sequence[str] = (), *, as_of: int | None = None
) -> dict[str, dict[str, tuple[Register, int]]]:
    """KPI id → unit → (its rows in the register and their done dates, the latest import behind them).
    Aggregated in SQL per unit and date: a register holds thousands of rows, not millions."""
    out: dict[str, dict[str, tuple[Register, int]]] = {}
    for dataset in DATASETS.values():
        if dataset.computes is None:
            continue
        table, done = DATASET_TABLES[dataset.name], dataset.computes.done
        where = [visible_as_of(table, as_of), *([table.c.unit.in_(list(units))] if units else [])]
        query = (
            sa.select(table.c.unit, table.c[done], sa.func.count(), sa.func.max(table.c.origin_batch_id))
            .where(*where)
            .group_by(table.c.unit, table.c[done])
        )
        held: dict[str, list[tuple[Any, int, int]]] = {}
        for unit, date, count, batch in connection.execute(query):
            held.setdefault(unit, []).append((date, count, batch))
        out[dataset.computes.kpi] = {
            unit: (
                Register(
                    sum(n for _, n, _ in dates),
                    tuple(sorted(d for d, n, _ in dates if d is not None for _ in range(n))),
                    dataset.title,
                    dataset.computes.counted,
                ),
                max(b for _, _, b in dates),
            )
            for unit, dates in held.items()
        }
    return out


def held(kpi_column: sa.ColumnElement[Any], unit_column: sa.ColumnElement[Any], as_of: int | None) -> list[Any]:
    """Conditions that leave out a KPI's imported values for the units whose register computes it."""
    out = []
    for dataset in DATASETS.values():
        if dataset.computes is not None:
            table = DATASET_TABLES[dataset.name]
            units = sa.select(table.c.unit).where(visible_as_of(table, as_of))
            out.append(sa.not_(sa.and_(kpi_column == dataset.computes.kpi, unit_column.in_(units))))
    return out
