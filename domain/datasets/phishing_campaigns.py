"""Phishingövningar: each campaign per unit, its recipients, clicks and reports, planned and actual hours."""

from __future__ import annotations

import sqlalchemy as sa

from domain import kinds as k
from domain.declarations import Column, Columns, Dataset, Explore, Measure, RowContext, RowProblem, Words

C = Column


def _counted_among_recipients(p: Columns, _: RowContext) -> tuple[Columns, list[RowProblem]]:
    """Clicks and reports are counted among the recipients; hours are not negative."""
    problems: list[RowProblem] = []
    for i, (recipients, clicked, reported) in enumerate(zip(p["recipients"], p["clicked"], p["reported"], strict=True)):
        if clicked > recipients:
            problems.append((i, "clicked", clicked, f"högst antalet mottagare ({recipients})"))
        if reported is not None and reported > recipients:
            problems.append((i, "reported", reported, f"högst antalet mottagare ({recipients})"))
    for column in ("planned_hours", "actual_hours"):
        problems += [
            (i, column, h, "ett antal timmar, 0 eller mer") for i, h in enumerate(p[column]) if h is not None and h < 0
        ]
    return dict(p), problems


DATASET = Dataset(
    "phishing_campaigns",
    "Phishingövningar",
    70,
    (
        C("campaign", "kampanj", k.TEXT, True, "PH-2025-1", sql=lambda: sa.String(100), words=Words("kampanjer")),
        C("start_date", "startdatum", k.DATE, True, "2025-05-12"),
        C("unit", "enhet", k.UNIT, True, "Servicenämnden", words=Words("enheter")),
        C("planned_hours", "planerade_timmar", k.NUMBER, False, "72"),
        C("actual_hours", "faktiska_timmar", k.NUMBER, False, "27"),
        C("recipients", "mottagare", k.COUNT1, True, "1000"),
        C("clicked", "klickade", k.COUNT0, True, "320"),
        C("reported", "rapporterade", k.COUNT0, False, "95"),
        C("comment", "kommentar", k.TEXT, False, "Avbröts efter 27 av 72 timmar"),
    ),
    scope=("campaign", "unit"),
    scope_text="kampanj × enhet",
    keys=("campaign", "unit"),
    rules=_counted_among_recipients,
    explore=Explore(
        (
            Measure(
                "click_rate",
                "Andel som klickade",
                lambda t: 100.0 * sa.func.sum(t.c.clicked) / sa.func.sum(t.c.recipients),
                "percent",
            ),
            Measure("recipients", "Antal mottagare", lambda t: sa.func.sum(t.c.recipients), "count"),
        ),
        {"campaign": "Kampanj", "unit": "Enhet"},
    ),
)
