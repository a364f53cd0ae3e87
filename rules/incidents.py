"""Incident rules."""

from __future__ import annotations

import pandas as pd


def report_completeness(critical: pd.DataFrame) -> pd.Series:
    """Per critical incident: is its report complete (date, incident manager and responsible manager)?

    Checked for whole columns at once, as a view may list thousands of critical incidents.
    """
    if not len(critical):
        return pd.Series(dtype=bool)

    def named(column: str) -> pd.Series:
        return critical[column].map(lambda value: isinstance(value, str) and bool(value))

    return named("incident_manager") & named("responsible_manager") & critical["report_date"].notna()
