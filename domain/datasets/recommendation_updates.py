"""Uppföljning av rekommendationer: each recommendation's dated status, progress and comment."""

from __future__ import annotations

import sqlalchemy as sa

from domain import kinds as k
from domain.declarations import Column, Dataset, Reference

C = Column

DATASET = Dataset(
    "recommendation_updates",
    "Uppföljning av rekommendationer",
    50,
    (
        C("recommendation_id", "rekommendation_id", k.TEXT, True, "ITS-2025-1", sql=lambda: sa.String(100)),
        C("date", "datum", k.DATE, True, "2025-06-30"),
        C("status", "status", k.REC_STATUS, True, "Pågår"),
        C("progress", "andel_klar", k.PERCENT, False, "50"),
        C("comment", "kommentar", k.TEXT, False, "Rutinerna dateras under hösten"),
    ),
    scope=("recommendation_id", "date"),
    scope_text="rekommendation × datum",
    keys=("recommendation_id", "date"),
    references=(
        Reference(
            "recommendation_id",
            "recommendations",
            "recommendation_id",
            "id på en rekommendation som redan är importerad (importera rekommendationerna först)",
        ),
    ),
)
