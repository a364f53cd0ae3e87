"""The pack of a meeting holds exactly what the board was shown: the slides' figures and sentences, read
as of the record's batch, whatever is imported afterwards; and the imports behind them."""

from __future__ import annotations

import datetime as dt

from domain.roles import MEETING_VIEWS, operator
from ingest.demo import load_example_data
from ingest.imports import import_file
from store import meetings
from tests.conftest import ROOT, write_csv
from view_models.board_pack import _numbers, pack_from_store
from view_models.presentation import DeckScope, build_deck

STATUS = ROOT / "ingest" / "example_data" / "status.csv"


def _pages(document):
    return [*document.main, *(page for part in document.parts for page in part.pages)]


def _texts(document) -> list[str]:
    """Every text of the pack but the word on corrections (which grows when a later import corrects)."""
    out = [document.banner, *document.cover]
    for page in _pages(document):
        out += [page.heading, page.lead, *page.lines, page.note.split("Rättat efter mötet:")[0]]
        out += [t for f in page.figures for t in (f.label, f.value, *f.notes)]
        out += [c.summary for c in page.charts]
    return out


def test_the_pack_has_the_slides_figures_as_presented_even_after_a_later_import(sqlite_store, config, tmp_path):
    load_example_data(sqlite_store, config)
    record = meetings.create(
        sqlite_store,
        config,
        operator("anna"),
        body="servicenamnden",
        meeting_date="2026-02-17",
        item="§ 30",
        quarter="2025Q4",
    )
    before = pack_from_store(sqlite_store, config, record, made_by="anna")
    quarter = [line for line in STATUS.read_text().splitlines() if line.startswith("2025Q4;servicenamnden;")]
    fixed = [line.replace(";governance;Gul;", ";governance;Röd;") for line in quarter]
    later = write_csv(
        tmp_path / "rättelse.csv", "period;enhet;område;status;trend;kommentar\n" + "\n".join(fixed) + "\n"
    )
    assert import_file(sqlite_store, config, "status", later, actor=operator("anna")).ok
    after = pack_from_store(sqlite_store, config, record, made_by="anna")

    def ask(query, *args):
        with sqlite_store.connect() as connection:
            return query(connection, *args, as_of=record.batch_id)

    shown = build_deck(ask, DeckScope("servicenamnden", "2025Q4", record.meeting_date), config)
    on_screen = {f.label: f.value for s in shown.slides for f in s.figures}
    in_pack = {f.label: f.value for page in _pages(before) for f in page.figures}
    assert in_pack == on_screen and in_pack["Styrning och ledning"] == "▲ Gul"
    sentences = {c.summary for s in shown.slides for c in s.charts}
    assert sentences == {c.summary for page in _pages(before) for c in page.charts}
    assert [page.heading for page in before.main] == [s.title for s in shown.main[1:]]  # the cover is the pack's
    presented = [t for t in _texts(before) if t]
    assert [t for t in _texts(after) if t][: len(presented) - 1] == presented[:-1]  # the same, to the letter
    corrected = [
        line for p in after.parts for page in p.pages if page.heading.startswith("Rättat") for line in page.lines
    ]
    assert any(line.startswith("Styrning och ledning: ▲ Gul → ■ Röd – ändrat genom import nr ") for line in corrected)
    assert before.main[-1].note.endswith("Rättat efter mötet: inget av det som visades har ändrats.")
    said = f"{len(corrected)} uppgifter läser annorlunda i dag; se bilagan Rättat efter mötet."
    assert after.main[-1].note.endswith(said)
    assert [p.title for p in before.parts] == [*(v.title for v in MEETING_VIEWS), "Rättat efter mötet"]
    assert before.marking == "Öppen" and before.example  # the configured classification; example data said
    assert before.footer == f"Siffrorna kommer från import {_numbers([int(r[0][3:]) for r in before.imports])}"
    assert {r[1] for r in before.imports} >= {"Kvartalsstatus", "Nyckeltal", "Incidenter"}
    assert all(c.svg.startswith("<svg") for p in before.parts for page in p.pages for c in page.charts)


def test_import_numbers_are_written_as_ranges():
    assert _numbers([1, 2, 3, 4, 5, 6, 9]) == "nr 1–6, 9"
    assert _numbers([3, 4, 8]) == "nr 3, 4, 8"
    assert _numbers([7]) == "nr 7"


def test_a_made_line_names_who_and_when(sqlite_store, config):
    load_example_data(sqlite_store, config)
    record = meetings.create(
        sqlite_store,
        config,
        operator("anna"),
        body="servicenamnden",
        meeting_date="2026-02-17",
        item="§ 30",
        quarter="2025Q4",
        prepared_by="Anna Andersson",
    )
    pack = pack_from_store(sqlite_store, config, record, made_by="Bo Berg")
    assert pack.made.startswith("Styrelsepaket gjort ") and f"av Bo Berg ur mötesprotokoll nr {record.id}." in pack.made
    assert pack.cover == [
        "Malmö stad · Servicenämnden",
        "Möte 2026-02-17, § 30 · kvartal 4 2025",
        "Förberett av Anna Andersson",
    ]
    from_the_command_line = pack_from_store(sqlite_store, config, record)  # no computer user is named
    assert f"gjort {from_the_command_line.made.split('gjort ')[1][:16]} ur mötesprotokoll" in from_the_command_line.made
    assert isinstance(record.meeting_date, dt.date)
    years = [
        row[table.header.index(year)]
        for part in pack.parts
        for page in part.pages
        for table in page.tables
        for year in table.header
        if year == "År"
        for row in table.rows
    ]
    assert years and all(y.isdigit() and len(y) == 4 for y in years)  # "2023", never "2 023"
