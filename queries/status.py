"""Quarterly status and KPIs, aggregated in SQL, each read as of a batch (None: the latest)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import sqlalchemy as sa

from domain.periods import period_end
from queries.common import for_units, frame, returns
from store.registers import held, registers
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


SERIES = (
    "period",
    "kpi",
    "numerator",
    "denominator",
    "mean_value",
    "sum_value",
    "units",
    "units_with_counts",
    "comment",
)


@returns(*SERIES)
def kpi_series(connection: sa.Connection, units: Sequence[str], *, as_of: int | None = None) -> pd.DataFrame:
    """Quarterly KPI values with their counts; a rate over several units is recomputed from the counts. A
    KPI a register computes is counted from the register for the units it holds (one figure per fact)."""
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
        .where(
            visible_as_of(kpis, as_of),
            kpis.c.quarter.is_not(None),
            *for_units(kpis.c.unit, units),
            *held(kpis.c.kpi, kpis.c.unit, as_of),
        )
        .group_by(kpis.c.period, kpis.c.kpi)
        .order_by(kpis.c.kpi, kpis.c.period)
    )
    imported = frame(connection, query)
    computed = _computed(connection, units, as_of)
    if computed.empty:
        return imported
    rows = computed.assign(mean_value=computed["share"], sum_value=computed["share"], units=1, units_with_counts=1)
    both = pd.concat([imported, rows[list(SERIES[:-1])].assign(comment=None)], ignore_index=True)
    both["weighted"] = both["mean_value"] * both["units"]
    summed = both.groupby(["period", "kpi"], as_index=False).agg(
        numerator=("numerator", lambda v: v.sum(min_count=1)),
        denominator=("denominator", lambda v: v.sum(min_count=1)),
        weighted=("weighted", "sum"),
        sum_value=("sum_value", "sum"),
        units=("units", "sum"),
        units_with_counts=("units_with_counts", "sum"),
        comment=("comment", "max"),
    )
    summed["mean_value"] = summed["weighted"] / summed["units"]
    return summed[list(SERIES)].sort_values(["kpi", "period"], ignore_index=True)


def _computed(connection: sa.Connection, units: Sequence[str], as_of: int | None) -> pd.DataFrame:
    """period, kpi, unit, numerator, denominator, share, batch: a register's KPI for each unit it holds, in
    each quarter the unit reports KPIs for, counted from the rows done by the quarter's end."""
    out = []
    for kpi, held_units in registers(connection, units, as_of=as_of).items():
        if not held_units:
            continue
        periods = (
            sa.select(kpis.c.unit, kpis.c.period)
            .where(visible_as_of(kpis, as_of), kpis.c.quarter.is_not(None), kpis.c.unit.in_(list(held_units)))
            .distinct()
        )
        for unit, period in connection.execute(periods):
            register, batch = held_units[unit]
            numerator, share = register.share_by(period_end(period))
            out.append((period, kpi, unit, numerator, register.rows, share, batch))
    return pd.DataFrame(out, columns=["period", "kpi", "unit", "numerator", "denominator", "share", "batch"])


@returns(
    "kpi",
    "period",
    "unit",
    "value",
    "numerator",
    "denominator",
    "batch",
    "created_at",
    "user_name",
    "source",
    "source_row",
)
def kpi_provenance(
    connection: sa.Connection,
    units: Sequence[str],
    *,
    latest: int = 8,
    as_of: int | None = None,
) -> pd.DataFrame:
    """Where the `latest` current values of each KPI came from: the import (number, time, who, file) and
    its row; asked once for every KPI of the view (the registers are counted once)."""
    query = (
        sa.select(
            kpis.c.kpi,
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
        .where(visible_as_of(kpis, as_of), *for_units(kpis.c.unit, units), *held(kpis.c.kpi, kpis.c.unit, as_of))
    )
    imported = frame(connection, query)
    computed = _computed(connection, units, as_of)
    if not computed.empty:
        batches = sa.select(
            import_batches.c.id, import_batches.c.created_at, import_batches.c.user_name, import_batches.c.source
        ).where(import_batches.c.id.in_([int(b) for b in computed["batch"].unique()]))
        made = frame(connection, batches).rename(columns={"id": "batch"})
        rows = computed.rename(columns={"share": "value"}).merge(made, on="batch").assign(source_row=None)
        imported = pd.concat([imported, rows[list(imported.columns)]], ignore_index=True)
    ordered = imported.sort_values(["kpi", "period", "unit"], ascending=[True, False, True], ignore_index=True)
    return ordered.groupby("kpi", sort=False).head(latest).reset_index(drop=True)


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
