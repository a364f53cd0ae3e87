"""Free exploration: a measure grouped by one or two whitelisted dimensions, with filters, in SQL.

Only ids from these specs ever reach a query, so a link cannot name an arbitrary column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa

from data_sources.schema import (
    accessibility_reviews,
    classifications,
    incident_counts,
    kpis,
    maturity,
    phishing_campaigns,
    self_assessments,
    status,
    survey_results,
    training,
    visible_as_of,
)


@dataclass(frozen=True)
class Measure:
    id: str
    label: str
    expression: Callable[[sa.Table], sa.ColumnElement]
    unit: str  # 'count', 'percent' or 'number'


@dataclass(frozen=True)
class Spec:
    title: str
    table: sa.Table
    measures: tuple[Measure, ...]
    dimensions: dict[str, str]  # column → Swedish label


SPECS: dict[str, Spec] = {
    "incidents": Spec(
        "Incidenter",
        incident_counts,  # the sums kept per batch; every dimension below is one of its cells' columns
        (Measure("count", "Antal incidenter", lambda t: sa.func.sum(t.c.incidents), "count"),),
        {"year": "År", "month": "Månad", "unit": "Enhet", "severity": "Allvarlighetsgrad", "category": "Kategori"},
    ),
    "status": Spec(
        "Kvartalsstatus",
        status,
        (Measure("areas", "Antal områdesbedömningar", lambda t: sa.func.count(), "count"),),
        {"period": "Kvartal", "year": "År", "unit": "Enhet", "area": "Område", "status": "Status"},
    ),
    "kpis": Spec(
        "Nyckeltal",
        kpis,
        (Measure("value", "Värde (medel över enheter)", lambda t: sa.func.avg(t.c.value), "number"),),
        {"period": "Period", "year": "År", "unit": "Enhet", "kpi": "Nyckeltal"},
    ),
    "self_assessments": Spec(
        "Självskattningar",
        self_assessments,
        (
            Measure("ratings", "Antal bedömningar", lambda t: sa.func.count(), "count"),
            Measure(
                "satisfactory",
                "Andel tillfredsställande",
                lambda t: 100.0 * sa.func.count().filter(t.c.rating == "satisfactory") / sa.func.count(),
                "percent",
            ),
        ),
        {
            "year": "År",
            "unit": "Enhet",
            "assessment": "Självskattning",
            "statement": "Påstående",
            "rating": "Bedömning",
        },
    ),
    "training": Spec(
        "Utbildning",
        training,
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
    "phishing_campaigns": Spec(
        "Phishingövningar",
        phishing_campaigns,
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
    "classifications": Spec(
        "Informationsklassning",
        classifications,
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
    "maturity": Spec(
        "Mognadsnivåer",
        maturity,
        (
            Measure("level", "Steg (medel över enheter)", lambda t: sa.func.avg(t.c.level), "number"),
            Measure("units", "Antal enheter", lambda t: sa.func.count(), "count"),
        ),
        {"year": "År", "unit": "Enhet", "model": "Modell", "level": "Steg"},
    ),
    "survey_results": Spec(
        "Enkätsvar",
        survey_results,
        (Measure("respondents", "Antal svar", lambda t: sa.func.sum(t.c.respondents), "count"),),
        {"survey": "Enkät", "year": "År", "unit": "Enhet", "question": "Fråga", "answer": "Svar"},
    ),
    "accessibility_reviews": Spec(
        "Tillgänglighetsgranskningar",
        accessibility_reviews,
        (
            Measure("services", "Antal granskade tjänster", lambda t: sa.func.count(), "count"),
            Measure("failed", "Underkända kriterier", lambda t: sa.func.sum(t.c.criteria_failed), "count"),
            Measure(
                "videos_deficient",
                "Andel filmer med brister",
                lambda t: (
                    100.0 * sa.func.sum(t.c.videos_deficient) / sa.func.nullif(sa.func.sum(t.c.videos_reviewed), 0)
                ),
                "percent",
            ),
        ),
        {"year": "År", "unit": "Enhet", "severity": "Allvarligaste brist"},
    ),
}


def _typed(column: sa.Column, values: Sequence[str]) -> list[str | int]:
    if isinstance(column.type, sa.Integer):
        return [int(v) for v in values if str(v).isdigit()]
    return [str(v) for v in values]


def distinct_values(connection: sa.Connection, dataset: str, dimension: str, *, as_of: int | None = None) -> list:
    spec = SPECS[dataset]
    column = spec.table.c[dimension]
    query = sa.select(column).where(visible_as_of(spec.table, as_of)).group_by(column).order_by(column)
    return list(connection.execute(query).scalars())


def explore(
    connection: sa.Connection,
    dataset: str,
    measure: str,
    group_by: Sequence[str],
    filters: Sequence[tuple[str, Sequence[str]]],
    *,
    as_of: int | None = None,
) -> pd.DataFrame:
    """One row per group: the grouping columns and `value`. Filter values come as text (from a link)."""
    spec = SPECS[dataset]
    table = spec.table
    chosen = next(m for m in spec.measures if m.id == measure)
    columns = [table.c[d] for d in group_by if d in spec.dimensions]
    conditions = [
        table.c[d].in_(_typed(table.c[d], values)) for d, values in filters if d in spec.dimensions and values
    ]
    query = (
        sa.select(*columns, chosen.expression(table).label("value"))
        .where(visible_as_of(table, as_of), *conditions)
        .group_by(*columns)
        .order_by(*columns)
    )
    result = connection.execute(query)
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))
