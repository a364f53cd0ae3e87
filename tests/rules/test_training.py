"""Completion comes from the counts; an empty audience has no share rather than a false 0 %."""

from __future__ import annotations

import pandas as pd

from rules.training import by_year_and_audience, with_completion


def test_shares_from_the_counts_summed_per_year_and_audience():
    rows = pd.DataFrame(
        {
            "year": [2025, 2025, 2025],
            "audience": ["elected", "elected", "staff"],
            "population": [13, 15, 0],
            "completed": [9, 6, 0],
        }
    )
    assert with_completion(rows)["share"].round(1).tolist()[:2] == [69.2, 40.0]
    assert pd.isna(with_completion(rows)["share"].iloc[2])
    summed = by_year_and_audience(rows).set_index("audience")
    assert (summed.loc["elected", "completed"], summed.loc["elected", "population"]) == (15, 28)
    assert round(summed.loc["elected", "share"], 1) == 53.6
