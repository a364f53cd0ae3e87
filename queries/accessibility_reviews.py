"""Accessibility reviews as of a batch: each service reviewed, and each year's totals summed in SQL."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import sqlalchemy as sa

from domain.datasets.accessibility_reviews import DATASET
from queries.common import for_units, frame, returns
from store.schema import table_of, visible_as_of

accessibility_reviews = table_of(DATASET)

a = accessibility_reviews.c


@returns("unit", "service", "criteria_tested", "criteria_failed", "severity", "videos_reviewed", "videos_deficient")
def services(connection: sa.Connection, year: int, units: Sequence[str], *, as_of: int | None = None) -> pd.DataFrame:
    """unit, service, criteria_tested, criteria_failed, severity, videos_reviewed, videos_deficient."""
    query = (
        sa.select(
            a.unit, a.service, a.criteria_tested, a.criteria_failed, a.severity, a.videos_reviewed, a.videos_deficient
        )
        .where(visible_as_of(accessibility_reviews, as_of), a.year == year, *for_units(a.unit, units))
        .order_by(a.unit, a.service)
    )
    return frame(connection, query)


@returns("year", "services", "criteria_tested", "passed", "serious", "critical", "videos_reviewed", "videos_deficient")
def totals_by_year(connection: sa.Connection, units: Sequence[str], *, as_of: int | None = None) -> pd.DataFrame:
    """year, services, criteria_tested (the most in one service), passed (no failed criterion), serious,
    critical, videos_reviewed, videos_deficient: oldest year first."""
    query = (
        sa.select(
            a.year,
            sa.func.count().label("services"),
            sa.func.max(a.criteria_tested).label("criteria_tested"),
            sa.func.count().filter(a.criteria_failed == 0).label("passed"),
            sa.func.count().filter(a.criteria_failed > 0, a.severity == "serious").label("serious"),
            sa.func.count().filter(a.criteria_failed > 0, a.severity == "critical").label("critical"),
            sa.func.coalesce(sa.func.sum(a.videos_reviewed), 0).label("videos_reviewed"),
            sa.func.coalesce(sa.func.sum(a.videos_deficient), 0).label("videos_deficient"),
        )
        .where(visible_as_of(accessibility_reviews, as_of), *for_units(a.unit, units))
        .group_by(a.year)
        .order_by(a.year)
    )
    return frame(connection, query)
