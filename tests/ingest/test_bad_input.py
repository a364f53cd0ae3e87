"""Every kind of bad input the data contract names: a Swedish message naming file, row, column, value."""

from __future__ import annotations

import sqlalchemy as sa

from domain.roles import operator
from ingest.imports import import_file
from store.batches import latest_batch_id
from tests.conftest import write_csv


def _import(store, config, tmp_path, dataset, text, name="fil.csv"):
    result = import_file(store, config, dataset, write_csv(tmp_path / name, text), actor=operator("u"))
    with store.connect() as c:
        assert latest_batch_id(c) == 0 or result.ok, "a rejected file must save nothing"
    return result


def test_unknown_unit_names_the_close_matches(sqlite_store, config, tmp_path):
    r = _import(
        sqlite_store, config, tmp_path, "status", "period;enhet;område;status\n2025Q1;Servicenämden;governance;Grön\n"
    )
    assert not r.ok
    (message,) = r.messages()[:1]
    assert message.startswith("fil.csv, rad 2, kolumn enhet: värdet 'Servicenämden'")
    assert "Menade du: Servicenämnden" in message


def test_unknown_coded_value_lists_the_accepted_words(sqlite_store, config, tmp_path):
    r = _import(
        sqlite_store,
        config,
        tmp_path,
        "incidents",
        "datum;enhet;allvarlighetsgrad;kategori\n2025-03-01;mkb;Jätteallvarlig;IT\n",
    )
    assert [(p.row, p.column, p.value) for p in r.problems] == [(2, "allvarlighetsgrad", "Jätteallvarlig")]
    assert "Kritisk (critical)" in r.problems[0].expected


def test_impossible_date(sqlite_store, config, tmp_path):
    r = _import(
        sqlite_store, config, tmp_path, "incidents", "datum;enhet;allvarlighetsgrad;kategori\n2025-02-30;mkb;Låg;IT\n"
    )
    assert [(p.row, p.column, p.value) for p in r.problems] == [(2, "datum", "2025-02-30")]
    assert "ett datum som finns" in r.problems[0].expected


def test_negative_count(sqlite_store, config, tmp_path):
    r = _import(
        sqlite_store,
        config,
        tmp_path,
        "incidents",
        "datum;enhet;allvarlighetsgrad;kategori;antal\n2025-02;mkb;Låg;IT;-4\n",
    )
    assert [(p.row, p.column, p.value) for p in r.problems] == [(2, "antal", "-4")]


def test_percent_out_of_range(sqlite_store, config, tmp_path):
    r = _import(
        sqlite_store,
        config,
        tmp_path,
        "recommendation_updates",
        "rekommendation_id;datum;status;andel_klar\nX;2025-01-01;Pågår;120\n",
    )
    assert (2, "andel_klar", "120") in [(p.row, p.column, p.value) for p in r.problems]
    r = _import(
        sqlite_store,
        config,
        tmp_path,
        "kpis",
        "period;enhet;nyckeltal;värde\n2025Q2;servicenamnden;phishing_click_rate;132\n",
        "kpi.csv",
    )
    assert [(p.row, p.column) for p in r.problems] == [(2, "värde")]


def test_missing_required_column(sqlite_store, config, tmp_path):
    r = _import(sqlite_store, config, tmp_path, "status", "period;enhet;status\n2025Q1;mkb;Grön\n")
    assert r.problems[0].row == 1
    assert "kolumnen 'område' (area) saknas" in r.problems[0].expected


def test_duplicate_header_even_when_one_is_english_and_one_swedish(sqlite_store, config, tmp_path):
    r = _import(
        sqlite_store, config, tmp_path, "status", "period;enhet;unit;område;status\n2025Q1;mkb;mkb;governance;Grön\n"
    )
    assert [(p.row, p.column) for p in r.problems] == [(1, "unit")]
    assert "två gånger" in r.problems[0].expected


def test_duplicate_keys_inside_one_file_name_the_first_row(sqlite_store, config, tmp_path):
    text = "period;enhet;område;status\n2025Q1;mkb;governance;Grön\n2025Q1;MKB Fastighets AB;Styrning och ledning;Röd\n"
    r = _import(sqlite_store, config, tmp_path, "status", text)
    assert len(r.problems) == 1 and r.problems[0].row == 3
    assert "samma som rad 2" in r.problems[0].expected


