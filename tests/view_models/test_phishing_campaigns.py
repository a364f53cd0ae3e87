"""What the board is told about phishing: the true click rate from the counts next to its target, and a
campaign stopped early said in hours, never "over 5 %"."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from rules.phishing_campaigns import with_rates
from view_models.phishing_campaigns import (
    campaign_table,
    duration_summary,
    latest_campaign,
    latest_summary,
    trend_summary,
)


def _campaigns() -> pd.DataFrame:
    return with_rates(
        pd.DataFrame(
            {
                "campaign": ["PH-2024-1", "PH-2025-1"],
                "start_date": [dt.date(2024, 10, 7), dt.date(2025, 5, 12)],
                "unit": ["servicenamnden", "servicenamnden"],
                "planned_hours": [72.0, 72.0],
                "actual_hours": [72.0, 27.0],
                "recipients": [980, 1000],
                "clicked": [118, 320],
                "reported": [176, 95],
                "comment": [None, "Avbröts"],
            }
        )
    )


def test_the_latest_campaign_is_told_with_its_counts_target_and_early_stop(config):
    assert latest_summary(_campaigns(), config) == (
        "Senaste kampanjen PH-2025-1 (2025-05-12, Servicenämnden): 32\u00a0% klickade (320 av 1\u00a0000), "
        "mål 5\u00a0%; 9,5\u00a0% rapporterade; avbröts efter 27 av 72 planerade timmar."
    )
    figure = latest_campaign(_campaigns(), config)
    assert (figure.value, figure.tone) == ("32\u00a0%", "red")
    assert figure.notes == (
        "Mål 5\u00a0% · ■ Långt från målet",
        "320 av 1\u00a0000 klickade",
        "Avbröts efter 27 av 72 timmar",
    )


def test_the_trend_and_the_durations_in_words_and_the_table_behind(config):
    assert trend_summary(_campaigns(), config) == (
        "Andel som klickade per kampanj – Servicenämnden 2024: 12\u00a0%, 2025: 32\u00a0%. Målet är högst 5\u00a0%."
    )
    assert (
        duration_summary(_campaigns(), config) == "Avbrutna i förtid: PH-2025-1 Servicenämnden efter 27 av 72 timmar."
    )
    table = campaign_table(_campaigns(), config)
    assert table.loc[1, "Andel klickade"] == "32\u00a0%" and table.loc[1, "Faktiska timmar"] == "27"
    assert latest_campaign(_campaigns().iloc[0:0], config) is None
