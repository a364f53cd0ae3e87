"""What is overdue, and the status counts."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from rules.recommendations import status_counts, with_overdue


def test_overdue_only_when_past_due_and_not_done():
    recs = pd.DataFrame(
        {
            "recommendation_id": ["a", "b", "c", "d"],
            "status": ["on_hold", "done", "in_progress", None],
            "due_date": [dt.date(2025, 12, 31), dt.date(2025, 12, 31), dt.date(2027, 1, 1), None],
        }
    )
    flagged = with_overdue(recs, dt.date(2026, 11, 23))
    assert list(flagged["overdue"]) == [True, False, False, False]
    assert status_counts(recs.fillna("not_started"))["not_started"] == 1
