"""A phishing campaign's rates, always from its counts (never a typed percentage), and how long it ran
against its plan."""

from __future__ import annotations

import pandas as pd


def with_rates(campaigns: pd.DataFrame) -> pd.DataFrame:
    """Adds click_rate and report_rate (percent of recipients) and stopped_early (ran shorter than planned)."""
    out = campaigns.copy()
    out["click_rate"] = 100.0 * out["clicked"] / out["recipients"]
    out["report_rate"] = 100.0 * out["reported"].astype("Float64") / out["recipients"]
    planned, actual = out["planned_hours"].astype("Float64"), out["actual_hours"].astype("Float64")
    out["stopped_early"] = (actual < planned).fillna(False).astype(bool)
    return out
