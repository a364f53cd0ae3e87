"""The board's duties through the import door, on SQLite and PostgreSQL: a file with Swedish headers is
read by letter or name and status word; bad cells are named in Swedish and nothing is saved."""

from __future__ import annotations

import datetime as dt

from domain.roles import operator
from ingest.imports import import_file
from queries import measures as q
from tests.conftest import write_csv

HEADER = "period;enhet;åtgärd;status;ansvarig;beslutsdatum;beslut;nästa_översyn;kommentar\n"


def _import(store, config, tmp_path, text: str, *, dry_run: bool = False):
    path = write_csv(tmp_path / "ledningsansvar.csv", HEADER + text)
    return import_file(store, config, "measures", path, actor=operator("u"), dry_run=dry_run)


def _rows(store) -> int:
    with store.connect() as connection:
        return connection.exec_driver_sql("select count(*) from measures").scalar()


def test_a_file_with_swedish_headers_is_read_by_letter_or_name_on_both_stores(store, config, tmp_path):
    text = (
        "Q3 2026;Servicenämnden;a;Genomförd;IT-chef;2026-03-12;§ 41;2027-03-31;\n"
        "2026 kv3;servicenamnden;Kryptografi och kryptering;Ej tillämplig;;;;;Hanteras centralt\n"
        "2026Q3;servicenamnden;J;pågår;IT-chef;2026-03-12;KS 2026/118;;\n"
    )
    result = _import(store, config, tmp_path, text)
    assert result.ok, result.messages()
    with store.connect() as connection:
        rows = q.body_measures(connection, "servicenamnden", "2026Q4")
    assert rows[["period", "measure", "status"]].values.tolist() == [
        ["2026Q3", "a", "done"],
        ["2026Q3", "h", "not_applicable"],
        ["2026Q3", "j", "in_progress"],
    ]
    assert rows["decided_date"].tolist()[0] == dt.date(2026, 3, 12)
    assert rows["decision_ref"].tolist()[2] == "KS 2026/118"


def test_bad_cells_are_named_in_swedish_and_nothing_is_saved(sqlite_store, config, tmp_path):
    text = (
        "2026Q3;servicenamnden;k;Genomförd;;;;;\n"
        "2026Q3;servicenamnden;b;Klar och godkänd;;;;;\n"
        "2026Q3;servicenamnden;c;Pågår;;2026-05-01;§ 12;2026-04-01;\n"
        "2026Q3;servicenamnden;d;Pågår;;;;;\n"
        "2026Q3;servicenamnden;d;Genomförd;;;;;\n"
    )
    result = _import(sqlite_store, config, tmp_path, text)
    assert not result.ok and _rows(sqlite_store) == 0
    found = {(p.row, p.column): p.expected for p in result.problems}
    assert "en åtgärd (a–j)" in found[(2, "åtgärd")]
    assert "Ej påbörjad" in found[(3, "status")]
    assert found[(4, "nästa_översyn")] == "ett datum från beslutsdatumet (2026-05-01) och framåt"
    assert found[(6, "åtgärd")] == "en unik rad per period, enhet, åtgärd; samma som rad 5"  # the same measure twice


def test_a_decision_date_without_its_decision_is_questioned_not_refused(sqlite_store, config, tmp_path):
    text = "2026Q3;servicenamnden;g;Genomförd;HR-chef;2026-03-12;;2027-03-31;\n"
    checked = _import(sqlite_store, config, tmp_path, text, dry_run=True)  # `check`: shown before importing
    (question,) = checked.questioned
    assert (question.row, question.column) == (2, "beslut")
    assert "beslutsdatum 2026-03-12 utan beslut: ange paragraf eller diarienummer (§ 41)" in question.expected
    assert any("rad 2" in w and "beslut" in w for w in checked.warnings) and _rows(sqlite_store) == 0
    assert _import(sqlite_store, config, tmp_path, text).ok and _rows(sqlite_store) == 1  # a warning, not an error
