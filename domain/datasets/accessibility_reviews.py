"""Tillgänglighetsgranskningar: per year and service the criteria tested and failed, the worst finding and
the videos reviewed, in the review's own terms."""

from __future__ import annotations

import sqlalchemy as sa

from domain import kinds as k
from domain.declarations import Column, Columns, Dataset, Explore, Measure, RowContext, RowProblem, Words

C = Column


def _failures_among_the_tested(p: Columns, _: RowContext) -> tuple[Columns, list[RowProblem]]:
    """Failed criteria are among those tested, deficient videos among those reviewed."""
    problems: list[RowProblem] = []
    for i, (tested, failed) in enumerate(zip(p["criteria_tested"], p["criteria_failed"], strict=True)):
        if failed > tested:
            problems.append((i, "criteria_failed", failed, f"högst antalet testade kriterier ({tested})"))
    for i, (reviewed, deficient) in enumerate(zip(p["videos_reviewed"], p["videos_deficient"], strict=True)):
        if deficient is not None and (reviewed is None or deficient > reviewed):
            expected = f"högst antalet granskade filmer ({reviewed if reviewed is not None else 'tomt'})"
            problems.append((i, "videos_deficient", deficient, expected))
    return dict(p), problems


DATASET = Dataset(
    "accessibility_reviews",
    "Tillgänglighetsgranskningar",
    130,
    (
        C("year", "år", k.YEAR, True, "2024"),
        C("unit", "enhet", k.UNIT, True, "Servicenämnden", words=Words("enheter")),
        C(
            "service",
            "tjänst",
            k.TEXT,
            True,
            "Felanmälan gata och park",
            sql=lambda: sa.String(200),
            words=Words("tjänster"),
        ),
        C("criteria_tested", "testade_kriterier", k.COUNT0, True, "12"),
        C("criteria_failed", "underkända_kriterier", k.COUNT0, True, "2"),
        C("severity", "allvarlighetsgrad", k.FINDING, False, "Mindre"),
        C("videos_reviewed", "granskade_filmer", k.COUNT0, False, "4"),
        C("videos_deficient", "filmer_med_brister", k.COUNT0, False, "1"),
    ),
    scope=("year", "unit", "service"),
    scope_text="år × enhet × tjänst",
    keys=("year", "unit", "service"),
    period_column="year",
    rules=_failures_among_the_tested,
    explore=Explore(
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
)
