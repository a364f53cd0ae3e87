"""The raw facts the data-quality checks need, small and aggregated in SQL."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from data_sources.schema import self_assessments, status, visible_as_of


def status_quarters_per_unit(connection: sa.Connection, as_of: int | None = None) -> pd.DataFrame:
    query = (
        sa.select(status.c.unit, status.c.period)
        .where(visible_as_of(status, as_of))
        .group_by(status.c.unit, status.c.period)
    )
    return pd.DataFrame(connection.execute(query).all(), columns=["unit", "period"])


def assessed_units(connection: sa.Connection, assessment: str, as_of: int | None = None) -> pd.DataFrame:
    s = self_assessments
    query = (
        sa.select(s.c.year, s.c.unit)
        .where(visible_as_of(s, as_of), s.c.assessment == assessment)
        .group_by(s.c.year, s.c.unit)
    )
    return pd.DataFrame(connection.execute(query).all(), columns=["year", "unit"])
