"""Recommendation rules: what counts as done, overdue, and the status counts the board sees."""

from __future__ import annotations

import datetime as dt

import pandas as pd

FINISHED = ("done", "closed")
STATUS_ORDER = ("done", "closed", "in_progress", "on_hold", "not_started")


def with_overdue(recommendations: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    """Adds `overdue`: past its due date and not reported done."""
    frame = recommendations.copy()
    due = pd.to_datetime(frame["due_date"])
    frame["overdue"] = (due.notna() & (due < pd.Timestamp(today)) & ~frame["status"].isin(FINISHED)).astype(bool)
    return frame


def status_counts(recommendations: pd.DataFrame) -> dict[str, int]:
    counts = recommendations["status"].value_counts().to_dict() if len(recommendations) else {}
    return {status: int(counts.get(status, 0)) for status in STATUS_ORDER}
