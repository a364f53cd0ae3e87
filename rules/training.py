"""Training completion, always from the counts: per row, and summed per year and audience."""

from __future__ import annotations

import pandas as pd


def with_completion(rows: pd.DataFrame) -> pd.DataFrame:
    """Adds share: percent of the audience that completed the course (none when the audience is empty)."""
    out = rows.copy()
    out["share"] = (100.0 * out["completed"] / out["population"].where(out["population"] > 0)).astype(float)
    return out


def by_year_and_audience(rows: pd.DataFrame) -> pd.DataFrame:
    """year, audience, population, completed, share: every unit and course of a year summed."""
    summed = rows.groupby(["year", "audience"], as_index=False)[["population", "completed"]].sum()
    return with_completion(summed)
