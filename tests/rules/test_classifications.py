"""When a classification is too old, counted from a given day."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from rules.classifications import older_than, with_shares


def test_the_cutoff_is_the_same_day_so_many_months_before_and_the_month_end_where_it_is_shorter():
    assert older_than(dt.date(2026, 11, 24), 36) == dt.date(2023, 11, 24)
    assert older_than(dt.date(2026, 5, 31), 3) == dt.date(2026, 2, 28)
    assert older_than(dt.date(2026, 1, 15), 1) == dt.date(2025, 12, 15)


def test_shares_are_of_the_units_systems():
    coverage = pd.DataFrame(
        {"unit": ["sn"], "systems": [8], "classified": [7], "risk_analysed": [6], "followed_up": [4]}
    )
    shared = with_shares(coverage).iloc[0]
    assert (shared["classified_share"], shared["risk_analysed_share"], shared["followed_up_share"]) == (87.5, 75, 50)
