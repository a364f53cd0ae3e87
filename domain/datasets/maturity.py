"""Mognadsnivåer: each unit's step on a configured maturity ladder, per year."""

from __future__ import annotations

import sqlalchemy as sa

from domain import kinds as k
from domain.declarations import Column, Columns, Dataset, Explore, Measure, RowContext, RowProblem, Words

C = Column


def _on_the_ladder(p: Columns, ctx: RowContext) -> tuple[Columns, list[RowProblem]]:
    """A level is one of the model's steps."""
    problems: list[RowProblem] = []
    for i, (model_id, level) in enumerate(zip(p["model"], p["level"], strict=True)):
        model = ctx.config.maturity_models[model_id]
        if level > len(model.steps):
            problems.append((i, "level", level, f"ett av stegen 1–{len(model.steps)} i {model.name}"))
    return dict(p), problems


DATASET = Dataset(
    "maturity",
    "Mognadsnivåer",
    110,
    (
        C("year", "år", k.YEAR, True, "2024"),
        C("unit", "enhet", k.UNIT, True, "Servicenämnden", words=Words("enheter")),
        C("model", "modell", k.MODEL, True, "ai_sweden", words=Words(listed=1_000)),
        C("level", "nivå", k.LEVEL, True, "2"),
    ),
    scope=("year", "unit", "model"),
    scope_text="år × enhet × modell",
    keys=("year", "unit", "model"),
    period_column="year",
    rules=_on_the_ladder,
    explore=Explore(
        (
            Measure("level", "Steg (medel över enheter)", lambda t: sa.func.avg(t.c.level), "number"),
            Measure("units", "Antal enheter", lambda t: sa.func.count(), "count"),
        ),
        {"year": "År", "unit": "Enhet", "model": "Modell", "level": "Steg"},
    ),
)
