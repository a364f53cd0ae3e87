"""Shares of each rating per year."""

from __future__ import annotations

import pandas as pd

from rules.self_assessments import shares_by_year


def test_shares_count_not_applicable_in_the_whole():
    counts = pd.DataFrame(
        {
            "year": [2015] * 4,
            "rating": ["satisfactory", "improvement", "urgent", "not_applicable"],
            "count": [296, 141, 14, 5],
        }
    )
    shares = shares_by_year(counts).set_index("rating")["share"].round().to_dict()
    assert shares == {"satisfactory": 65, "improvement": 31, "urgent": 3, "not_applicable": 1}
