"""Enkäter (/enkater): a chart per question with a bar per unit and the average last, and one question
compared across the years the survey was answered."""

from __future__ import annotations

from queries import survey_results as q
from ui.frame import view_frame
from ui.sections import present
from ui.widgets import choose_one
from view_models.survey_results import compose

f = view_frame(__file__)
editions = f.ask(q.editions)
editions = editions[editions["survey"].isin(list(f.config.surveys))]
choices: dict[str, tuple[str, ...]] = {}
if not editions.empty:
    names = {s: f.config.surveys[s].name for s in dict.fromkeys(editions["survey"])}
    survey = choose_one("survey", "Enkät", names, "Välj enkät")
    years = sorted(int(y) for y in editions.loc[editions["survey"] == survey, "year"])
    year = choose_one("year", "År", {str(y): str(y) for y in reversed(years)}, "Välj år")
    numbered = {str(i + 1): f"Fråga {i + 1}" for i in range(len(f.ask(q.questions, survey)))}
    question = choose_one("fraga", "Fråga att jämföra över åren", numbered, "Välj fråga")
    choices = {"survey": (survey,), "year": (year,), "fraga": (question,)}
present(f, compose, f.scope(filters=choices), what="enkätsvar")
