"""The access log in Swedish words and Swedish time."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from view_models.access_log import log_table


def test_each_event_is_shown_in_swedish_with_the_role_word_and_local_time():
    log = pd.DataFrame(
        {
            "at": [dt.datetime(2026, 6, 1, 10, 0, tzinfo=dt.UTC)],
            "actor": ["länk 3"],
            "role": ["link"],
            "event": ["link_refused"],
            "target": [None],
            "detail": ["återkallad"],
        }
    )
    assert log_table(log).iloc[0].tolist() == [
        "2026-06-01 12:00",
        "länk 3",
        "granskningslänk",
        "länk nekad",
        "–",
        "återkallad",
    ]
