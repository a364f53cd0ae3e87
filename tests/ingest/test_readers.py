"""Readers on every dialect a Swedish municipality produces: the rows arrive exactly as written."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pytest
import sqlalchemy as sa

from domain.roles import operator
from ingest.imports import import_file
from ingest.readers import ReadError, Uncomputed, detect_separator, open_file, sql_table
from store.schema import DATASET_TABLES
from tests.conftest import write_csv

incidents = DATASET_TABLES["incidents"]
kpis = DATASET_TABLES["kpis"]


def _rows(path, dataset="kpis"):
    with open_file(path, dataset=dataset) as table:
        return table.header, list(table.rows)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("period;enhet;värde\n2025Q2;Servicenämnden;32,5\n", "utf-8"),
        ("\ufeffperiod;enhet;värde\n2025Q2;Servicenämnden;32,5\n", "utf-8"),
        ("period;enhet;värde\r\n2025Q2;Servicenämnden;32,5\r\n", "cp1252"),
        ('period,enhet,värde\n2025Q2,Servicenämnden,"32,5"\n', "utf-8"),
        ("period\tenhet\tvärde\n2025Q2\tServicenämnden\t32,5\n", "utf-8"),
    ],
    ids=["semicolon-utf8", "utf8-bom", "windows-1252-crlf", "comma-quoted-decimal", "tab"],
)
def test_csv_dialects_read_the_same_cells(tmp_path, text, encoding):
    header, rows = _rows(write_csv(tmp_path / "f.csv", text, encoding))
    assert header == ["period", "enhet", "värde"]
    assert rows == [(2, ["2025Q2", "Servicenämnden", "32,5"])]


def test_row_numbers_match_excel_with_blank_lines_and_multiline_cells(tmp_path):
    text = 'a;b\n1;"två\nrader"\n\n3;x\n'
    _, rows = _rows(write_csv(tmp_path / "f.csv", text))
    assert [n for n, _ in rows] == [2, 3, 4]
    assert rows[0][1] == ["1", "två\nrader"]


def test_separator_is_taken_from_the_header_outside_quotes():
    assert detect_separator("period;enhet;kommentar\n") == ";"
    assert detect_separator('"a;b",c,d\n') == ","
    assert detect_separator("ensam\n") == ";"


def test_windows_1252_text_with_swedish_letters_is_decoded(tmp_path, sqlite_store, config):
    text = "period;enhet;område;status;kommentar\n2025Q1;Överförmyndarnämnden;governance;Grön;Åtgärd klar\n"
    result = import_file(
        sqlite_store, config, "status", write_csv(tmp_path / "s.csv", text, "cp1252"), actor=operator("u")
    )
    assert result.outcome == "imported"


def test_decimal_comma_values_are_stored_as_numbers(tmp_path, sqlite_store, config):
    text = (
        "period;enhet;nyckeltal;värde\n"
        "2025Q2;servicenamnden;phishing_click_rate;32,5\n"
        "2025;servicenamnden;mfa_coverage;96.5 %\n"
    )
    assert import_file(sqlite_store, config, "kpis", write_csv(tmp_path / "k.csv", text), actor=operator("u")).ok
    with sqlite_store.connect() as c:
        assert sorted(c.execute(sa.select(kpis.c.period, kpis.c.value))) == [("2025", 96.5), ("2025Q2", 32.5)]


def _workbook(path, rows, *, sheet="Blad1", extra_sheets=(), formats=None):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    for cell, number_format in (formats or {}).items():
        ws[cell].number_format = number_format
    for name in extra_sheets:
        book.create_sheet(name).append(["annat"])
    book.save(path)
    return path


def test_excel_dates_numbers_and_percent_cells(tmp_path, sqlite_store, config):
    path = _workbook(
        tmp_path / "k.xlsx",
        [["Period", "Enhet", "Nyckeltal", "Värde"], ["2025Q2", "Servicenämnden", "phishing_click_rate", 0.32]],
        formats={"D2": "0%"},
    )
    assert import_file(sqlite_store, config, "kpis", path, actor=operator("u")).ok
    with sqlite_store.connect() as c:
        assert c.execute(sa.select(kpis.c.value)).scalar_one() == pytest.approx(32)

    path = _workbook(
        tmp_path / "i.xlsx",
        [
            ["datum", "enhet", "allvarlighetsgrad", "kategori", "antal"],
            [dt.datetime(2025, 4, 6), "mkb", "hög", "it", 3],
        ],
    )
    assert import_file(sqlite_store, config, "incidents", path, actor=operator("u")).ok
    with sqlite_store.connect() as c:
        assert c.execute(sa.select(incidents.c.date, incidents.c.count)).one() == (dt.date(2025, 4, 6), 3)


def test_excel_prefers_the_sheet_named_after_the_dataset(tmp_path):
    path = _workbook(tmp_path / "f.xlsx", [["x"]], sheet="Instruktioner", extra_sheets=["kpis"])
    with open_file(path, dataset="kpis") as table:
        assert table.header == ["annat"]
        assert table.warnings == ["Arbetsboken har flera blad; bladet 'kpis' lästes."]


def test_excel_formula_without_a_saved_value_is_an_error_not_an_empty_cell(tmp_path, sqlite_store, config):
    path = _workbook(
        tmp_path / "f.xlsx",
        [["period", "enhet", "nyckeltal", "värde"], ["2025Q2", "mkb", "mfa_coverage", "=40+50"]],
    )
    with open_file(path, dataset="kpis") as table:
        assert next(iter(table.rows))[1][3] == Uncomputed("=40+50")
    result = import_file(sqlite_store, config, "kpis", path, actor=operator("u"))
    assert [(p.row, p.column) for p in result.problems] == [(2, "värde")]
    assert "formeln =40+50" in result.problems[0].expected


def test_oversized_excel_archive_is_refused(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (50 * 1024 * 1024))
    with pytest.raises(ReadError, match="för stor uppackad"), open_file(path, dataset="kpis"):
        pass


def test_a_broken_excel_file_is_refused(tmp_path):
    path = tmp_path / "trasig.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ReadError, match="skadad"), open_file(path, dataset="kpis"):
        pass


def test_sql_source_streams_rows_and_hashes_what_it_read(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'src.db'}")
    with engine.begin() as c:
        c.exec_driver_sql("CREATE TABLE t (datum TEXT, enhet TEXT)")
        c.exec_driver_sql("INSERT INTO t VALUES ('2025-01', 'mkb'), ('2025-02', 'mkb')")
    with sql_table(engine, "SELECT datum, enhet FROM t ORDER BY datum", "källa") as table:
        assert table.header == ["datum", "enhet"]
        assert list(table.rows) == [(2, ["2025-01", "mkb"]), (3, ["2025-02", "mkb"])]
        first = table.fingerprint()
    with sql_table(engine, "SELECT datum, enhet FROM t ORDER BY datum", "källa") as table:
        list(table.rows)
        assert table.fingerprint() == first


def test_excel_with_several_sheets_and_none_named_after_the_dataset_is_refused(tmp_path, sqlite_store, config):
    path = _workbook(tmp_path / "f.xlsx", [["period"]], sheet="Blad1", extra_sheets=["Instruktioner"])
    result = import_file(sqlite_store, config, "kpis", path, actor=operator("u"))
    assert result.messages() == [
        "f.xlsx: arbetsboken har flera blad (Blad1, Instruktioner) och inget heter 'kpis' eller 'Nyckeltal'; "
        "byt namn på bladet med data eller spara det som en egen fil"
    ]
