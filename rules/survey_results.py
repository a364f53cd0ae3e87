"""Survey shares, always from the respondents: per unit, and for all who answered (the average bar)."""

from __future__ import annotations

import pandas as pd

ALL = "*"  # the unit of the row that sums every unit: the figures' rightmost bar


def answer_shares(answers: pd.DataFrame) -> pd.DataFrame:
    """answers (unit, answer, respondents) of one question → unit, answer, respondents, share; with a row
    per answer for ALL units, weighted by respondents."""
    everyone = answers.groupby("answer", as_index=False)["respondents"].sum().assign(unit=ALL)
    rows = pd.concat([answers[["unit", "answer", "respondents"]], everyone], ignore_index=True)
    totals = rows.groupby("unit")["respondents"].transform("sum")
    return rows.assign(share=(100.0 * rows["respondents"] / totals.where(totals > 0)).astype(float))


def positive_shares(by_year: pd.DataFrame) -> pd.DataFrame:
    """by_year (year, unit, positive, respondents) → the same with ALL per year and share."""
    everyone = by_year.groupby("year", as_index=False)[["positive", "respondents"]].sum().assign(unit=ALL)
    rows = pd.concat([by_year, everyone], ignore_index=True)
    return rows.assign(
        share=(100.0 * rows["positive"] / rows["respondents"].where(rows["respondents"] > 0)).astype(float)
    )
