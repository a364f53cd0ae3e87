"""Ledningens ansvar: per quarter and body, each of the Cybersecurity Act's ten risk-management measures
(NIS2 art. 21.2 a–j) with its status, owner, the body's approval and its next review."""

from __future__ import annotations

import sqlalchemy as sa

from domain import kinds as k
from domain.declarations import Column, Columns, Dataset, Explore, Measure, RowContext, RowProblem, Words
from domain.formatting import swedish_date

C = Column
S200 = lambda: sa.String(200)  # noqa: E731


def _reviewed_after_the_decision(p: Columns, ctx: RowContext) -> tuple[Columns, list[RowProblem]]:
    """A measure is reviewed after the body decided it, never before; a decision date without the decision
    it was taken in (a § or a diarienummer) is questioned, not refused."""
    problems: list[RowProblem] = []
    for i, (decided, review, ref) in enumerate(
        zip(p["decided_date"], p["next_review"], p["decision_ref"], strict=True)
    ):
        if decided is not None and review is not None and review < decided:
            problems.append(
                (
                    i,
                    "next_review",
                    swedish_date(review),
                    f"ett datum från beslutsdatumet ({swedish_date(decided)}) och framåt",
                )
            )
        if decided is not None and not ref:
            question = f"beslutsdatum {swedish_date(decided)} utan beslut: ange paragraf eller diarienummer (§ 41)"
            ctx.questions.append((i, "decision_ref", "", question))
    return dict(p), problems


DATASET = Dataset(
    "measures",
    "Ledningens ansvar",
    85,
    (
        C("period", "period", k.QUARTER, True, "2026Q3"),
        C("unit", "enhet", k.UNIT, True, "Servicenämnden", words=Words("enheter")),
        C("measure", "åtgärd", k.MEASURE, True, "Incidenthantering", words=Words("åtgärder", listed=3)),
        C("status", "status", k.MEASURE_STATUS, True, "Genomförd"),
        C("owner", "ansvarig", k.TEXT, False, "IT-chef", sql=S200),
        C("decided_date", "beslutsdatum", k.DATE, False, "2026-03-12"),
        C("decision_ref", "beslut", k.TEXT, False, "§ 41", sql=S200),
        C("next_review", "nästa_översyn", k.DATE, False, "2027-03-31"),
        C("comment", "kommentar", k.TEXT, False, "Rutinen prövad i övning i maj"),
    ),
    scope=("period", "unit", "measure"),  # a file replaces exactly the measures it names
    scope_text="kvartal × enhet × åtgärd",
    keys=("period", "unit", "measure"),
    period_column="period",
    rules=_reviewed_after_the_decision,
    explore=Explore(
        (
            Measure(
                "done",
                "Andel genomförda av de tillämpliga",
                lambda t: (
                    100.0
                    * sa.func.count().filter(t.c.status == "done")
                    / sa.func.nullif(sa.func.count().filter(t.c.status != "not_applicable"), 0)
                ),
                "percent",
            ),
            Measure("decided", "Antal beslutade av nämnden", lambda t: sa.func.count(t.c.decided_date), "count"),
        ),
        {"period": "Kvartal", "unit": "Enhet", "measure": "Åtgärd", "status": "Status"},
    ),
)
