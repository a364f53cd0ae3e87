"""Information classification as of a batch: each unit's systems, and the counts per unit made in SQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd
import sqlalchemy as sa

from data_sources.schema import classifications, visible_as_of
from queries.common import for_units, frame


def register(connection: sa.Connection, units: Sequence[str], *, as_of: int | None = None) -> pd.DataFrame:
    """unit, system, classified_date, risk_analysis_date, measures_followed_up_date: by unit and system."""
    c = classifications.c
    query = (
        sa.select(c.unit, c.system, c.classified_date, c.risk_analysis_date, c.measures_followed_up_date)
        .where(visible_as_of(classifications, as_of), *for_units(c.unit, units))
        .order_by(c.unit, c.system)
    )
    return frame(connection, query)


def coverage_by_unit(
    connection: sa.Connection, units: Sequence[str], older_than: dt.date, *, as_of: int | None = None
) -> pd.DataFrame:
    """unit, systems, classified, risk_analysed, followed_up, outdated: a classification dated before
    `older_than` is outdated."""
    c = classifications.c
    query = (
        sa.select(
            c.unit,
            sa.func.count().label("systems"),
            sa.func.count(c.classified_date).label("classified"),
            sa.func.count(c.risk_analysis_date).label("risk_analysed"),
            sa.func.count(c.measures_followed_up_date).label("followed_up"),
            sa.func.count().filter(c.classified_date < older_than).label("outdated"),
        )
        .where(visible_as_of(classifications, as_of), *for_units(c.unit, units))
        .group_by(c.unit)
        .order_by(c.unit)
    )
    return frame(connection, query)
