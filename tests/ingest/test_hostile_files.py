"""Files that lie or break: a workbook declaring a million rows, a truncated worksheet, values longer than
the store holds, data under an empty header, and uploads that must not stay on disk."""

from __future__ import annotations

import io
import os
import re
import stat
import subprocess
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

import openpyxl
import pytest

from domain.roles import operator
from ingest.imports import import_file
from ingest.uploads import upload_file
from tests.conftest import ROOT, write_csv

INCIDENT_HEADER = ["datum", "enhet", "allvarlighetsgrad", "kategori", "ärendenummer", "incidentansvarig"]


def _workbook(rows: list[list[object]], at_row: int | None = None) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if at_row is not None:
        sheet.cell(row=at_row, column=1, value="2025-03-01")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rewrite_sheet(data: bytes, change) -> bytes:
    """The same workbook with its first sheet's XML changed."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = change(content)
            target.writestr(item, content)
    return out.getvalue()


def test_a_workbook_that_declares_every_cell_is_refused_in_bounded_time_and_memory(sqlite_store, config, tmp_path):
    declared = _rewrite_sheet(
        _workbook([INCIDENT_HEADER], at_row=1_048_576),
        lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', xml),
    )
    assert b"XFD1048576" in zipfile.ZipFile(io.BytesIO(declared)).read("xl/worksheets/sheet1.xml")
    assert len(declared) < 10_000
    path = tmp_path / "incidenter.xlsx"
    path.write_bytes(declared)
    tracemalloc.start()
    started = time.process_time()
    result = import_file(sqlite_store, config, "incidents", path, actor=operator("u"), dry_run=True)
    cpu_seconds = time.process_time() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert result.outcome == "invalid"
    assert "fler än 500\u00a0000 rader" in result.messages()[0] and "spara den som CSV" in result.messages()[0]
    assert peak < 300 * 1024 * 1024 and cpu_seconds < 5


def test_a_value_past_the_column_cap_refuses_the_file(sqlite_store, config, tmp_path):
    wide = [*INCIDENT_HEADER, *([None] * 300), "gömd"]
    path = tmp_path / "bred.xlsx"
    path.write_bytes(_workbook([wide]))
    message = import_file(sqlite_store, config, "incidents", path, actor=operator("u")).messages()[0]
    assert "rad 1 har värden efter kolumn 200" in message


def test_a_truncated_worksheet_is_a_swedish_message_on_the_command_line_with_no_traceback(tmp_path):
    good = _workbook([INCIDENT_HEADER[:4], ["2025-03-01", "mkb", "Låg", "IT"]] * 50)
    broken = _rewrite_sheet(good, lambda xml: xml[: len(xml) // 2])
    path = tmp_path / "trasig.xlsx"
    path.write_bytes(broken)
    env = {**os.environ, "DASHBOARD_DB_URL": f"sqlite:///{tmp_path / 'store.db'}"}
    for command in ("check", "import"):
        done = subprocess.run(
            [sys.executable, "-m", "data_sources", command, "incidents", str(path)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr + done.stdout
        assert "trasig.xlsx kunde inte läsas eller importeras" in done.stderr and "Inget sparades" in done.stderr


@pytest.mark.parametrize(("column", "length", "limit"), [("ärendenummer", 150, 100), ("incidentansvarig", 250, 200)])
def test_a_value_longer_than_the_store_holds_is_refused_by_check_on_every_database(
    store, config, tmp_path, column, length, limit
):
    values = {"ärendenummer": "INC-1", "incidentansvarig": "Anna"} | {column: "x" * length}
    text = (
        ";".join(INCIDENT_HEADER)
        + "\n"
        + f"2025-03-01;mkb;Låg;IT;{values['ärendenummer']};{values['incidentansvarig']}\n"
    )
    path = write_csv(tmp_path / "långa.csv", text)
    for dry_run in (True, False):
        result = import_file(store, config, "incidents", path, actor=operator("u"), dry_run=dry_run)
        assert result.outcome == "invalid"
        (problem,) = result.problems
        assert (problem.row, problem.column) == (2, column)
        assert problem.expected == f"högst {limit} tecken; värdet har {length}. Korta texten"


def test_data_under_an_empty_header_cell_is_named_by_its_column_letter(sqlite_store, config, tmp_path):
    text = "period;enhet;område;;status\n2025Q1;mkb;governance;;Grön\n2025Q2;mkb;governance;glömd;Gul\n"
    result = import_file(sqlite_store, config, "status", write_csv(tmp_path / "s.csv", text), actor=operator("u"))
    assert result.ok
    assert any(w.startswith("Kolumn D saknar rubrik men har värden (första på rad 3)") for w in result.warnings)


def test_an_upload_exists_on_disk_only_while_it_is_read_and_only_for_the_app_user():
    with upload_file("../../etc/passwd.csv", b"period;enhet\n") as path:
        assert path.name == "upload.csv" and path.read_bytes() == b"period;enhet\n"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        folder = path.parent
    assert not folder.exists()
    with pytest.raises(RuntimeError), upload_file("a.csv", b"x") as path:
        raise RuntimeError("import failed")
    assert not Path(path).parent.exists()
