"""The board views' questions to the store, aggregated in SQL, each read as of a batch (None: now)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd
import sqlalchemy as sa

from data_sources.schema import (
    incident_counts,
    incidents,
    kpis,
    recommendation_updates,
    recommendations,
    self_assessments,
    status,
    visible_as_of,
)


def _frame(connection: sa.Connection, query: sa.Select) -> pd.DataFrame:
    result = connection.execute(query)
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def _units(column: sa.ColumnElement, units: Sequence[str]) -> list[sa.ColumnElement[bool]]:
    return [column.in_(list(units))] if units else []


# --- status and KPIs -----------------------------------------------------------------------------


def quarters_with_data(connection: sa.Connection, units: Sequence[str], as_of: int | None = None) -> list[str]:
    """Quarters that have a status or a quarterly KPI for the units, oldest first."""
    with_status = sa.select(status.c.period).where(visible_as_of(status, as_of), *_units(status.c.unit, units))
    with_kpis = sa.select(kpis.c.period).where(
        visible_as_of(kpis, as_of), kpis.c.quarter.is_not(None), *_units(kpis.c.unit, units)
    )
    union = sa.union(with_status, with_kpis).subquery()
    return list(connection.execute(sa.select(union.c.period).order_by(union.c.period)).scalars())


def status_by_quarter(
    connection: sa.Connection, units: Sequence[str], periods: Sequence[str], as_of: int | None = None
) -> pd.DataFrame:
    """period, unit, area, status, trend, comment for the given quarters."""
    query = (
        sa.select(status.c.period, status.c.unit, status.c.area, status.c.status, status.c.trend, status.c.comment)
        .where(visible_as_of(status, as_of), status.c.period.in_(list(periods)), *_units(status.c.unit, units))
        .order_by(status.c.period, status.c.unit, status.c.area)
    )
    return _frame(connection, query)


def status_matrix(connection: sa.Connection, unit: str, as_of: int | None = None) -> pd.DataFrame:
    """period, area, status for every quarter of one unit: the heat map's cells."""
    query = (
        sa.select(status.c.period, status.c.area, status.c.status, status.c.comment)
        .where(visible_as_of(status, as_of), status.c.unit == unit)
        .order_by(status.c.period, status.c.area)
    )
    return _frame(connection, query)


def kpi_series(connection: sa.Connection, units: Sequence[str], as_of: int | None = None) -> pd.DataFrame:
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
        .where(visible_as_of(kpis, as_of), kpis.c.quarter.is_not(None), *_units(kpis.c.unit, units))
        .group_by(kpis.c.period, kpis.c.kpi)
        .order_by(kpis.c.kpi, kpis.c.period)
    )
    return _frame(connection, query)


# --- incidents -----------------------------------------------------------------------------------


def _incident_filters(
    severities: Sequence[str], categories: Sequence[str], table: sa.Table = incident_counts
) -> list[sa.ColumnElement[bool]]:
    out = []
    if severities:
        out.append(table.c.severity.in_(list(severities)))
    if categories:
        out.append(table.c.category.in_(list(categories)))
    return out


# The charts' sums come from the incident counts (kept per batch with the rows), never from the rows.
_cells = incident_counts


def incidents_by_month(
    connection: sa.Connection,
    units: Sequence[str],
    first_month: str,
    last_month: str,
    as_of: int | None = None,
    severities: Sequence[str] = (),
    categories: Sequence[str] = (),
) -> pd.DataFrame:
    query = (
        sa.select(_cells.c.month, _cells.c.severity, sa.func.sum(_cells.c.incidents).label("count"))
        .where(
            visible_as_of(_cells, as_of),
            _cells.c.year.between(int(first_month[:4]), int(last_month[:4])),
            _cells.c.month >= first_month,
            _cells.c.month <= last_month,
            *_units(_cells.c.unit, units),
            *_incident_filters(severities, categories),
        )
        .group_by(_cells.c.month, _cells.c.severity)
        .order_by(_cells.c.month)
    )
    return _frame(connection, query)


