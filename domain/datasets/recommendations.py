"""Granskningsrekommendationer: each audit's recommendations, the body's answer and the due date."""

from __future__ import annotations

import sqlalchemy as sa

from domain import kinds as k
from domain.declarations import Column, Dataset, Words

C = Column
S200 = lambda: sa.String(200)  # noqa: E731

DATASET = Dataset(
    "recommendations",
    "Granskningsrekommendationer",
    40,
    (
        C(
            "id",
            "id",
            k.TEXT,
            True,
            "ITS-2025-1",
            stored="recommendation_id",
            sql=lambda: sa.String(100),
            words=Words("rekommendationer", listed=3),
        ),
        C("audit", "granskning", k.TEXT, True, "Granskning av IT-säkerhet"),
        C("auditor", "granskare", k.TEXT, True, "Malmö stadsrevision", sql=lambda: sa.String(300)),
        C("audit_date", "granskningsdatum", k.DATE, True, "2025-01-28"),
        C("addressee", "mottagare", k.UNIT, True, "Servicenämnden"),
        C("area", "område", k.TEXT, False, "Incidenthantering", sql=S200),
        C("recommendation", "rekommendation", k.TEXT, True, "Komplettera rutinerna med datering"),
        C("committed", "åtagande", k.YES_NO, False, "Ja"),
        C("owner", "ansvarig", k.TEXT, False, "IT-chef", sql=S200),
        C("due_date", "slutdatum", k.DATE, False, "2025-12-31"),
        C("response", "yttrande", k.TEXT, False, "Nämnden åtar sig att genomföra rekommendationen"),
        C("response_date", "yttrandedatum", k.DATE, False, "2025-03-20"),
        C("decision_ref", "beslut", k.TEXT, False, "SN 2025-03-20 § 45", sql=S200),
    ),
    scope=("recommendation_id",),
    scope_text="rekommendation (id)",
    keys=("id",),
)