def test_empty_file_and_header_only_file(sqlite_store, config, tmp_path):
    r = _import(sqlite_store, config, tmp_path, "status", "")
    assert r.messages() == ["fil.csv: filen är tom"]
    r = _import(sqlite_store, config, tmp_path, "status", "period;enhet;område;status\n", "bara-rubrik.csv")
    assert r.messages() == ["bara-rubrik.csv: filen innehåller inga datarader under rubrikraden"]


def test_a_file_that_is_neither_csv_nor_excel(sqlite_store, config, tmp_path):
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(b"%PDF-1.7\n\x00\x01binary")
    r = import_file(sqlite_store, config, "status", pdf, actor=operator("u"))
    assert r.messages() == [
        "rapport.pdf: filen är varken CSV eller Excel; använd en fil som slutar på .csv eller .xlsx"
    ]
    disguised = tmp_path / "status.csv"
    disguised.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    r = import_file(sqlite_store, config, "status", disguised, actor=operator("u"))
    assert "varken CSV eller Excel" in r.messages()[0]
    old_excel = tmp_path / "status.xls"
    old_excel.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    assert (
        ".xls kan inte läsas"
        in import_file(sqlite_store, config, "status", old_excel, actor=operator("u")).messages()[0]
    )


def test_an_update_for_an_unknown_recommendation(sqlite_store, config, tmp_path):
    recs = (
        "id;granskning;granskare;granskningsdatum;mottagare;rekommendation\n"
        "R1;Granskning av IT-säkerhet;Revisionen;2025-01-28;servicenamnden;Gör något\n"
    )
    assert import_file(
        sqlite_store, config, "recommendations", write_csv(tmp_path / "r.csv", recs), actor=operator("u")
    ).ok
    r = import_file(
        sqlite_store,
        config,
        "recommendation_updates",
        write_csv(tmp_path / "u.csv", "rekommendation_id;datum;status\nR1;2025-06-01;Pågår\nR9;2025-06-01;Pågår\n"),
        actor=operator("u"),
    )
    assert [(p.row, p.column, p.value) for p in r.problems] == [(3, "rekommendation_id", "R9")]
    assert "importera rekommendationerna först" in r.problems[0].expected


def test_every_problem_is_reported_at_once(sqlite_store, config, tmp_path):
    text = (
        "period;enhet;område;status;trend\n"
        "2025Q5;mkb;governance;Grön;upp\n"
        "2025Q1;Okänd enhet;governance;Grön;upp\n"
        "2025Q1;mkb;governance;Lila;sidled\n"
    )
    r = _import(sqlite_store, config, tmp_path, "status", text)
    assert [(p.row, p.column) for p in r.problems] == [(2, "period"), (3, "enhet"), (4, "status"), (4, "trend")]
    assert r.summary() == "fil.csv importerades inte: 4 fel. Inget sparades."


def test_decimal_comma_split_by_a_comma_separator_is_caught_not_misread(sqlite_store, config, tmp_path):
    text = "period,enhet,nyckeltal,värde\n2025Q2,servicenamnden,phishing_click_rate,32,5\n"
    r = _import(sqlite_store, config, tmp_path, "kpis", text)
    assert r.problems[0].row == 2
    assert "decimalkomma står inom citattecken" in r.problems[0].expected


def test_kpi_rules_counts_and_value_must_agree(sqlite_store, config, tmp_path):
    text = (
        "period;enhet;nyckeltal;värde;täljare;nämnare\n"
        "2025Q2;servicenamnden;phishing_click_rate;5;320;1000\n"
        "2025Q2;servicenamnden;mfa_coverage;;10;\n"
        "2025Q2;servicenamnden;training_completion;;;\n"
        "2025Q2;servicenamnden;critical_patches_overdue;;3;4\n"
        "2025Q2;servicenamnden;systems_classified;;5;4\n"
    )
    r = _import(sqlite_store, config, tmp_path, "kpis", text)
    assert [(p.row, p.column) for p in r.problems] == [
        (2, "värde"),
        (3, "nämnare"),
        (4, "värde"),
        (5, "täljare"),
        (6, "nämnare"),
    ]
    assert "32 %" in r.problems[0].expected  # the counts say 32 %, not "over 5 %"


