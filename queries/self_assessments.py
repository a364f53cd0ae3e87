"""Self-assessment ratings counted in SQL, as of a batch."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import sqlalchemy as sa

from domain.datasets.self_assessments import DATASET
from queries.common import for_units, frame, returns
from store.schema import table_of, visible_as_of

self_assessments = table_of(DATASET)


@returns("year", "rating", "count")
def rating_counts_by_year(
    connection: sa.Connection,
    assessment: str,
    units: Sequence[str],
    *,
    as_of: int | None = None,
) -> pd.DataFrame:
    s = self_assessments
    query = (
        sa.select(s.c.year, s.c.rating, sa.func.count().label("count"))
        .where(visible_as_of(s, as_of), s.c.assessment == assessment, *for_units(s.c.unit, units))
        .group_by(s.c.year, s.c.rating)
        .order_by(s.c.year)
    )
    return frame(connection, query)


@returns("unit", "statement", "rating", "count")
def ratings_by_unit_and_statement(
    connection: sa.Connection,
    assessment: str,
    year: int,
    *,
    as_of: int | None = None,
) -> pd.DataFrame:
    s = self_assessments
    query = (
        sa.select(s.c.unit, s.c.statement, s.c.rating, sa.func.count().label("count"))
        .where(visible_as_of(s, as_of), s.c.assessment == assessment, s.c.year == year)
        .group_by(s.c.unit, s.c.statement, s.c.rating)
    )
    return frame(connection, query)


def assessment_years(connection: sa.Connection, assessment: str, *, as_of: int | None = None) -> list[int]:
    s = self_assessments
    query = (
        sa.select(s.c.year)
        .where(visible_as_of(s, as_of), s.c.assessment == assessment)
        .group_by(s.c.year)
        .order_by(s.c.year)
    )
    return list(connection.execute(query).scalars())


def rating_shares_by_year(
    connection: sa.Connection,
    assessment: str,
    *,
    as_of: int | None = None,
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


@returns("year", "statement", "satisfactory", "total")
def satisfactory_by_statement(
    connection: sa.Connection,
    assessment: str,
    units: Sequence[str],
    *,
    as_of: int | None = None,
) -> pd.DataFrame:
    """year, statement, satisfactory, total: per statement and year, how many rated it satisfactory."""
    s = self_assessments
    query = (
        sa.select(
            s.c.year,
            s.c.statement,
            sa.func.count().filter(s.c.rating == "satisfactory").label("satisfactory"),
            sa.func.count().label("total"),
        )
        .where(visible_as_of(s, as_of), s.c.assessment == assessment, *for_units(s.c.unit, units))
        .group_by(s.c.year, s.c.statement)
        .order_by(s.c.year)
    )
    return frame(connection, query)


@returns("year", "unit")
def assessed_units(connection: sa.Connection, assessment: str, *, as_of: int | None = None) -> pd.DataFrame:
    s = self_assessments
    query = (
        sa.select(s.c.year, s.c.unit)
        .where(visible_as_of(s, as_of), s.c.assessment == assessment)
        .group_by(s.c.year, s.c.unit)
    )
    return pd.DataFrame(connection.execute(query).all(), columns=["year", "unit"])
