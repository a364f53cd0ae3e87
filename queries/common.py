"""What every query module shares: a result as a data frame, and the filter on units (none: all)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import sqlalchemy as sa


def frame(connection: sa.Connection, query: sa.Select) -> pd.DataFrame:
    result = connection.execute(query)
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def for_units(column: sa.ColumnElement, units: Sequence[str]) -> list[sa.ColumnElement[bool]]:
    return [column.in_(list(units))] if units else []
