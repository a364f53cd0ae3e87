"""Phishing campaigns through the door: the counts as written, English and Swedish headers, every count
above its recipients and every negative hour refused in one pass, nothing saved; the Excel template."""

from __future__ import annotations

import io

import openpyxl

from domain.roles import operator
from ingest.exports import template_xlsx
from ingest.imports import import_file
from store.batches import latest_batch_id
from store.schema import DATASET_TABLES
from tests.conftest import write_csv

phishing_campaigns = DATASET_TABLES["phishing_campaigns"]

SWEDISH = "kampanj;startdatum;enhet;planerade_timmar;faktiska_timmar;mottagare;klickade;rapporterade;kommentar\n"
ENGLISH = "campaign,start_date,unit,planned_hours,actual_hours,recipients,clicked,reported,comment\n"


def _rows(store):
    with store.connect() as c:
        return (
            c.execute(phishing_campaigns.select().where(phishing_campaigns.c.superseded_by.is_(None))).mappings().all()
        )


def test_a_campaign_is_stored_as_counted_with_swedish_or_english_headers(sqlite_store, config, tmp_path):
    swedish = write_csv(
        tmp_path / "sv.csv", SWEDISH + "PH-2025-1;2025-05-12;Servicenämnden;72;27;1 000;320;95;Avbröts\n"
    )
    assert import_file(sqlite_store, config, "phishing_campaigns", swedish, actor=operator("u")).ok
    english = write_csv(tmp_path / "en.csv", ENGLISH + "PH-2025-1,2025-05-12,kommunstyrelsen,72,27,660,191,,\n")
    assert import_file(sqlite_store, config, "phishing_campaigns", english, actor=operator("u")).ok
    rows = {r["unit"]: r for r in _rows(sqlite_store)}
    assert (rows["servicenamnden"]["recipients"], rows["servicenamnden"]["clicked"]) == (1000, 320)
    assert rows["servicenamnden"]["actual_hours"] == 27 and rows["kommunstyrelsen"]["reported"] is None
    assert set(rows) == {"servicenamnden", "kommunstyrelsen"}  # a campaign × unit replaces only itself


def test_counts_above_the_recipients_and_negative_hours_are_refused_and_nothing_is_saved(
    sqlite_store, config, tmp_path
):
    bad = write_csv(
        tmp_path / "fel.csv",
        SWEDISH
        + "PH-1;2025-05-12;servicenamnden;72;27;100;120;101;\n"
        + "PH-2;2025-05-12;servicenamnden;-1;;100;5;;\n"
        + "PH-3;;servicenamnden;72;27;100;5;;\n"
        + "PH-4;2025-05-12;servicenamnden;72;27;0;0;;\n",
    )
    result = import_file(sqlite_store, config, "phishing_campaigns", bad, actor=operator("u"))
    assert not result.ok
    found = {(p.row, p.column): p.expected for p in result.problems}
    assert found[(2, "klickade")] == "högst antalet mottagare (100)"
    assert found[(2, "rapporterade")] == "högst antalet mottagare (100)"
    assert found[(3, "planerade_timmar")] == "ett antal timmar, 0 eller mer"
    assert (4, "startdatum") in found and (5, "mottagare") in found
    with sqlite_store.connect() as c:
        assert latest_batch_id(c) == 0


def test_a_controller_imports_a_campaign_from_the_excel_template(sqlite_store, config, tmp_path):
    book = openpyxl.load_workbook(io.BytesIO(template_xlsx("phishing_campaigns", config)))
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    values = {
        "kampanj": "PH-2026-1",
        "startdatum": "2026-03-02",
        "enhet": "Servicenämnden",
        "mottagare": 500,
        "klickade": 40,
        "rapporterade": 120,
        "planerade_timmar": 72,
        "faktiska_timmar": 72,
    }
    for column, header in enumerate(headers, start=1):
        sheet.cell(row=2, column=column, value=values.get(header))
    path = tmp_path / "mall.xlsx"
    book.save(path)
    result = import_file(sqlite_store, config, "phishing_campaigns", path, actor=operator("u"))
    assert result.ok, result.messages()
    assert [(r["campaign"], r["clicked"]) for r in _rows(sqlite_store)] == [("PH-2026-1", 40)]
