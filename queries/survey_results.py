"""Survey answers as of a batch, summed in SQL: per question and unit, and per question and year."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import sqlalchemy as sa

from domain.datasets.survey_results import DATASET
from queries.common import for_units, frame, returns
from store.schema import table_of, visible_as_of

survey_results = table_of(DATASET)

s = survey_results.c


@returns("survey", "year")
def editions(connection: sa.Connection, *, as_of: int | None = None) -> pd.DataFrame:
    """survey, year: every survey and the years it was answered."""
    query = (
        sa.select(s.survey, s.year)
        .where(visible_as_of(survey_results, as_of))
        .group_by(s.survey, s.year)
        .order_by(s.survey, s.year)
    )
    return frame(connection, query)


def questions(connection: sa.Connection, survey: str, *, as_of: int | None = None) -> list[str]:
    """The survey's questions in the order the files first gave them."""
    query = (
        sa.select(s.question)
        .where(visible_as_of(survey_results, as_of), s.survey == survey)
        .group_by(s.question)
        .order_by(sa.func.min(s.id))
    )
    return list(connection.execute(query).scalars())


@returns("question", "unit", "answer", "respondents")
def answers_by_unit(
    connection: sa.Connection, survey: str, year: int, units: Sequence[str], *, as_of: int | None = None
) -> pd.DataFrame:
    """question, unit, answer, respondents: one year's answers."""
    query = (
        sa.select(s.question, s.unit, s.answer, sa.func.sum(s.respondents).label("respondents"))
        .where(visible_as_of(survey_results, as_of), s.survey == survey, s.year == year, *for_units(s.unit, units))
        .group_by(s.question, s.unit, s.answer)
    )
    return frame(connection, query)


@returns("year", "unit", "positive", "respondents")
def positive_by_year(
    connection: sa.Connection,
    survey: str,
    question: str,
    positive: Sequence[str],
    units: Sequence[str],
    *,
    as_of: int | None = None,
) -> pd.DataFrame:
    """year, unit, positive, respondents: one question over the years."""
    query = (
        sa.select(
            s.year,
            s.unit,
            sa.func.coalesce(sa.func.sum(s.respondents).filter(s.answer.in_(list(positive))), 0).label("positive"),
            sa.func.sum(s.respondents).label("respondents"),
        )
        .where(
            visible_as_of(survey_results, as_of), s.survey == survey, s.question == question, *for_units(s.unit, units)
        )
        .group_by(s.year, s.unit)
        .order_by(s.year, s.unit)
    )
    return frame(connection, query)