def incidents_by_year_and_category(
    connection: sa.Connection,
    units: Sequence[str],
    as_of: int | None = None,
    severities: Sequence[str] = (),
    categories: Sequence[str] = (),
) -> pd.DataFrame:
    """year, category, count, reported (to IMY), critical."""
    total = sa.func.sum(_cells.c.incidents)
    query = (
        sa.select(
            _cells.c.year,
            _cells.c.category,
            total.label("count"),
            sa.func.coalesce(total.filter(_cells.c.reported_to_authority.is_(True)), 0).label("reported"),
            sa.func.coalesce(total.filter(_cells.c.severity == "critical"), 0).label("critical"),
        )
        .where(
            visible_as_of(_cells, as_of),
            *_units(_cells.c.unit, units),
            *_incident_filters(severities, categories),
        )
        .group_by(_cells.c.year, _cells.c.category)
        .order_by(_cells.c.year, _cells.c.category)
    )
    return _frame(connection, query)


def incidents_by_unit(connection: sa.Connection, year: int, as_of: int | None = None) -> pd.DataFrame:
    query = (
        sa.select(_cells.c.unit, _cells.c.severity, sa.func.sum(_cells.c.incidents).label("count"))
        .where(visible_as_of(_cells, as_of), _cells.c.year == year)
        .group_by(_cells.c.unit, _cells.c.severity)
    )
    return _frame(connection, query)


def incident_rows(
    connection: sa.Connection,
    units: Sequence[str],
    month: str,
    severity: str,
    as_of: int | None = None,
    categories: Sequence[str] = (),
    limit: int = 200,
) -> pd.DataFrame:
    """The rows behind one bar of the monthly chart, as imported (at most `limit`)."""
    from data_sources.schema import import_batches

    if not units:  # every unit with such incidents that month, so the lookup goes by month and unit
        units = (
            connection.execute(
                sa.select(_cells.c.unit)
                .where(visible_as_of(_cells, as_of), _cells.c.year == int(month[:4]), _cells.c.month == month)
                .group_by(_cells.c.unit)
            )
            .scalars()
            .all()
        )
    query = (
        sa.select(
            incidents.c.date,
            incidents.c.date_precision,
            incidents.c.unit,
            incidents.c.category,
            incidents.c.count,
            incidents.c.reference,
            incidents.c.title,
            import_batches.c.source,
            incidents.c.source_row,
        )
        .select_from(incidents.join(import_batches, import_batches.c.id == incidents.c.origin_batch_id))
        .where(
            visible_as_of(incidents, as_of),
            incidents.c.scope_key.in_([f"{month}|{unit}" for unit in units]),
            incidents.c.severity == severity,
            *_incident_filters((), categories, incidents),
        )
        .order_by(incidents.c.count.desc(), incidents.c.date)
        .limit(limit)
    )
    return _frame(connection, query)


# Written out, not bound, so the planner sees it matches the partial index of critical incidents.
_CRITICAL = incidents.c.severity == sa.literal_column("'critical'")


def critical_incidents(connection: sa.Connection, units: Sequence[str], as_of: int | None = None) -> pd.DataFrame:
    query = (
        sa.select(
            incidents.c.date,
            incidents.c.reference,
            incidents.c.title,
            incidents.c.unit,
            incidents.c.category,
            incidents.c.count,
            incidents.c.reported_to_authority,
            incidents.c.incident_manager,
            incidents.c.responsible_manager,
            incidents.c.report_date,
            incidents.c.resolved_date,
        )
        .where(visible_as_of(incidents, as_of), _CRITICAL, *_units(incidents.c.unit, units))
        .order_by(incidents.c.date.desc())
    )
    return _frame(connection, query)


# --- recommendations -----------------------------------------------------------------------------