def test_incident_dates_cannot_precede_the_incident(sqlite_store, config, tmp_path):
    text = "datum;enhet;allvarlighetsgrad;kategori;åtgärdad_datum\n2025-03-14;mkb;Kritisk;IT;2025-03-01\n"
    r = _import(sqlite_store, config, tmp_path, "incidents", text)
    assert [(p.row, p.column, p.value) for p in r.problems] == [(2, "åtgärdad_datum", "2025-03-01")]


def test_self_assessment_statement_must_belong_to_the_assessment(sqlite_store, config, tmp_path):
    text = (
        "år;enhet;självskattning;påstående;bedömning\n"
        "2024;mkb;internal_control;ik3;Tillfredsställande\n"
        "2024;mkb;access;IK3;Tillfredsställande\n"
    )
    r = _import(sqlite_store, config, tmp_path, "self_assessments", text)
    assert [(p.row, p.column, p.value) for p in r.problems] == [(3, "påstående", "IK3")]


def test_unknown_extra_columns_are_a_warning_not_an_error(sqlite_store, config, tmp_path):
    text = "period;enhet;område;status;Handläggare\n2025Q1;mkb;governance;Grön;Anna\n"
    r = _import(sqlite_store, config, tmp_path, "status", text)
    assert r.outcome == "imported"
    assert r.warnings == ["Kolumnen 'Handläggare' är okänd för status och hoppas över."]


def test_headers_of_another_dataset_are_recognised(sqlite_store, config, tmp_path):
    text = "datum;enhet;allvarlighetsgrad;kategori\n2025-03-14;mkb;Kritisk;IT\n"
    r = _import(sqlite_store, config, tmp_path, "status", text)
    assert any("datamängden 'incidents'" in p.expected for p in r.problems)


def test_errors_beyond_the_first_thousand_are_counted(sqlite_store, config, tmp_path):
    rows = "".join("2025-03;mkb;Låg;IT;-1\n" for _ in range(1500))
    r = _import(sqlite_store, config, tmp_path, "incidents", "datum;enhet;allvarlighetsgrad;kategori;antal\n" + rows)
    assert r.problem_count == 1500 and len(r.problems) == 1000
    assert r.messages()[-1] == "… och 500 fel till i fil.csv."


def test_nothing_saved_means_no_rows_in_any_table(sqlite_store, config, tmp_path):
    _import(sqlite_store, config, tmp_path, "status", "period;enhet;område;status\n2025Q1;mkb;governance;Lila\n")
    with sqlite_store.connect() as c:
        assert c.execute(sa.text("SELECT count(*) FROM status")).scalar_one() == 0


def test_a_bad_cell_never_hides_another_rows_error(sqlite_store, config, tmp_path):
    text = (
        "period;enhet;nyckeltal;värde\n"
        "2025Q4;Servicenämden;mfa_coverage;96\n"
        "2025Q4;servicenamnden;training_completion;140\n"
        "2025Q4;servicenamnden;kritiska;3\n"
    )
    r = _import(sqlite_store, config, tmp_path, "kpis", text)
    assert [(p.row, p.column) for p in r.problems] == [(2, "enhet"), (3, "värde"), (4, "nyckeltal")]
    assert "mellan 0 och 100" in r.problems[1].expected


def test_a_formula_never_calculated_is_refused_in_an_optional_text_column(sqlite_store, config, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["period", "enhet", "område", "status", "kommentar"])
    sheet.append(["2025Q4", "mkb", "governance", "Grön", "=B2&C2"])
    path = tmp_path / "status.xlsx"
    book.save(path)
    r = import_file(sqlite_store, config, "status", path, actor=operator("u"))
    assert [(p.row, p.column, p.value) for p in r.problems] == [(2, "kommentar", "=B2&C2")]
    assert "inget beräknat värde" in r.problems[0].expected
