"""Information classification as of a batch: each unit's systems, and the counts per unit made in SQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd
import sqlalchemy as sa

from domain.datasets.classifications import DATASET
from queries.common import for_units, frame, returns
from store.schema import table_of, visible_as_of

classifications = table_of(DATASET)


@returns("unit", "system", "classified_date", "risk_analysis_date", "measures_followed_up_date", "outdated")
def register(
    connection: sa.Connection, units: Sequence[str], older_than: dt.date, *, as_of: int | None = None
) -> pd.DataFrame:
    """unit, system, classified_date, risk_analysis_date, measures_followed_up_date, outdated: by unit and
    system; outdated as `coverage_by_unit` counts it."""
    c = classifications.c
    query = (
        sa.select(
            c.unit,
            c.system,
            c.classified_date,
            c.risk_analysis_date,
            c.measures_followed_up_date,
            sa.func.coalesce(_outdated(older_than), False).label("outdated"),
        )
        .where(visible_as_of(classifications, as_of), *for_units(c.unit, units))
        .order_by(c.unit, c.system)
    )
    return frame(connection, query)


def _outdated(older_than: dt.date) -> sa.ColumnElement[bool]:
    """Classified, but before `older_than`: the one rule for a classification too old."""
    return classifications.c.classified_date < older_than


@returns("unit", "systems", "classified", "risk_analysed", "followed_up", "outdated")
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
            sa.func.count().filter(_outdated(older_than)).label("outdated"),
        )
        .where(visible_as_of(classifications, as_of), *for_units(c.unit, units))
        .group_by(c.unit)
        .order_by(c.unit)
    )
    return frame(connection, query)
