"""The follow-up datasets through the door (issue 17): stored as the contract says, and every bad value
the issue names refused with a Swedish error, nothing saved."""

from __future__ import annotations

import datetime as dt

from domain.roles import operator
from ingest.imports import import_file
from store.batches import latest_batch_id
from store.schema import DATASET_TABLES
from tests.conftest import write_csv

accessibility_reviews = DATASET_TABLES["accessibility_reviews"]
classifications = DATASET_TABLES["classifications"]
maturity = DATASET_TABLES["maturity"]
survey_results = DATASET_TABLES["survey_results"]


def _problems(result) -> dict[tuple[int | None, str | None], str]:
    return {(p.row, p.column): p.expected for p in result.problems}


def _nothing_saved(engine) -> None:
    with engine.connect() as c:
        assert latest_batch_id(c) == 0


def test_classifications_keep_each_date_and_an_empty_step(store, config, tmp_path):
    path = write_csv(
        tmp_path / "k.csv",
        "unit;system;classified_date;risk_analysis_date;measures_followed_up_date\n"
        "Servicenämnden;Ekonomisystem;2022-09-20;2022-10-11;\n",
    )
    assert import_file(store, config, "classifications", path, actor=operator("u")).ok
    with store.connect() as c:
        row = c.execute(classifications.select()).mappings().one()
    assert (row["unit"], row["system"], row["classified_date"], row["measures_followed_up_date"]) == (
        "servicenamnden",
        "Ekonomisystem",
        dt.date(2022, 9, 20),
        None,
    )


def test_a_maturity_level_outside_the_models_steps_is_refused(store, config, tmp_path):
    path = write_csv(
        tmp_path / "m.csv",
        "år;enhet;modell;nivå\n2024;Servicenämnden;ai_sweden;6\n2024;Kulturnämnden;okänd;2\n"
        "2024;Miljönämnden;ai_sweden;0\n2024;MKB;AI Swedens mognadstrappa;3\n",
    )
    result = import_file(store, config, "maturity", path, actor=operator("u"))
    found = _problems(result)
    assert found[(2, "nivå")] == "ett av stegen 1–5 i AI Swedens mognadstrappa"
    assert found[(3, "modell")].startswith("en mognadsmodell som finns i")
    assert found[(4, "nivå")] == "ett heltal som är 1 eller större"
    assert (5, "nivå") not in found and (5, "modell") not in found  # the model's name is accepted too
    _nothing_saved(store)


def test_maturity_levels_are_stored_with_the_models_id(sqlite_store, config, tmp_path):
    path = write_csv(tmp_path / "m.csv", "year;unit;model;level\n2024;MKB;AI Swedens mognadstrappa;3\n")
    assert import_file(sqlite_store, config, "maturity", path, actor=operator("u")).ok
    with sqlite_store.connect() as c:
        row = c.execute(maturity.select()).mappings().one()
    assert (row["year"], row["unit"], row["model"], row["level"]) == (2024, "mkb", "ai_sweden", 3)


def test_survey_answers_outside_the_scale_and_negative_respondents_are_refused(store, config, tmp_path):
    path = write_csv(
        tmp_path / "e.csv",
        "enkät;år;enhet;fråga;svar;antal\n"
        "sekretess;2020;Servicenämnden;Lätt att göra rätt?;Kanske;3\n"
        "sekretess;2020;Servicenämnden;Lätt att göra rätt?;Ja;-1\n"
        "okänd;2020;Servicenämnden;Lätt att göra rätt?;Ja;1\n",
    )
    found = _problems(import_file(store, config, "survey_results", path, actor=operator("u")))
    assert found[(2, "svar")] == (
        "ett svarsalternativ i Chefsenkät om hantering av sekretess (Ja, Delvis, Nej, Vet inte)"
    )
    assert found[(3, "antal")].startswith("ett heltal som är 0 eller större")
    assert found[(4, "enkät")].startswith("en enkät som finns i")
    _nothing_saved(store)


def test_survey_answers_are_stored_as_the_scale_spells_them(sqlite_store, config, tmp_path):
    path = write_csv(
        tmp_path / "e.csv",
        "survey;year;unit;question;answer;respondents\n"
        "sekretess;2020;servicenamnden;Lätt att göra rätt?;JA;3\n"
        "sekretess;2020;servicenamnden;Lätt att göra rätt?;vet inte;0\n",
    )
    assert import_file(sqlite_store, config, "survey_results", path, actor=operator("u")).ok
    with sqlite_store.connect() as c:
        rows = c.execute(survey_results.select().order_by(survey_results.c.id)).mappings().all()
    assert [(r["answer"], r["respondents"]) for r in rows] == [("Ja", 3), ("Vet inte", 0)]


def test_failed_criteria_above_those_tested_and_deficient_videos_above_those_reviewed_are_refused(
    store, config, tmp_path
):
    path = write_csv(
        tmp_path / "t.csv",
        "år;enhet;tjänst;testade_kriterier;underkända_kriterier;allvarlighetsgrad;granskade_filmer;filmer_med_brister\n"
        "2024;Servicenämnden;Mina sidor;12;13;Allvarlig;4;1\n"
        "2024;Servicenämnden;Felanmälan;12;2;Mindre;4;5\n"
        "2024;Servicenämnden;Sök i diariet;12;1;jättedålig;;\n",
    )
    found = _problems(import_file(store, config, "accessibility_reviews", path, actor=operator("u")))
    assert found[(2, "underkända_kriterier")] == "högst antalet testade kriterier (12)"
    assert found[(3, "filmer_med_brister")] == "högst antalet granskade filmer (4)"
    assert found[(4, "allvarlighetsgrad")].startswith("en allvarlighetsgrad: Kritisk (critical), Allvarlig (serious)")
    _nothing_saved(store)


def test_a_review_replaces_only_its_own_service(sqlite_store, config, tmp_path):
    header = "year;unit;service;criteria_tested;criteria_failed;severity\n"
    first = write_csv(
        tmp_path / "a.csv",
        header + "2024;servicenamnden;Mina sidor;12;2;serious\n2024;servicenamnden;Felanmälan;12;0;\n",
    )
    second = write_csv(tmp_path / "b.csv", header + "2024;servicenamnden;Mina sidor;12;0;\n")
    for path in (first, second):
        assert import_file(sqlite_store, config, "accessibility_reviews", path, actor=operator("u")).ok
    with sqlite_store.connect() as c:
        current = (
            c.execute(accessibility_reviews.select().where(accessibility_reviews.c.superseded_by.is_(None)))
            .mappings()
            .all()
        )
        kept = c.execute(accessibility_reviews.select()).mappings().all()
    assert sorted((r["service"], r["criteria_failed"]) for r in current) == [("Felanmälan", 0), ("Mina sidor", 0)]
    assert len(kept) == 3  # the superseded review is kept, never deleted
