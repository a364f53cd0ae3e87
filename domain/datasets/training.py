"""Utbildning: per period, unit, audience and course how many there are and how many completed it."""

from __future__ import annotations

import sqlalchemy as sa

from domain import kinds as k
from domain.declarations import Column, Columns, Dataset, Explore, Measure, RowContext, RowProblem, Stored, Words

C = Column


def _completed_among_the_audience(p: Columns, _: RowContext) -> tuple[Columns, list[RowProblem]]:
    """Those who completed a course are counted among its audience; a year or a quarter sorts by its year."""
    problems: list[RowProblem] = [
        (i, "completed", done, f"högst antalet i målgruppen ({total})")
        for i, (total, done) in enumerate(zip(p["population"], p["completed"], strict=True))
        if done > total
    ]
    store = dict(p)
    store["year"] = [int(period[:4]) for period in p["period"]]
    return store, problems


DATASET = Dataset(
    "training",
    "Utbildning",
    80,
    (
        C("period", "period", k.PERIOD, True, "2025"),
        C("unit", "enhet", k.UNIT, True, "Servicenämnden", words=Words("enheter")),
        C("audience", "målgrupp", k.AUDIENCE, True, "Förtroendevalda", words=Words(listed=1_000, lower=True)),
        C(
            "course",
            "utbildning",
            k.TEXT,
            True,
            "Informationssäkerhet för förtroendevalda",
            sql=lambda: sa.String(200),
            words=Words("utbildningar"),
        ),
        C("population", "antal_i_målgruppen", k.COUNT0, True, "13"),
        C("completed", "genomförda", k.COUNT0, True, "9"),
    ),
    scope=("period", "unit", "audience", "course"),
    scope_text="period × enhet × målgrupp × utbildning",
    keys=("period", "unit", "audience", "course"),
    period_column="period",
    stored=(Stored("year", sa.Integer),),
    rules=_completed_among_the_audience,
    explore=Explore(
        (
            Measure(
                "completion",
                "Andel som genomfört",
                lambda t: 100.0 * sa.func.sum(t.c.completed) / sa.func.nullif(sa.func.sum(t.c.population), 0),
                "percent",
            ),
            Measure("completed", "Antal som genomfört", lambda t: sa.func.sum(t.c.completed), "count"),
        ),
        {"period": "Period", "year": "År", "unit": "Enhet", "audience": "Målgrupp", "course": "Utbildning"},
    ),
)
