"""Recommendation rules: what counts as done, overdue, and the status counts the board sees."""

from __future__ import annotations

import datetime as dt

import pandas as pd

FINISHED = ("done", "closed")
STATUS_ORDER = ("done", "closed", "in_progress", "on_hold", "not_started")


def with_overdue(recommendations: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    """Adds `overdue`: past its due date and not reported done."""
    frame = recommendations.copy()
    due = pd.to_datetime(frame["due_date"]).dt.date
    frame["overdue"] = [
        bool(d is not None and not pd.isna(d) and d < today and s not in FINISHED)
        for d, s in zip(due, frame["status"], strict=True)
    ]
    return frame


def status_counts(recommendations: pd.DataFrame) -> dict[str, int]:
    counts = recommendations["status"].value_counts().to_dict() if len(recommendations) else {}
    return {status: int(counts.get(status, 0)) for status in STATUS_ORDER}