def recommendations_with_progress(connection: sa.Connection, as_of: int | None = None) -> pd.DataFrame:
    """Each recommendation with its latest status, the date of it, and when it was first reported done."""
    updates = recommendation_updates
    current = visible_as_of(updates, as_of)
    ranked = (
        sa.select(
            updates.c.recommendation_id,
            updates.c.status,
            updates.c.date,
            updates.c.progress,
            updates.c.comment,
            sa.func.row_number()
            .over(partition_by=updates.c.recommendation_id, order_by=updates.c.date.desc())
            .label("rank"),
        )
        .where(current)
        .subquery()
    )
    done = (
        sa.select(updates.c.recommendation_id, sa.func.min(updates.c.date).label("done_date"))
        .where(current, updates.c.status.in_(["done", "closed"]))
        .group_by(updates.c.recommendation_id)
        .subquery()
    )
    r = recommendations
    query = (
        sa.select(
            r.c.recommendation_id,
            r.c.audit,
            r.c.auditor,
            r.c.audit_date,
            r.c.addressee,
            r.c.area,
            r.c.recommendation,
            r.c.committed,
            r.c.owner,
            r.c.due_date,
            r.c.response,
            sa.func.coalesce(ranked.c.status, "not_started").label("status"),
            ranked.c.date.label("status_date"),
            ranked.c.progress,
            ranked.c.comment.label("status_comment"),
            done.c.done_date,
        )
        .select_from(
            r.outerjoin(
                ranked, sa.and_(ranked.c.recommendation_id == r.c.recommendation_id, ranked.c.rank == 1)
            ).outerjoin(done, done.c.recommendation_id == r.c.recommendation_id)
        )
        .where(visible_as_of(r, as_of))
        .order_by(r.c.audit_date, r.c.recommendation_id)
    )
    return _frame(connection, query)


def recommendation_history(
    connection: sa.Connection, recommendation_ids: Sequence[str], as_of: int | None = None
) -> pd.DataFrame:
    """The status updates of the given recommendations, oldest first."""
    u = recommendation_updates
    query = (
        sa.select(u.c.recommendation_id, u.c.date, u.c.status, u.c.progress, u.c.comment)
        .where(visible_as_of(u, as_of), u.c.recommendation_id.in_(list(recommendation_ids)))
        .order_by(u.c.recommendation_id, u.c.date)
    )
    return _frame(connection, query)


# --- self-assessments ----------------------------------------------------------------------------


def rating_counts_by_year(
    connection: sa.Connection, assessment: str, units: Sequence[str], as_of: int | None = None
) -> pd.DataFrame:
    s = self_assessments
    query = (
        sa.select(s.c.year, s.c.rating, sa.func.count().label("count"))
        .where(visible_as_of(s, as_of), s.c.assessment == assessment, *_units(s.c.unit, units))
        .group_by(s.c.year, s.c.rating)
        .order_by(s.c.year)
    )
    return _frame(connection, query)


def ratings_by_unit_and_statement(
    connection: sa.Connection, assessment: str, year: int, as_of: int | None = None
) -> pd.DataFrame:
    s = self_assessments
    query = (
        sa.select(s.c.unit, s.c.statement, s.c.rating, sa.func.count().label("count"))
        .where(visible_as_of(s, as_of), s.c.assessment == assessment, s.c.year == year)
        .group_by(s.c.unit, s.c.statement, s.c.rating)
    )
    return _frame(connection, query)


def assessment_years(connection: sa.Connection, assessment: str, as_of: int | None = None) -> list[int]:
    s = self_assessments
    query = (
        sa.select(s.c.year)
        .where(visible_as_of(s, as_of), s.c.assessment == assessment)
        .group_by(s.c.year)
        .order_by(s.c.year)
    )
    return list(connection.execute(query).scalars())


def today() -> dt.date:
    return dt.date.today()


def kpi_provenance(connection: sa.Connection, kpi: str, units: Sequence[str], as_of: int | None = None) -> pd.DataFrame:
    """Where each current value of a KPI came from: the import (number, time, who, file) and its row."""
    from data_sources.schema import import_batches

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
        .where(visible_as_of(kpis, as_of), kpis.c.kpi == kpi, *_units(kpis.c.unit, units))
        .order_by(kpis.c.period.desc(), kpis.c.unit)
    )
    return _frame(connection, query)
