"""Incident rules."""

from __future__ import annotations

import pandas as pd


def report_complete(row: pd.Series) -> bool:
    """A critical incident's report is complete with its date, incident manager and responsible manager."""
    managers = all(isinstance(row[c], str) and row[c] for c in ("incident_manager", "responsible_manager"))
    return managers and row["report_date"] is not None and not pd.isna(row["report_date"])


def report_completeness(critical: pd.DataFrame) -> pd.Series:
    """`report_complete` for every row at once: thousands of critical incidents are checked per view."""
    if not len(critical):
        return pd.Series(dtype=bool)

    def named(column: str) -> pd.Series:
        return critical[column].map(lambda value: isinstance(value, str) and bool(value))

    return named("incident_manager") & named("responsible_manager") & critical["report_date"].notna()
