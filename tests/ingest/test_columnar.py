"""A CSV file read as columns gives exactly what the row reader gives: the same rows stored, the same
problems at the same rows; and a file that is not plain enough is read row by row instead."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from domain.roles import operator
from ingest.columnar import ColumnarNotPossible
from ingest.imports import ImportResult, import_file, import_table
from ingest.readers import open_file
from store.engine import create_store_engine
from store.schema import DATASET_TABLES, HISTORY_COLUMNS
from tests.conftest import write_csv

INCIDENTS = "datum;enhet;allvarlighetsgrad;kategori;ärendenummer;rubrik;anmäld_till_imy;rapportdatum;antal\n"

FILES: dict[str, tuple[str, str]] = {
    "incidents, plain": (
        "incidents",
        INCIDENTS
        + "2025-03-14;Servicenämnden;Kritisk;IT-incident;INC-1;  Servern stannade ;Ja;2025-03-15;\n"
        + "2025-03;mkb;låg;it;INC-2;;nej;;3\n"
        + '2025-04-01;kommunstyrelsen;Medel;Personuppgiftsincident;INC-3;"Brev; fel mottagare";Ja;2025-04-02;1\n'
        + ";;;;;;;;\n"  # a row of empty fields: skipped, as a blank row
        + "2025-04-02;servicenamnden;Hög;Informationssäkerhetsincident;INC-4;=SUMMA(A1);;;\n",
    ),
    "incidents, every kind of fault": (
        "incidents",
        INCIDENTS
        + "2025-13-01;Servicenämnden;Kritisk;IT-incident;INC-1;x;Ja;;\n"
        + "2025-03-14;Okänd enhet;Jättestor;IT-incident;INC-2;x;kanske;2025-03-01;0\n"
        + ";Servicenämnden;;IT-incident;INC-1;x;;;\n"
        + "2025-03-14;Servicenämnden;Låg;IT-incident;INC-1;dubblett;;;\n",
    ),
    "status with an unknown column": (
        "status",
        "period;enhet;område;status;kommentar;Handläggare\n"
        "2025Q1;mkb;governance;Grön;Bra;Anna\n"
        "2025Q1;kommunstyrelsen;governance;Röd;;Bo\n"
        "2025Q2;mkb;governance;gul;;\n",
    ),
    "status from Excel: BOM, CRLF and quotes": (
        "status",
        "\ufeffperiod;enhet;område;status;kommentar\r\n"
        '2025Q1;mkb;governance;Grön;"Sagt ""bra"" av revisorn"\r\n'
        "2025Q1;kommunstyrelsen;governance;Röd;\r\n",
    ),
    "kpis, counts and values": (
        "kpis",
        "period;enhet;nyckeltal;värde;täljare;nämnare\n"
        "2025Q2;servicenamnden;phishing_click_rate;32;320;1000\n"
        '2025Q2;servicenamnden;mfa_coverage;"87,5";;\n'
        "2025Q2;servicenamnden;training_completion;;10;\n",
    ),
    "kpis, valid": (
        "kpis",
        "period;enhet;nyckeltal;värde;täljare;nämnare;kommentar\n"
        "2025Q2;servicenamnden;phishing_click_rate;;320;1000;Ny mätning\n"
        '2025Q2;servicenamnden;mfa_coverage;"87,5";;;\n'
        "2025Q1;servicenamnden;mfa_coverage;80;;;\n",
    ),
    "self-assessments": (
        "self_assessments",
        "år;enhet;självskattning;påstående;bedömning\n"
        "2024;mkb;internal_control;ik3;Tillfredsställande\n"
        "2024;mkb;access;IK3;Tillfredsställande\n",
    ),
}


def _store(template: Path, path: Path) -> sa.Engine:
    shutil.copy(template, path)
    return create_store_engine(f"sqlite:///{path}")


def _row_by_row(engine: sa.Engine, config: Any, dataset: str, path: Path) -> ImportResult:
    with open_file(path, path.name, dataset) as table:
        assert table.column_chunks is None
        return import_table(engine, config, dataset, table, actor=operator("u"))


def _stored(engine: sa.Engine, dataset: str) -> list[tuple[Any, ...]]:
    table = DATASET_TABLES[dataset]
    columns = [c for c in table.c if c.name not in HISTORY_COLUMNS or c.name in ("source_row", "scope_key")]
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(sa.select(*columns).order_by(table.c.source_row))]


@pytest.mark.parametrize("case", list(FILES))
def test_columns_and_rows_give_the_same_import(sqlite_template, config, tmp_path, case):
    dataset, text = FILES[case]
    path = write_csv(tmp_path / "fil.csv", text)
    with open_file(path, path.name, dataset, columnar=True) as table:
        assert table.column_chunks is not None  # this file does go the columnar way
    columns_store, rows_store = _store(sqlite_template, tmp_path / "a.db"), _store(sqlite_template, tmp_path / "b.db")
    by_columns = import_file(columns_store, config, dataset, path, actor=operator("u"))
    by_rows = _row_by_row(rows_store, config, dataset, path)
    assert (by_columns.outcome, by_columns.rows, by_columns.scope_summary, by_columns.warnings) == (
        by_rows.outcome,
        by_rows.rows,
        by_rows.scope_summary,
        by_rows.warnings,
    )
    assert by_columns.messages() == by_rows.messages()
    assert _stored(columns_store, dataset) == _stored(rows_store, dataset)
    assert by_columns.outcome == "invalid" or len(_stored(columns_store, dataset)) == by_columns.rows > 0


def test_the_plain_incident_file_is_stored_as_written(sqlite_store, config, tmp_path):
    """Text is stored as written, spaces included; only a cell of nothing but blanks is empty."""
    path = write_csv(tmp_path / "fil.csv", FILES["incidents, plain"][1])
    result = import_file(sqlite_store, config, "incidents", path, actor=operator("u"))
    assert result.outcome == "imported" and result.rows == 4
    rows = {row[0]: row for row in _query(sqlite_store)}
    assert rows[2] == (2, "servicenamnden", "critical", "  Servern stannade ", True, 1)
    assert rows[3] == (3, "mkb", "low", None, False, 3)
    assert rows[4] == (4, "kommunstyrelsen", "medium", "Brev; fel mottagare", True, 1)
    assert rows[6][3] == "=SUMMA(A1)"  # stored as text; neutralised only when exported


def _query(engine: sa.Engine) -> list[tuple[Any, ...]]:
    incidents = DATASET_TABLES["incidents"]
    with engine.connect() as connection:
        return list(
            connection.execute(
                sa.select(
                    incidents.c.source_row,
                    incidents.c.unit,
                    incidents.c.severity,
                    incidents.c.title,
                    incidents.c.reported_to_authority,
                    incidents.c["count"],
                )
            )
        )


# file, and the row of its last line's error as Excel shows it
NOT_PLAIN = {
    "a blank line": (4, INCIDENTS + "2025-03-14;mkb;Låg;IT;A;x;;;\n\n2025-03-15;mkb;Låg;IT;B;x;;;-1\n"),
    "a line break inside quotes": (
        3,
        INCIDENTS + '2025-03-14;mkb;Låg;IT;A;"två\nrader";;;\n2025-03-15;mkb;Låg;IT;B;x;;;-1\n',
    ),
    "a row with an extra field": (
        3,
        INCIDENTS + "2025-03-14;mkb;Låg;IT;A;x;;;;extra\n2025-03-15;mkb;Låg;IT;B;x;;;-1\n",
    ),
    "a row with a field missing": (3, INCIDENTS + "2025-03-14;mkb;Låg;IT;A;x;;\n2025-03-15;mkb;Låg;IT;B;x;;;-1\n"),
}


@pytest.mark.parametrize("case", list(NOT_PLAIN))
def test_a_file_that_is_not_plain_is_read_row_by_row_with_the_rows_numbered_as_in_excel(
    sqlite_template, config, tmp_path, case
):
    row, text = NOT_PLAIN[case]
    path = write_csv(tmp_path / "fil.csv", text)
    with open_file(path, path.name, "incidents", columnar=True) as table:
        assert table.column_chunks is not None
        with pytest.raises(ColumnarNotPossible):
            list(table.column_chunks)
    result = import_file(_store(sqlite_template, tmp_path / "a.db"), config, "incidents", path, actor=operator("u"))
    assert (
        result.messages()
        == _row_by_row(_store(sqlite_template, tmp_path / "b.db"), config, "incidents", path).messages()
    )
    assert result.messages()[-1].startswith(f"fil.csv, rad {row}, kolumn antal: värdet '-1'")


def test_a_file_in_the_windows_encoding_is_read_row_by_row(sqlite_store, config, tmp_path):
    path = write_csv(tmp_path / "fil.csv", INCIDENTS + "2025-03-14;Servicenämnden;Låg;IT;A;Skrivaren;;;\n", "cp1252")
    with open_file(path, path.name, "incidents", columnar=True) as table:
        assert table.column_chunks is None
    result = import_file(sqlite_store, config, "incidents", path, actor=operator("u"))
    assert result.outcome == "imported" and result.rows == 1
