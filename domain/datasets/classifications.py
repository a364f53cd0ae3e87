"""Informationsklassning: each unit's systems with the dates they were classified, analysed and followed up."""

from __future__ import annotations

import sqlalchemy as sa

from domain import kinds as k
from domain.declarations import Column, ComputedKpi, Dataset, Explore, Measure, Words

C = Column

# Each step is dated on its own: a system may be classified and not yet analysed (no rule across columns).
DATASET = Dataset(
    "classifications",
    "Informationsklassning",
    100,
    (
        C("unit", "enhet", k.UNIT, True, "Servicenämnden", words=Words("enheter")),
        C("system", "system", k.TEXT, True, "Ekonomisystemet", sql=lambda: sa.String(200), words=Words("system")),
        C("classified_date", "klassningsdatum", k.DATE, False, "2023-04-12"),
        C("risk_analysis_date", "riskanalysdatum", k.DATE, False, "2023-05-03"),
        C("measures_followed_up_date", "åtgärder_uppföljda", k.DATE, False, "2024-02-20"),
    ),
    scope=("unit", "system"),
    scope_text="enhet × system",
    keys=("unit", "system"),
    explore=Explore(
        (
            Measure(
                "classified",
                "Andel klassade system",
                lambda t: 100.0 * sa.func.count(t.c.classified_date) / sa.func.count(),
                "percent",
            ),
            Measure("systems", "Antal system", lambda t: sa.func.count(), "count"),
        ),
        {"unit": "Enhet"},
    ),
    # Where the register holds a unit's systems, its `systems_classified` is counted from them: one figure.
    computes=ComputedKpi("systems_classified", "classified_date", "system klassade"),
)
