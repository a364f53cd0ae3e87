"""A governing document is overdue when its next revision date has passed and it still applies."""

from __future__ import annotations

import datetime as dt

import pandas as pd


def with_revision_state(register: pd.DataFrame, on: dt.date) -> pd.DataFrame:
    """Adds overdue (the revision date passed, the document not repealed) and days_overdue."""
    out = register.copy()
    revision = pd.to_datetime(out["next_revision"])
    applies = out["status"].fillna("in_force") != "repealed"
    out["overdue"] = (revision < pd.Timestamp(on)).fillna(False).astype(bool) & applies
    out["days_overdue"] = (pd.Timestamp(on) - revision).dt.days.where(out["overdue"])
    return out
