"""Where most units stand, and who moved between two years."""

from __future__ import annotations

import pandas as pd

from rules.maturity import most_common_pair, moves


def test_the_two_neighbouring_steps_with_most_units():
    distribution = pd.DataFrame({"year": [2024] * 3, "level": [1, 2, 3], "units": [11, 12, 1]})
    assert most_common_pair(distribution, 2024) == (1, 2, 23, 24)
    later = pd.DataFrame({"year": [2025] * 3, "level": [2, 3, 4], "units": [2, 9, 9]})
    assert most_common_pair(later, 2025) == (3, 4, 18, 20)
    alone = pd.DataFrame({"year": [2025], "level": [3], "units": [6]})
    assert most_common_pair(alone, 2025) == (3, 3, 6, 6)


def test_a_unit_missing_one_of_the_years_has_no_move():
    levels = pd.DataFrame(
        {"year": [2024, 2024, 2024, 2025, 2025], "unit": ["a", "b", "c", "a", "b"], "level": [1, 3, 2, 2, 2]}
    )
    moved = moves(levels, 2024, 2025)
    assert moved.to_dict("records") == [
        {"unit": "a", "before": 1, "after": 2, "change": 1},
        {"unit": "b", "before": 3, "after": 2, "change": -1},
    ]
