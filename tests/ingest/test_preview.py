"""A check names what the import would replace: per key the old and the new value, unchanged counted apart."""

from __future__ import annotations

import re

import sqlalchemy as sa

from domain.roles import operator
from ingest.imports import import_file
from tests.conftest import write_csv

HEADER = "period;enhet;område;status;kommentar\n"
BEFORE = HEADER + "2025Q4;mkb;governance;Grön;\n2025Q4;mkb;training;Gul;Utbildning pågår\n2025Q4;mkb;suppliers;Röd;\n"


def test_the_preview_lists_old_and_new_values_and_counts_the_rest(store, config, tmp_path):
    import_file(store, config, "status", write_csv(tmp_path / "a.csv", BEFORE), actor=operator("u"))
    after = HEADER + "2025Q4;mkb;governance;Röd;Brandvägg bytt\n2025Q4;mkb;training;Gul;Utbildning pågår\n"
    after += "2025Q4;mkb;continuity;Grön;\n"
    result = import_file(
        store, config, "status", write_csv(tmp_path / "b.csv", after), actor=operator("u"), dry_run=True
    )
    assert result.outcome == "valid"
    lines = result.preview.lines(config)
    assert lines[0] == (
        "2025Q4 · MKB Fastighets AB · Styrning och ledning: status Grön → Röd; kommentar – → ”Brandvägg bytt”"
    )
    # The scope is quarter × unit × area: suppliers, not in the file, is not the file's to replace.
    assert lines[-1] == "Av det filen omfattar: 1 ändras, 1 är oförändrade, 1 är nya."


def test_the_preview_lists_the_first_fifty_changes_then_a_count(store, config, tmp_path):
    quarters = [f"{y}Q{q}" for y in range(2010, 2026) for q in (1, 2, 3, 4)]
    rows = "".join(f"{q};mkb;governance;Grön;\n" for q in quarters)
    import_file(store, config, "status", write_csv(tmp_path / "a.csv", HEADER + rows), actor=operator("u"))
    changed = rows.replace("Grön", "Gul")
    result = import_file(
        store, config, "status", write_csv(tmp_path / "b.csv", HEADER + changed), actor=operator("u"), dry_run=True
    )
    lines = result.preview.lines(config)
    assert len(result.preview.changes) == 50 and lines[50] == f"… och {len(quarters) - 50} ändrade till."


INCIDENTS = "datum;enhet;allvarlighetsgrad;kategori;antal;ärendenummer\n"


def test_the_incidents_preview_compares_the_months_from_their_counts_not_their_rows(store, config, tmp_path):
    """A month of a unit is one figure, its number of incidents; a check reads it from the incident counts
    (a cell per severity and category), whatever the number of incidents behind it."""
    before = INCIDENTS + "".join(f"2025-0{m};mkb;Låg;IT-incident;2;INC-{m}{n}\n" for m in (1, 2) for n in range(30))
    import_file(store, config, "incidents", write_csv(tmp_path / "a.csv", before), actor=operator("u"))
    after = INCIDENTS + "2025-02-03;mkb;Hög;IT-incident;1;INC-X\n2025-03-03;mkb;Låg;IT-incident;1;INC-Y\n"
    statements: list[str] = []

    def record(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    sa.event.listen(store, "before_cursor_execute", record)
    try:
        result = import_file(
            store, config, "incidents", write_csv(tmp_path / "b.csv", after), actor=operator("u"), dry_run=True
        )
    finally:
        sa.event.remove(store, "before_cursor_execute", record)
    assert result.outcome == "valid"
    assert result.preview.lines(config)[-1] == "Av det filen omfattar: 1 ändras, 0 är oförändrade, 1 är nya."
    assert result.preview.changes == [(("2025-02", "mkb"), (60,), (1,))]  # 30 rows of 2 incidents each → 1
    assert result.rows_superseded == 30  # the rows the import replaces: February's thirty
    assert not any(re.search(r"\bFROM incidents\b", s) for s in statements)
    done = import_file(store, config, "incidents", write_csv(tmp_path / "b.csv", after), actor=operator("u"))
    assert done.rows_superseded == 30
