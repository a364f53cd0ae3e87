"""What the store holds: per dataset its current rows, the periods covered and the last import."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import sqlalchemy as sa

from domain.datasets import DATASETS, Dataset
from queries.common import frame, returns
from store.schema import COUNTS_TABLES, DATASET_TABLES, import_batches, visible_as_of
from store.scope import of_organisation

status = DATASET_TABLES["status"]


@dataclass(frozen=True)
class DatasetOverview:
    dataset: str
    title: str
    rows: int
    first_period: str | None
    last_period: str | None
    example_rows: int
    last_import_at: dt.datetime | None
    last_import_by: str | None
    last_import_source: str | None
    last_import_id: int | None


def dataset_overview(connection: sa.Connection, *, as_of: int | None = None) -> list[DatasetOverview]:
    """Per dataset its current rows, the periods they cover and how many came with the example data. A
    dataset with declared counts is read from its cells, which know the rows per month; the example rows
    are found through the few example batches: nothing here scans ten million incidents."""
    b = import_batches.c
    mine = of_organisation(import_batches)
    example = list(connection.execute(sa.select(b.id).where(mine, b.is_example.is_(True))).scalars())
    undos = list(connection.execute(sa.select(b.id).where(mine, b.kind == "undo")).scalars()) if example else []
    out = []
    for name, dataset in DATASETS.items():
        rows, first, last = connection.execute(_extent(dataset, as_of)).one()
        example_rows = 0
        if example:
            table = DATASET_TABLES[name]
            example_rows = connection.execute(
                sa.select(sa.func.count()).where(
                    table.c.batch_id.in_([*example, *undos]),
                    table.c.origin_batch_id.in_(example),
                    visible_as_of(table, as_of),
                )
            ).scalar_one()
        last_batch = connection.execute(
            sa.select(
                import_batches.c.id, import_batches.c.created_at, import_batches.c.user_name, import_batches.c.source
            )
            .where(
                mine,
                import_batches.c.dataset == name,
                import_batches.c.kind == "import",
                *([import_batches.c.id <= as_of] if as_of is not None else []),
            )
            .order_by(import_batches.c.id.desc())
            .limit(1)
        ).first()
        out.append(
            DatasetOverview(
                dataset=name,
                title=dataset.title,
                rows=int(rows or 0),
                first_period=None if first is None else str(first),
                last_period=None if last is None else str(last),
                example_rows=example_rows,
                last_import_at=None if last_batch is None else last_batch.created_at,
                last_import_by=None if last_batch is None else last_batch.user_name,
                last_import_source=None if last_batch is None else last_batch.source,
                last_import_id=None if last_batch is None else last_batch.id,
            )
        )
    return out


def _extent(dataset: Dataset, as_of: int | None) -> sa.Select[Any]:
    """The current rows and the first and last period: from the declared counts when they hold the period."""
    counts = dataset.counts
    period = dataset.period_column
    if counts is not None and period in counts.dimensions:
        cells = COUNTS_TABLES[dataset.name]
        return sa.select(sa.func.sum(cells.c.rows), sa.func.min(cells.c[period]), sa.func.max(cells.c[period])).where(
            visible_as_of(cells, as_of)
        )
    table = DATASET_TABLES[dataset.name]
    extent: list[sa.ColumnElement[Any]] = (
        [sa.func.min(table.c[period]), sa.func.max(table.c[period])] if period else [sa.null(), sa.null()]
    )
    return sa.select(sa.func.count(), *extent).where(visible_as_of(table, as_of))


def example_data_in_use(connection: sa.Connection, *, as_of: int | None = None) -> bool:
    """Whether any current row came from the example data: the banner on every view asks this.

    Looked up from the few example batches (and undos, which may restore their rows) through the batch
    index, so it costs the same with a million own rows as with none.
    """
    b = import_batches
    mine = of_organisation(b)
    example = list(connection.execute(sa.select(b.c.id).where(mine, b.c.is_example.is_(True))).scalars())
    if not example:
        return False
    undos = connection.execute(sa.select(b.c.id).where(mine, b.c.kind == "undo")).scalars()
    candidates = [*example, *undos]
    for table in DATASET_TABLES.values():
        query = sa.select(
            sa.exists().where(
                table.c.batch_id.in_(candidates), table.c.origin_batch_id.in_(example), visible_as_of(table, as_of)
            )
        )
        if connection.execute(query).scalar_one():
            return True
    return False


@returns("unit", "period")
def status_quarters_per_unit(connection: sa.Connection, *, as_of: int | None = None) -> pd.DataFrame:
    query = (
        sa.select(status.c.unit, status.c.period)
        .where(visible_as_of(status, as_of))
        .group_by(status.c.unit, status.c.period)
    )
    return pd.DataFrame(connection.execute(query).all(), columns=["unit", "period"])


@returns("id", "kind", "dataset", "source", "user_name", "created_at")
def imports_after(connection: sa.Connection, batch_id: int, *, as_of: int | None = None) -> pd.DataFrame:
    """The imports and undos made after a batch (up to `as_of`), oldest first: what changed since a meeting."""
    b = import_batches.c
    query = sa.select(b.id, b.kind, b.dataset, b.source, b.user_name, b.created_at).where(
        of_organisation(import_batches), b.id > batch_id
    )
    if as_of is not None:
        query = query.where(b.id <= as_of)
    result = connection.execute(query.order_by(b.id))
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


@returns("id", "dataset", "source", "user_name", "created_at")
def imports_behind(connection: sa.Connection, datasets: Sequence[str], *, as_of: int | None = None) -> pd.DataFrame:
    """The imports whose rows were in force as of a batch, for the datasets named: where every figure read
    as of that batch came from (the board pack's footer and its list of sources)."""
    origins = sa.union(
        *(
            sa.select(DATASET_TABLES[d].c.origin_batch_id.label("id")).where(visible_as_of(DATASET_TABLES[d], as_of))
            for d in datasets
        )
    ).subquery()
    b = import_batches.c
    query = sa.select(b.id, b.dataset, b.source, b.user_name, b.created_at).where(b.id.in_(sa.select(origins.c.id)))
    return frame(connection, query.order_by(b.id))
