"""Self-assessment shares: each rating's share of all ratings (not applicable counts in the whole, as
the published internal-control report does)."""

from __future__ import annotations

import pandas as pd

from domain.configuration import Assessment


def shares_by_year(counts: pd.DataFrame) -> pd.DataFrame:
    """year, rating, count, share (percent of the year's ratings)."""
    if counts.empty:
        return counts.assign(share=pd.Series(dtype=float))
    totals = counts.groupby("year")["count"].transform("sum")
    return counts.assign(share=100.0 * counts["count"] / totals)


def satisfactory_by_unit_and_category(ratings: pd.DataFrame, assessment: Assessment) -> pd.DataFrame:
    """unit, category, satisfactory, total, share: the matrix of the share rated satisfactory."""
    category_of = {s.id: s.category for s in assessment.statements}
    names = {c.id: c.name for c in assessment.categories}
    frame = ratings.assign(category=ratings["statement"].map(category_of).map(names))
    frame["satisfactory"] = frame["count"].where(frame["rating"] == "satisfactory", 0)
    grouped = frame.groupby(["unit", "category"], as_index=False)[["satisfactory", "count"]].sum()
    grouped = grouped.rename(columns={"count": "total"})
    return grouped.assign(share=100.0 * grouped["satisfactory"] / grouped["total"])


def statement_results(ratings: pd.DataFrame, assessment: Assessment) -> pd.DataFrame:
    """statement, text, rating, count, share across units."""
    texts = {s.id: s.text for s in assessment.statements}
    order = {s.id: i for i, s in enumerate(assessment.statements)}
    grouped = ratings.groupby(["statement", "rating"], as_index=False)["count"].sum()
    totals = grouped.groupby("statement")["count"].transform("sum")
    grouped = grouped.assign(share=100.0 * grouped["count"] / totals, text=grouped["statement"].map(texts))
    return grouped.sort_values(by="statement", key=lambda s: s.map(order)).reset_index(drop=True)


def statement_comparison(counts: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """counts (year, statement, satisfactory, total) → year, statement, satisfactory, total, share for the
    two years compared."""
    two = counts[counts["year"].isin([first, last])]
    return two.assign(share=100.0 * two["satisfactory"] / two["total"]).reset_index(drop=True)
