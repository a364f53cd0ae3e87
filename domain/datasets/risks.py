"""Risker: each body's risk register — every risk assessed by likelihood and consequence on the configured
scale (config/risks.yaml), its owner and treatment; a later assessment of the same risk is its move."""

from __future__ import annotations

import sqlalchemy as sa

from domain import kinds as k
from domain.declarations import Column, Columns, Dataset, Explore, Measure, RowContext, RowProblem, Words
from domain.formatting import swedish_date
from domain.vocabulary import MEASURE_STATUSES

C = Column
S200 = lambda: sa.String(200)  # noqa: E731
# A treatment is not started, under way or done: the measures' words, without "Ej tillämplig".
TREATMENT_STATUSES = tuple(c for c in MEASURE_STATUSES if c.id != "not_applicable")
TREATMENT_STATUS = k.coded(TREATMENT_STATUSES, "en åtgärdsstatus", 16)


def _due_after_the_assessment(p: Columns, _: RowContext) -> tuple[Columns, list[RowProblem]]:
    """A treatment is due after the assessment that decided it, never before."""
    problems: list[RowProblem] = [
        (i, "due_date", swedish_date(due), f"ett datum från bedömningsdatumet ({swedish_date(assessed)}) och framåt")
        for i, (assessed, due) in enumerate(zip(p["assessed_date"], p["due_date"], strict=True))
        if due is not None and due < assessed
    ]
    return dict(p), problems


def risk_value(t: sa.Table) -> sa.ColumnElement[int]:
    """Likelihood × consequence, in SQL."""
    return t.c.likelihood * t.c.consequence


DATASET = Dataset(
    "risks",
    "Risker",
    88,
    (
        C(
            "id",
            "id",
            k.TEXT,
            True,
            "R-2026-3",
            stored="risk_id",
            sql=lambda: sa.String(100),
            words=Words("risker", listed=3),
        ),
        C("unit", "enhet", k.UNIT, True, "Servicenämnden"),
        C("title", "rubrik", k.TEXT, True, "Obehörig åtkomst till information", sql=lambda: sa.String(300)),
        C("assessed_date", "bedömningsdatum", k.DATE, True, "2026-09-15", words=Words("bedömningar")),
        C("likelihood", "sannolikhet", k.LIKELIHOOD, True, "3"),
        C("consequence", "konsekvens", k.CONSEQUENCE, True, "4"),
        C("owner", "ägare", k.TEXT, False, "IT-chef", sql=S200),
        C("treatment", "åtgärd", k.TEXT, False, "Behörighetsöversyn två gånger om året"),
        C("treatment_status", "åtgärdsstatus", TREATMENT_STATUS, False, "Pågår"),
        C("due_date", "slutdatum", k.DATE, False, "2026-12-31"),
    ),
    scope=("risk_id", "assessed_date"),  # a file replaces exactly the assessments it names
    scope_text="risk (id) × bedömningsdatum",
    keys=("id", "assessed_date"),
    rules=_due_after_the_assessment,
    explore=Explore(
        (
            Measure("assessments", "Antal bedömningar", lambda t: sa.func.count(), "count"),
            Measure("highest", "Högsta riskvärde", lambda t: sa.func.max(risk_value(t)), "number"),
            Measure("average", "Medelriskvärde", lambda t: sa.func.avg(risk_value(t)), "number"),
        ),
        {
            "unit": "Enhet",
            "likelihood": "Sannolikhet",
            "consequence": "Konsekvens",
            "treatment_status": "Åtgärdsstatus",
        },
    ),
)
