"""Enkätsvar: per survey, year, unit and question how many gave each answer on the survey's scale."""

from __future__ import annotations

import sqlalchemy as sa

from domain import kinds as k
from domain.declarations import Column, Columns, Dataset, Explore, Measure, RowContext, RowProblem, Words
from domain.text_matching import fold

C = Column


def _on_the_scale(p: Columns, ctx: RowContext) -> tuple[Columns, list[RowProblem]]:
    """An answer is one of the survey's options, stored as the configuration spells it."""
    problems: list[RowProblem] = []
    answers: list[str | None] = []
    for i, (survey_id, answer) in enumerate(zip(p["survey"], p["answer"], strict=True)):
        survey = ctx.config.surveys[survey_id]
        found = next((option for option in survey.scale if fold(option) == fold(answer)), None)
        if found is None:
            problems.append((i, "answer", answer, f"ett svarsalternativ i {survey.name} ({', '.join(survey.scale)})"))
        answers.append(found)
    store = dict(p)
    store["answer"] = answers
    return store, problems


DATASET = Dataset(
    "survey_results",
    "Enkätsvar",
    120,
    (
        C("survey", "enkät", k.SURVEY, True, "sekretess", words=Words(listed=1_000)),
        C("year", "år", k.YEAR, True, "2020"),
        C("unit", "enhet", k.UNIT, True, "Servicenämnden", words=Words("enheter")),
        C(
            "question",
            "fråga",
            k.TEXT,
            True,
            "Anser du att det är lätt att göra rätt?",
            sql=lambda: sa.String(500),
        ),
        C("answer", "svar", k.ANSWER, True, "Ja"),
        C("respondents", "antal", k.COUNT0, True, "4"),
    ),
    scope=("survey", "year", "unit"),
    scope_text="enkät × år × enhet",
    keys=("survey", "year", "unit", "question", "answer"),
    period_column="year",
    rules=_on_the_scale,
    explore=Explore(
        (Measure("respondents", "Antal svar", lambda t: sa.func.sum(t.c.respondents), "count"),),
        {"survey": "Enkät", "year": "År", "unit": "Enhet", "question": "Fråga", "answer": "Svar"},
    ),
)
