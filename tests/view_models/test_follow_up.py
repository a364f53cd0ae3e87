"""What the follow-up views say, on frames a controller could import."""

from __future__ import annotations

import pandas as pd

from domain.configuration import MaturityModel, Survey
from rules.survey_results import answer_shares
from view_models.accessibility_reviews import year_summary
from view_models.maturity import distribution_summary, moves_summary, moves_table
from view_models.survey_results import answers_table, question_summary

LADDER = MaturityModel(id="m", name="Stegen", steps=("Ett", "Två", "Tre"))
SURVEY = Survey(id="s", name="Enkäten", scale=("Ja", "Delvis", "Nej"), positive=("Ja",))


def test_the_distribution_names_where_most_stand_each_year():
    distribution = pd.DataFrame({"year": [2024, 2024, 2025], "level": [1, 3, 3], "units": [5, 1, 6]})
    assert distribution_summary(distribution, LADDER) == (
        "2024: 5 av 6 enheter står på steg 1 (Ett); 2025: 6 av 6 enheter står på steg 3 (Tre)."
    )


def test_moves_are_said_in_words_and_symbols(config):
    moved = pd.DataFrame({"unit": ["mkb", "kulturnamnden"], "before": [1, 3], "after": [2, 1], "change": [1, -2]})
    assert moves_summary(moved, 2024, 2025, config) == (
        "Från 2024 till 2025: 1 av 2 enheter gick upp (MKB Fastighets AB), 0 står kvar, 1 gick ned."
    )
    assert list(moves_table(moved, 2024, 2025, LADDER, config)["Förändring"]) == ["▲ Upp 1 steg", "▼ Ned 2 steg"]


def test_a_question_gives_everyone_s_share_and_the_highest_and_lowest_unit(config):
    answers = pd.DataFrame(
        {
            "unit": ["servicenamnden", "servicenamnden", "kulturnamnden", "kulturnamnden"],
            "answer": ["Ja", "Nej", "Ja", "Delvis"],
            "respondents": [3, 7, 1, 9],
        }
    )
    shares = answer_shares(answers)
    assert question_summary(shares, SURVEY, config) == (
        "20\u00a0% av 20 svarande svarade «Ja» (högst Servicenämnden 30\u00a0%, lägst Kulturnämnden 10\u00a0%)."
    )
    table = answers_table(shares, SURVEY, config)
    assert list(table["Enhet"]) == ["Kulturnämnden", "Servicenämnden", "Medelvärde (alla svarande)"]
    assert list(table["Nej"]) == ["0", "7 (70\u00a0%)", "7 (35\u00a0%)"]


def test_the_accessibility_year_in_the_reports_terms():
    totals = pd.Series(
        {
            "year": 2024,
            "services": 29,
            "criteria_tested": 12,
            "passed": 11,
            "serious": 5,
            "critical": 2,
            "videos_reviewed": 0,
            "videos_deficient": 0,
        }
    )
    assert year_summary(totals, 87) == (
        "2024: 29 tjänster granskade mot 12 av standardens 87 kriterier; 11 utan underkända kriterier, "
        "5 med allvarliga och 2 med kritiska brister."
    )


def test_the_bodys_key_figures_say_their_counts_and_no_verdict_without_a_target(config):
    from view_models.accessibility_reviews import body_figure as review_figure
    from view_models.classifications import body_figure as classification_figure
    from view_models.maturity import body_figure as maturity_figure

    coverage = pd.DataFrame({"unit": ["servicenamnden"], "systems": [8], "classified": [7], "outdated": [3]})
    classified = classification_figure(coverage, "servicenamnden", config, 36)
    assert (classified.value, classified.notes) == ("87,5\u00a0%", ("7 av 8 system", "■ Äldre än 36 månader: 3"))
    assert classified.tone is None and classification_figure(coverage, "mkb", config, 36) is None
    levels = pd.DataFrame({"year": [2024, 2025], "unit": ["mkb", "mkb"], "level": [1, 3]})
    step = maturity_figure(levels, "mkb", LADDER, config)
    assert (step.label, step.value, step.notes) == (
        "MKB Fastighets AB i Stegen 2025",
        "3 Tre",
        ("av 3 steg", "2024: 1 Ett"),
    )
    totals = pd.DataFrame({"year": [2024], "services": [3], "passed": [1], "serious": [1], "critical": [0]})
    review = review_figure(totals, "servicenamnden", config)
    assert (review.value, review.notes, review.tone) == ("2 av 3", ("allvarliga 1 · kritiska 0",), None)
