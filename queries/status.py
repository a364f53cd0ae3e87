"""Quarterly status and KPIs, aggregated in SQL, each read as of a batch (None: the latest)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import sqlalchemy as sa

from queries.common import for_units, frame, returns
from store.schema import DATASET_TABLES, import_batches, visible_as_of

status = DATASET_TABLES["status"]
kpis = DATASET_TABLES["kpis"]


def quarters_with_data(connection: sa.Connection, units: Sequence[str], *, as_of: int | None = None) -> list[str]:
    """Quarters that have a status or a quarterly KPI for the units, oldest first."""
    with_status = sa.select(status.c.period).where(visible_as_of(status, as_of), *for_units(status.c.unit, units))
    with_kpis = sa.select(kpis.c.period).where(
        visible_as_of(kpis, as_of), kpis.c.quarter.is_not(None), *for_units(kpis.c.unit, units)
    )
    union = sa.union(with_status, with_kpis).subquery()
    return list(connection.execute(sa.select(union.c.period).order_by(union.c.period)).scalars())


@returns("period", "unit", "area", "status", "trend", "comment")
def status_by_quarter(
    connection: sa.Connection,
    units: Sequence[str],
    periods: Sequence[str],
    *,
    as_of: int | None = None,
) -> pd.DataFrame:
    """period, unit, area, status, trend, comment for the given quarters."""
    query = (
        sa.select(status.c.period, status.c.unit, status.c.area, status.c.status, status.c.trend, status.c.comment)
        .where(visible_as_of(status, as_of), status.c.period.in_(list(periods)), *for_units(status.c.unit, units))
        .order_by(status.c.period, status.c.unit, status.c.area)
    )
    return frame(connection, query)


@returns("period", "area", "status", "comment")
def status_matrix(connection: sa.Connection, unit: str, *, as_of: int | None = None) -> pd.DataFrame:
    """period, area, status for every quarter of one unit: the heat map's cells."""
    query = (
        sa.select(status.c.period, status.c.area, status.c.status, status.c.comment)
        .where(visible_as_of(status, as_of), status.c.unit == unit)
        .order_by(status.c.period, status.c.area)
    )
    return frame(connection, query)


@returns(
    "period", "kpi", "numerator", "denominator", "mean_value", "sum_value", "units", "units_with_counts", "comment"
)
def kpi_series(connection: sa.Connection, units: Sequence[str], *, as_of: int | None = None) -> pd.DataFrame:
    """Quarterly KPI values with their counts; a rate over several units is recomputed from the counts."""
    query = (
        sa.select(
            kpis.c.period,
            kpis.c.kpi,
            sa.func.sum(kpis.c.numerator).label("numerator"),
            sa.func.sum(kpis.c.denominator).label("denominator"),
            sa.func.avg(kpis.c.value).label("mean_value"),
            sa.func.sum(kpis.c.value).label("sum_value"),
            sa.func.count().label("units"),
            sa.func.count(kpis.c.numerator).label("units_with_counts"),
            sa.func.max(kpis.c.comment).label("comment"),
        )
        .where(visible_as_of(kpis, as_of), kpis.c.quarter.is_not(None), *for_units(kpis.c.unit, units))
        .group_by(kpis.c.period, kpis.c.kpi)
        .order_by(kpis.c.kpi, kpis.c.period)
    )
    return frame(connection, query)


@returns(
    "period", "unit", "value", "numerator", "denominator", "batch", "created_at", "user_name", "source", "source_row"
)
def kpi_provenance(
    connection: sa.Connection,
    kpi: str,
    units: Sequence[str],
    *,
    as_of: int | None = None,
) -> pd.DataFrame:
    """Where each current value of a KPI came from: the import (number, time, who, file) and its row."""
    query = (
        sa.select(
            kpis.c.period,
            kpis.c.unit,
            kpis.c.value,
            kpis.c.numerator,
            kpis.c.denominator,
            import_batches.c.id.label("batch"),
            import_batches.c.created_at,
            import_batches.c.user_name,
            import_batches.c.source,
            kpis.c.source_row,
        )
        .select_from(kpis.join(import_batches, import_batches.c.id == kpis.c.origin_batch_id))
        .where(visible_as_of(kpis, as_of), kpis.c.kpi == kpi, *for_units(kpis.c.unit, units))
        .order_by(kpis.c.period.desc(), kpis.c.unit)
    )
    return frame(connection, query)


def kpi_value(
    connection: sa.Connection,
    kpi: str,
    period: str,
    unit: str,
    *,
    as_of: int | None = None,
) -> float | None:
    query = sa.select(kpis.c.value).where(
        visible_as_of(kpis, as_of), kpis.c.kpi == kpi, kpis.c.period == period, kpis.c.unit == unit
    )
    return connection.execute(query).scalar_one_or_none()
