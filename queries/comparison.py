"""What one organisation reports for a quarter, summed over its units, for the comparison across
organisations (each asked in its own organisation's scope: the rows are never read together)."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from domain.datasets.measures import DATASET as MEASURES
from queries.common import frame, returns
from store.schema import DATASET_TABLES, table_of, visible_as_of

status = DATASET_TABLES["status"]
kpis = DATASET_TABLES["kpis"]
measures = table_of(MEASURES)


def comparison_quarters(connection: sa.Connection, *, as_of: int | None = None) -> list[str]:
    """Quarters with a status or a quarterly KPI, oldest first."""
    with_status = sa.select(status.c.period).where(visible_as_of(status, as_of))
    with_kpis = sa.select(kpis.c.period).where(visible_as_of(kpis, as_of), kpis.c.quarter.is_not(None))
    union = sa.union(with_status, with_kpis).subquery()
    return list(connection.execute(sa.select(union.c.period).order_by(union.c.period)).scalars())


@returns("kpi", "units", "value_sum", "numerator", "denominator", "counted_units")
def kpi_totals(connection: sa.Connection, quarter: str, *, as_of: int | None = None) -> pd.DataFrame:
    """Per KPI in the quarter: the units reporting it, the sum of their values, and the sums of the counts
    of the units that gave both (a rate is computed from those, never averaged)."""
    counted = sa.and_(kpis.c.numerator.is_not(None), kpis.c.denominator.is_not(None))
    query = (
        sa.select(
            kpis.c.kpi,
            sa.func.count(sa.distinct(kpis.c.unit)).label("units"),
            sa.func.sum(kpis.c.value).label("value_sum"),
            sa.func.sum(sa.case((counted, kpis.c.numerator))).label("numerator"),
            sa.func.sum(sa.case((counted, kpis.c.denominator))).label("denominator"),
            sa.func.count(sa.distinct(sa.case((counted, kpis.c.unit)))).label("counted_units"),
        )
        .where(visible_as_of(kpis, as_of), kpis.c.period == quarter)
        .group_by(kpis.c.kpi)
    )
    return frame(connection, query)


@returns("area", "status", "units")
def status_counts(connection: sa.Connection, quarter: str, *, as_of: int | None = None) -> pd.DataFrame:
    """Per area and status in the quarter, the units reporting it."""
    query = (
        sa.select(status.c.area, status.c.status, sa.func.count(sa.distinct(status.c.unit)).label("units"))
        .where(visible_as_of(status, as_of), status.c.period == quarter)
        .group_by(status.c.area, status.c.status)
    )
    return frame(connection, query)


@returns("status", "rows")
def measure_statuses(connection: sa.Connection, quarter: str, *, as_of: int | None = None) -> pd.DataFrame:
    """The Cybersecurity Act's measures reported for the quarter, counted per status over every body."""
    query = (
        sa.select(measures.c.status, sa.func.count().label("rows"))
        .where(visible_as_of(measures, as_of), measures.c.period == quarter)
        .group_by(measures.c.status)
    )
    return frame(connection, query)
