"""Incidents: the charts' sums from the incident counts, the rows behind a bar, the critical ones; as of a batch."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import sqlalchemy as sa

from domain.datasets.incidents import DATASET
from queries.common import for_units, frame, returns
from store.schema import counts_of, import_batches, table_of, visible_as_of

incidents = table_of(DATASET)
incident_counts = counts_of(DATASET)


def _incident_filters(
    severities: Sequence[str], categories: Sequence[str], table: sa.Table = incident_counts
) -> list[sa.ColumnElement[bool]]:
    out: list[sa.ColumnElement[bool]] = []
    if severities:
        out.append(table.c.severity.in_(list(severities)))
    if categories:
        out.append(table.c.category.in_(list(categories)))
    return out


# The charts' sums come from the incident counts (kept per batch with the rows), never from the rows.
_cells = incident_counts


@returns("month", "severity", "count")
def incidents_by_month(
    connection: sa.Connection,
    units: Sequence[str],
    first_month: str,
    last_month: str,
    severities: Sequence[str] = (),
    categories: Sequence[str] = (),
    *,
    as_of: int | None = None,
) -> pd.DataFrame:
    query = (
        sa.select(_cells.c.month, _cells.c.severity, sa.func.sum(_cells.c.incidents).label("count"))
        .where(
            visible_as_of(_cells, as_of),
            _cells.c.year.between(int(first_month[:4]), int(last_month[:4])),
            _cells.c.month >= first_month,
            _cells.c.month <= last_month,
            *for_units(_cells.c.unit, units),
            *_incident_filters(severities, categories),
        )
        .group_by(_cells.c.month, _cells.c.severity)
        .order_by(_cells.c.month)
    )
    return frame(connection, query)


@returns("year", "category", "count", "reported", "critical")
def incidents_by_year_and_category(
    connection: sa.Connection,
    units: Sequence[str],
    severities: Sequence[str] = (),
    categories: Sequence[str] = (),
    *,
    as_of: int | None = None,
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
            *for_units(_cells.c.unit, units),
            *_incident_filters(severities, categories),
        )
        .group_by(_cells.c.year, _cells.c.category)
        .order_by(_cells.c.year, _cells.c.category)
    )
    return frame(connection, query)


@returns("unit", "severity", "count")
def incidents_by_unit(connection: sa.Connection, year: int, *, as_of: int | None = None) -> pd.DataFrame:
    query = (
        sa.select(_cells.c.unit, _cells.c.severity, sa.func.sum(_cells.c.incidents).label("count"))
        .where(visible_as_of(_cells, as_of), _cells.c.year == year)
        .group_by(_cells.c.unit, _cells.c.severity)
    )
    return frame(connection, query)


@returns("date", "date_precision", "unit", "category", "count", "reference", "title", "source", "source_row")
def incident_rows(
    connection: sa.Connection,
    units: Sequence[str],
    month: str,
    severity: str,
    categories: Sequence[str] = (),
    limit: int = 200,
    *,
    as_of: int | None = None,
) -> pd.DataFrame:
    """The rows behind one bar of the monthly chart, as imported (at most `limit`)."""
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
    return frame(connection, query)


# Written out, not bound, so the planner sees it matches the partial index of critical incidents.
_CRITICAL = incidents.c.severity == sa.literal_column("'critical'")


@returns(
    "date",
    "reference",
    "title",
    "unit",
    "category",
    "count",
    "reported_to_authority",
    "incident_manager",
    "responsible_manager",
    "report_date",
    "resolved_date",
)
def critical_incidents(connection: sa.Connection, units: Sequence[str], *, as_of: int | None = None) -> pd.DataFrame:
    return frame(connection, _critical(units, as_of))


@returns(*critical_incidents.columns)  # type: ignore[attr-defined]
def critical_without_full_report(connection: sa.Connection, *, as_of: int | None = None) -> pd.DataFrame:
    """The critical incidents whose report lacks its date, incident manager or responsible manager: the few
    Data och importer names, found in SQL (a city has twenty thousand critical incidents in ten million);
    `rules.incidents.report_completeness` still judges each."""
    c = incidents.c
    blank = [sa.or_(column.is_(None), column == "") for column in (c.incident_manager, c.responsible_manager)]
    return frame(connection, _critical((), as_of).where(sa.or_(*blank, c.report_date.is_(None))))


def _critical(units: Sequence[str], as_of: int | None) -> sa.Select:
    return (
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
        .where(visible_as_of(incidents, as_of), _CRITICAL, *for_units(incidents.c.unit, units))
        .order_by(incidents.c.date.desc())
    )


def incidents_by_year(connection: sa.Connection, *, as_of: int | None = None) -> dict[int, int]:
    cells = incident_counts
    query = (
        sa.select(cells.c.year, sa.func.sum(cells.c.incidents))
        .where(visible_as_of(cells, as_of))
        .group_by(cells.c.year)
        .order_by(cells.c.year)
    )
    return {year: int(total) for year, total in connection.execute(query)}


def critical_incidents_by_year(connection: sa.Connection, *, as_of: int | None = None) -> dict[int, int]:
    cells = incident_counts
    query = (
        sa.select(cells.c.year, sa.func.sum(cells.c.incidents))
        .where(visible_as_of(cells, as_of), cells.c.severity == "critical")
        .group_by(cells.c.year)
        .order_by(cells.c.year)
    )
    return {year: int(total) for year, total in connection.execute(query)}


@returns(
    "reference",
    "title",
    "unit",
    "category",
    "significant",
    "detected_at",
    "early_warning_at",
    "notification_at",
    "final_report_at",
    "imy_reported_at",
)
def reportable_incidents(connection: sa.Connection, units: Sequence[str], *, as_of: int | None = None) -> pd.DataFrame:
    """The incidents with reporting duties: significant under the Cybersecurity Act, or personal-data
    breaches for IMY, each with its detection and its reports; the earliest detected first."""
    i = incidents.c
    query = (
        sa.select(
            i.reference,
            i.title,
            i.unit,
            i.category,
            i.significant,
            i.detected_at,
            i.early_warning_at,
            i.notification_at,
            i.final_report_at,
            i.imy_reported_at,
        )
        .where(
            visible_as_of(incidents, as_of),
            i.detected_at.is_not(None),
            sa.or_(i.significant.is_(True), i.category == "personal_data"),
            *for_units(i.unit, units),
        )
        .order_by(i.detected_at)
    )
    return frame(connection, query)
