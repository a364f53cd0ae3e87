"""AppTest of the follow-up views across the organisation (issue 17), on the example data: each shows the
seeds' published figures."""

from __future__ import annotations

import pytest

from tests.views.conftest import assert_no_unexpected_error, page_text, shown, shown_table, unfolded


def test_classification_shares_per_unit_and_old_classifications_flagged(open_view):
    app = open_view("views/classifications.py")
    assert_no_unexpected_error(app)
    text = page_text(app)
    assert "20 system i 5 enheter: 17 klassade (85\u00a0%)" in text
    assert "klassningar äldre än 36 månader" in text
    assert "■ Äldre än 36 månader" in text and "✗ Saknas" in text


def test_maturity_most_units_between_the_first_two_steps_in_2024(open_view):
    app = unfolded(open_view("views/maturity.py"))
    assert_no_unexpected_error(app)
    text = page_text(app)
    assert "2024: 23 av 24 enheter står mellan steg 1 och 2 (Nybörjare och Utforskare)" in text
    assert "Från 2024 till 2025: 5 av 24 enheter gick upp" in text
    assert "▲ Upp 1 steg" in text


def test_survey_figures_one_to_four_with_the_average(open_view):
    app = unfolded(open_view("views/survey_results.py", year="2020"))
    assert_no_unexpected_error(app)
    text = page_text(app)
    for number in range(1, 5):
        assert f"Fråga {number}" in text
    assert "10\u00a0% av" in text and "svarande svarade «Ja»" in text  # only 10 % find it easy to do right
    assert "25\u00a0% av" in text  # a quarter encouraged their staff to train
    assert "Medelvärde (alla svarande)" in text


def test_a_survey_question_compared_across_years(open_view):
    app = open_view("views/survey_results.py", fraga="4")
    assert_no_unexpected_error(app)
    text = page_text(app)
    assert "Fråga 4 över åren" in text
    assert "Andel som svarat «Ja», alla svarande: 2020 10\u00a0% → 2023 14\u00a0%." in text


def test_accessibility_review_in_the_reports_terms(open_view):
    app = unfolded(open_view("views/accessibility_reviews.py"))
    assert_no_unexpected_error(app)
    text = page_text(app)
    assert "2024: 29 tjänster granskade mot 12 av standardens 87 kriterier" in text
    assert "11 av 44 granskade filmer (25\u00a0%) hade brister" in text
    assert "■ Kritisk" in text


def test_the_access_self_assessment_per_statement_2021_against_2024(open_view):
    app = open_view("views/self_assessments.py", assessment="access")
    assert_no_unexpected_error(app)
    text = page_text(app)
    assert "Varje påstående 2021 och 2024" in text
    assert "Andelen tillfredsställande per påstående gick från 41–71\u00a0% (2021) till 65–78\u00a0% (2024)." in text


def test_the_internal_control_self_assessment_compares_its_statements_too(open_view):
    text = page_text(open_view("views/self_assessments.py"))
    assert "Varje påstående 2015 och 2024" in text


def test_utforska_explores_the_review_findings_in_swedish(open_view):
    app = open_view("views/explore.py", ds="accessibility_reviews", measure="services", by=["severity"], chart="table")
    assert_no_unexpected_error(app)
    table = shown_table(app.table[0].value)
    counts = dict(zip(table["Allvarligaste brist"], table["Värde"], strict=True))
    assert counts["Kritisk"] == "2" and counts["Allvarlig"] == "5" and counts["Mindre"] == "11"
    assert counts["Ej angivet"] == "11"  # the services without a failed criterion: no finding, never "nan"


def test_a_review_corrected_after_the_meeting_shows_as_a_correction_and_the_record_as_presented(open_view, app_env):
    from domain.configuration import load_config
    from domain.roles import operator
    from ingest.imports import import_file
    from store import meetings
    from store.engine import open_store
    from tests.conftest import write_csv

    open_view("views/accessibility_reviews.py")  # the example data is loaded
    engine, config = open_store(), load_config()
    record = meetings.create(
        engine,
        config,
        operator("anna"),
        body="kommunstyrelsen",
        meeting_date="2025-03-10",
        item="§ 7",
        quarter="2025Q1",
    )
    later = write_csv(
        app_env / "omprovning.csv",
        "år;enhet;tjänst;testade_kriterier;underkända_kriterier;allvarlighetsgrad\n"
        "2024;funktionsstodsnamnden;Ansökan om ledsagarservice;12;1;Mindre\n",
    )
    assert import_file(engine, config, "accessibility_reviews", later, actor=operator("anna")).ok
    today = page_text(open_view("views/accessibility_reviews.py"))
    assert "5 med allvarliga och 1 med kritiska brister" in today
    presented = page_text(open_view("views/accessibility_reviews.py", mote=str(record.id)))
    assert "5 med allvarliga och 2 med kritiska brister" in presented  # what the board saw
    assert "Rättat efter mötet" in presented and "och 1 med kritiska brister" in presented  # and the correction


def test_lagesbild_gives_the_bodys_classification_maturity_step_and_review(open_view):
    text = page_text(open_view("views/situation.py", period="2025Q4"))
    assert "Servicenämndens system klassade" in text and "7 av 8 system" in text
    assert "■ Äldre än 36 månader: 3" in text
    assert "Servicenämnden i AI Swedens mognadstrappa 2025" in text and "2024: 2 Utforskare" in text
    assert "Servicenämndens tjänster med brister 2024" in text and "2 av 3" in text


def test_the_import_page_names_each_follow_up_datasets_allowed_values(open_view):
    survey = page_text(open_view("views/import_data.py", dataset="survey_results"))
    assert "Ja, Delvis, Nej, Vet inte" in survey and "sekretess" in survey
    ladder = page_text(open_view("views/import_data.py", dataset="maturity"))
    assert "ai_sweden" in ladder and "heltal, ett av modellens steg" in ladder
    review = page_text(open_view("views/import_data.py", dataset="accessibility_reviews"))
    assert "Kritisk, Allvarlig, Mindre" in review


@pytest.mark.parametrize(
    ("script", "headline"),
    [
        ("views/training.py", "Genomförd utbildning 2025:"),
        ("views/documents.py", "styrdokument har passerat sin revisionsdag"),
        ("views/classifications.py", "system i"),
        ("views/maturity.py", "enheter står mellan steg"),
        ("views/accessibility_reviews.py", "tjänster granskade mot"),
    ],
)
def test_the_headline_is_said_once_not_again_as_the_charts_sentence(open_view, script, headline):
    app = open_view(script)
    sentences = [shown(m.value) for m in app.markdown if headline in shown(m.value)]
    assert len(sentences) == 1, sentences
