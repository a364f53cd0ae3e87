"""Maturity: where most units stand, and each unit's move between two years."""

from __future__ import annotations

import pandas as pd


def most_common_pair(distribution: pd.DataFrame, year: int) -> tuple[int, int, int, int]:
    """(lower step, upper step, units on them, units in all) for the two neighbouring steps holding most
    units in `year`: the published "most between step 1 and 2". Upper is lower when the next step is empty."""
    counts = distribution[distribution["year"] == year].set_index("level")["units"]
    total = int(counts.sum())
    best = max(counts.index, key=lambda level: (counts.get(level, 0) + counts.get(level + 1, 0), -level))
    upper = best + 1 if counts.get(best + 1, 0) else best
    return int(best), int(upper), int(counts.get(best, 0) + counts.get(best + 1, 0)), total


def moves(levels: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """unit, before, after, change: the units with a level in both years."""
    before = levels[levels["year"] == first].set_index("unit")["level"]
    after = levels[levels["year"] == last].set_index("unit")["level"]
    both = pd.DataFrame({"before": before, "after": after}).dropna().astype(int)
    both["change"] = both["after"] - both["before"]
    return both.reset_index(names="unit").sort_values(["change", "unit"], ascending=[False, True], ignore_index=True)
