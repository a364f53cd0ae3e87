"""Maturity levels as of a batch: each unit's level per year on one model, and the distribution in SQL."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import sqlalchemy as sa

from domain.datasets.maturity import DATASET
from queries.common import for_units, frame, returns
from store.schema import table_of, visible_as_of

maturity = table_of(DATASET)


def models(connection: sa.Connection, *, as_of: int | None = None) -> list[str]:
    """The models with levels in the store."""
    m = maturity.c
    query = sa.select(m.model).where(visible_as_of(maturity, as_of)).group_by(m.model).order_by(m.model)
    return list(connection.execute(query).scalars())


@returns("year", "unit", "level")
def levels(connection: sa.Connection, model: str, units: Sequence[str], *, as_of: int | None = None) -> pd.DataFrame:
    """year, unit, level: oldest year first."""
    m = maturity.c
    query = (
        sa.select(m.year, m.unit, m.level)
        .where(visible_as_of(maturity, as_of), m.model == model, *for_units(m.unit, units))
        .order_by(m.year, m.unit)
    )
    return frame(connection, query)


@returns("year", "level", "units")
def distribution(
    connection: sa.Connection, model: str, units: Sequence[str], *, as_of: int | None = None
) -> pd.DataFrame:
    """year, level, units: how many units stand on each step each year."""
    m = maturity.c
    query = (
        sa.select(m.year, m.level, sa.func.count().label("units"))
        .where(visible_as_of(maturity, as_of), m.model == model, *for_units(m.unit, units))
        .group_by(m.year, m.level)
        .order_by(m.year, m.level)
    )
    return frame(connection, query)
