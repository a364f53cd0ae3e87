"""Enkäter (/enkater): a chart per question with a bar per unit and the average at the right, and one
question compared across the years the survey was answered."""

from __future__ import annotations

import streamlit as st

from charts.survey_results import answers_by_unit, positive_over_years
from domain.formatting import inert
from queries import survey_results as q
from rules.survey_results import answer_shares, positive_shares
from ui.blocks import chart_block
from ui.frame import empty_state, view_frame
from ui.slides import corrections_section
from ui.widgets import choose_one
from view_models.survey_results import answers_table, question_summary, years_summary, years_table

f = view_frame("survey_results", "Enkäter", "enkater", all_units_by_default=True)
editions = f.ask(q.editions)
editions = editions[editions["survey"].isin(list(f.config.surveys))]
if editions.empty:
    empty_state(f, "enkätsvar")
    st.stop()

names = {s: f.config.surveys[s].name for s in dict.fromkeys(editions["survey"])}
survey = f.config.surveys[choose_one("survey", "Enkät", names, "Välj enkät")]
years = sorted(int(y) for y in editions.loc[editions["survey"] == survey.id, "year"])
year = int(choose_one("year", "År", {str(y): str(y) for y in reversed(years)}, "Välj år"))
questions = f.ask(q.questions, survey.id)
numbered = {str(i + 1): f"Fråga {i + 1}" for i in range(len(questions))}
compared = questions[int(choose_one("fraga", "Fråga att jämföra över åren", numbered, "Välj fråga")) - 1]

answers = f.ask(q.answers_by_unit, survey.id, year, f.units)
st.markdown(f"**{inert(survey.name)} {year}**: varje stapel är en enhet, stapeln längst till höger alla svarande.")
for number, question in enumerate(questions, start=1):
    mine = answers[answers["question"] == question]
    if mine.empty:
        continue
    shares = answer_shares(mine)
    st.header(f"Fråga {number}")
    st.markdown(f"*{inert(question)}*")
    chart_block(
        f,
        answers_by_unit(shares, survey.scale, survey.positive, f.config.unit_names),
        question_summary(shares, survey, f.config),
        answers_table(shares, survey, f.config),
        f"{survey.id}-{year}-fraga-{number}.csv",
    )

if len(years) > 1:
    number = questions.index(compared) + 1
    by_year = positive_shares(f.ask(q.positive_by_year, survey.id, compared, survey.positive, f.units))
    st.header(f"Fråga {number} över åren")
    st.markdown(f"*{inert(compared)}*")
    chart_block(
        f,
        positive_over_years(by_year, f.config.unit_names, " eller ".join(survey.positive)),
        years_summary(by_year, survey),
        years_table(by_year, f.config),
        f"{survey.id}-fraga-{number}-over-aren.csv",
    )
corrections_section(f)
