"""Headline figures of the four first domains, aggregated in SQL as of a batch."""

from __future__ import annotations

import sqlalchemy as sa

from data_sources.schema import (
    incident_counts,
    kpis,
    recommendation_updates,
    recommendations,
    self_assessments,
    visible_as_of,
)


def incidents_by_year(connection: sa.Connection, as_of: int | None = None) -> dict[int, int]:
    cells = incident_counts
    query = (
        sa.select(cells.c.year, sa.func.sum(cells.c.incidents))
        .where(visible_as_of(cells, as_of))
        .group_by(cells.c.year)
        .order_by(cells.c.year)
    )
    return {year: int(total) for year, total in connection.execute(query)}


def critical_incidents_by_year(connection: sa.Connection, as_of: int | None = None) -> dict[int, int]:
    cells = incident_counts
    query = (
        sa.select(cells.c.year, sa.func.sum(cells.c.incidents))
        .where(visible_as_of(cells, as_of), cells.c.severity == "critical")
        .group_by(cells.c.year)
        .order_by(cells.c.year)
    )
    return {year: int(total) for year, total in connection.execute(query)}


def rating_shares_by_year(
    connection: sa.Connection, assessment: str, as_of: int | None = None
) -> dict[int, dict[str, float]]:
    """Per year, each rating's share of all ratings in percent (not-applicable counts in the whole)."""
    query = (
        sa.select(self_assessments.c.year, self_assessments.c.rating, sa.func.count())
        .where(visible_as_of(self_assessments, as_of), self_assessments.c.assessment == assessment)
        .group_by(self_assessments.c.year, self_assessments.c.rating)
    )
    counts: dict[int, dict[str, int]] = {}
    for year, rating, n in connection.execute(query):
        counts.setdefault(year, {})[rating] = n
    return {
        year: {rating: 100.0 * n / sum(by_rating.values()) for rating, n in by_rating.items()}
        for year, by_rating in sorted(counts.items())
    }


def satisfactory_share_by_statement(
    connection: sa.Connection, assessment: str, year: int, as_of: int | None = None
) -> dict[str, float]:
    satisfied = sa.func.count().filter(self_assessments.c.rating == "satisfactory")
    query = (
        sa.select(self_assessments.c.statement, satisfied, sa.func.count())
        .where(
            visible_as_of(self_assessments, as_of),
            self_assessments.c.assessment == assessment,
            self_assessments.c.year == year,
        )
        .group_by(self_assessments.c.statement)
    )
    return {statement: 100.0 * ok / total for statement, ok, total in connection.execute(query)}


def latest_recommendation_status(connection: sa.Connection, as_of: int | None = None) -> dict[str, str]:
    """Each recommendation's status at its latest dated update ('not_started' when it has none)."""
    updates = recommendation_updates
    ranked = (
        sa.select(
            updates.c.recommendation_id,
            updates.c.status,
            sa.func.row_number()
            .over(partition_by=updates.c.recommendation_id, order_by=updates.c.date.desc())
            .label("rank"),
        )
        .where(visible_as_of(updates, as_of))
        .subquery()
    )
    query = (
        sa.select(recommendations.c.recommendation_id, sa.func.coalesce(ranked.c.status, "not_started"))
        .select_from(
            recommendations.outerjoin(
                ranked,
                sa.and_(ranked.c.recommendation_id == recommendations.c.recommendation_id, ranked.c.rank == 1),
            )
        )
        .where(visible_as_of(recommendations, as_of))
    )
    return dict(connection.execute(query).all())


def kpi_value(connection: sa.Connection, kpi: str, period: str, unit: str, as_of: int | None = None) -> float | None:
    query = sa.select(kpis.c.value).where(
        visible_as_of(kpis, as_of), kpis.c.kpi == kpi, kpis.c.period == period, kpis.c.unit == unit
    )
    return connection.execute(query).scalar_one_or_none()
