"""Free exploration: a measure grouped by one or two whitelisted dimensions, with filters, in SQL.

Only ids from these specs ever reach a query, so a link cannot name an arbitrary column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa

from domain.datasets import DATASETS
from domain.declarations import Measure
from store.schema import COUNTS_TABLES, DATASET_TABLES, visible_as_of


@dataclass(frozen=True)
class Spec:
    """What Utforska may ask of one dataset, from its declaration: the table read, measures, groupings."""

    title: str
    table: sa.Table
    measures: tuple[Measure, ...]
    dimensions: dict[str, str]  # column → Swedish label


SPECS: dict[str, Spec] = {
    name: Spec(
        dataset.title,
        COUNTS_TABLES[name] if dataset.explore.from_counts else DATASET_TABLES[name],
        dataset.explore.measures,
        dataset.explore.dimensions,
    )
    for name, dataset in DATASETS.items()
    if dataset.explore is not None
}


def _typed(column: sa.Column, values: Sequence[str]) -> list[str | int]:
    if isinstance(column.type, sa.Integer):
        return [int(v) for v in values if str(v).isdigit()]
    return [str(v) for v in values]


def distinct_values(connection: sa.Connection, dataset: str, dimension: str, *, as_of: int | None = None) -> list:
    spec = SPECS[dataset]
    column = spec.table.c[dimension]
    query = sa.select(column).where(visible_as_of(spec.table, as_of)).group_by(column).order_by(column)
    return list(connection.execute(query).scalars())


def explore(
    connection: sa.Connection,
    dataset: str,
    measure: str,
    group_by: Sequence[str],
    filters: Sequence[tuple[str, Sequence[str]]],
    *,
    as_of: int | None = None,
) -> pd.DataFrame:
    """One row per group: the grouping columns and `value`. Filter values come as text (from a link)."""
    spec = SPECS[dataset]
    table = spec.table
    chosen = next(m for m in spec.measures if m.id == measure)
    columns = [table.c[d] for d in group_by if d in spec.dimensions]
    conditions = [
        table.c[d].in_(_typed(table.c[d], values)) for d, values in filters if d in spec.dimensions and values
    ]
    query = (
        sa.select(*columns, chosen.expression(table).label("value"))
        .where(visible_as_of(table, as_of), *conditions)
        .group_by(*columns)
        .order_by(*columns)
    )
    result = connection.execute(query)
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))
