"""Information classification: the shares from the counts, and when a classification is too old."""

from __future__ import annotations

import calendar
import datetime as dt

import pandas as pd

STEPS = ("classified", "risk_analysed", "followed_up")  # in the order the work is done


def older_than(on: dt.date, months: int) -> dt.date:
    """The day a classification must be newer than to still count as current on `on`."""
    year, month = divmod(on.year * 12 + on.month - 1 - months, 12)
    return dt.date(year, month + 1, min(on.day, calendar.monthrange(year, month + 1)[1]))


def with_shares(coverage: pd.DataFrame) -> pd.DataFrame:
    """Adds each step's share of the unit's systems, in percent."""
    out = coverage.copy()
    for step in STEPS:
        out[f"{step}_share"] = 100.0 * out[step] / out["systems"]
    return out
