"""Security training as of a batch: per period, unit, audience and course, the counts as imported."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import sqlalchemy as sa

from domain.datasets.training import DATASET
from queries.common import for_units, frame, returns
from store.schema import table_of, visible_as_of

training = table_of(DATASET)


@returns("period", "year", "unit", "audience", "course", "population", "completed")
def courses(connection: sa.Connection, units: Sequence[str], *, as_of: int | None = None) -> pd.DataFrame:
    """period, year, unit, audience, course, population, completed: oldest first."""
    t = training.c
    query = (
        sa.select(t.period, t.year, t.unit, t.audience, t.course, t.population, t.completed)
        .where(visible_as_of(training, as_of), *for_units(t.unit, units))
        .order_by(t.year, t.period, t.unit, t.audience, t.course)
    )
    return frame(connection, query)
