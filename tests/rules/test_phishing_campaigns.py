"""A campaign's rates come from its counts, never typed; a campaign that ran shorter than planned says so."""

from __future__ import annotations

import pandas as pd

from rules.phishing_campaigns import with_rates


def test_rates_are_computed_from_the_counts_and_early_stops_found():
    campaigns = pd.DataFrame(
        {
            "recipients": [1000, 640],
            "clicked": [320, 83],
            "reported": [95, None],
            "planned_hours": [72.0, 72.0],
            "actual_hours": [27.0, None],
        }
    )
    rated = with_rates(campaigns)
    assert rated["click_rate"].round(2).tolist() == [32.0, 12.97]
    assert rated["report_rate"].iloc[0] == 9.5 and pd.isna(rated["report_rate"].iloc[1])
    assert rated["stopped_early"].tolist() == [True, False]  # unknown actual hours are not an early stop
