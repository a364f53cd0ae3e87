"""Phishing campaigns as of a batch: one row per campaign and unit, the counts as imported."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import sqlalchemy as sa

from domain.datasets.phishing_campaigns import DATASET
from queries.common import for_units, frame, returns
from store.schema import table_of, visible_as_of

phishing_campaigns = table_of(DATASET)


@returns(
    "campaign",
    "start_date",
    "unit",
    "planned_hours",
    "actual_hours",
    "recipients",
    "clicked",
    "reported",
    "comment",
    "origin_batch_id",
)
def campaigns(connection: sa.Connection, units: Sequence[str], *, as_of: int | None = None) -> pd.DataFrame:
    """campaign, start_date, unit, planned_hours, actual_hours, recipients, clicked, reported, comment,
    origin_batch_id, oldest first."""
    p = phishing_campaigns.c
    query = (
        sa.select(
            p.campaign,
            p.start_date,
            p.unit,
            p.planned_hours,
            p.actual_hours,
            p.recipients,
            p.clicked,
            p.reported,
            p.comment,
            p.origin_batch_id,
        )
        .where(visible_as_of(phishing_campaigns, as_of), *for_units(p.unit, units))
        .order_by(p.start_date, p.unit)
    )
    return frame(connection, query)
