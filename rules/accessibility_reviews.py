"""Accessibility reviews: the services in the order a board should read them, the worst finding first."""

from __future__ import annotations

import pandas as pd

from domain.vocabulary import FINDINGS

_RANK = {code.id: i for i, code in enumerate(FINDINGS)}  # critical, serious, minor


def worst_first(services: pd.DataFrame) -> pd.DataFrame:
    """By worst finding, then a failure without a finding given, then no failure; more failed criteria
    first within each, then by name."""
    failed = services["criteria_failed"] > 0
    rank = services["severity"].map(_RANK).fillna(len(_RANK)).where(failed, len(_RANK) + 1)
    order = services.assign(_rank=rank).sort_values(
        ["_rank", "criteria_failed", "service"], ascending=[True, False, True], kind="stable"
    )
    return order.drop(columns="_rank").reset_index(drop=True)
