"""Självskattningar: each unit's rating of each statement of a configured assessment, per year."""

from __future__ import annotations

import sqlalchemy as sa

from domain import kinds as k
from domain.declarations import Column, Columns, Dataset, Explore, Index, Measure, RowContext, RowProblem, Words

C = Column


def _on_the_assessment(p: Columns, ctx: RowContext) -> tuple[Columns, list[RowProblem]]:
    """A statement of the assessment named (stored as the configuration spells it), rated on its scale."""
    problems: list[RowProblem] = []
    statements: list[str | None] = []
    for i, (assessment_id, statement, rating) in enumerate(
        zip(p["assessment"], p["statement"], p["rating"], strict=True)
    ):
        assessment = ctx.config.assessments[assessment_id]
        ids = {s.id.casefold(): s.id for s in assessment.statements}
        found = ids.get(statement.casefold())
        if found is None:
            sample = ", ".join(s.id for s in assessment.statements[:3])
            problems.append((i, "statement", statement, f"ett påstående i {assessment.name} ({sample} …)"))
        if rating not in assessment.scale:
            problems.append((i, "rating", rating, f"en bedömning på skalan för {assessment.name}"))
        statements.append(found)
    store = dict(p)
    store["statement"] = statements
    return store, problems


DATASET = Dataset(
    "self_assessments",
    "Självskattningar",
    60,
    (
        C("year", "år", k.YEAR, True, "2024"),
        C("unit", "enhet", k.UNIT, True, "Servicenämnden", words=Words("enheter")),
        C("assessment", "självskattning", k.ASSESSMENT, True, "internal_control", words=Words(listed=1_000)),
        C("statement", "påstående", k.STATEMENT, True, "IK1"),
        C("rating", "bedömning", k.RATING, True, "Tillfredsställande"),
        C("comment", "kommentar", k.TEXT, False, ""),
    ),
    scope=("year", "unit", "assessment"),
    scope_text="år × enhet × självskattning",
    keys=("year", "unit", "assessment", "statement"),
    period_column="year",
    indexes=(
        # Covers the rating counts per year and per unit and statement.
        Index(
            "ix_self_assessments_current_ratings",
            ("assessment", "year", "unit", "statement", "rating"),
            "superseded_by IS NULL",
        ),
    ),
    rules=_on_the_assessment,
    explore=Explore(
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
)
