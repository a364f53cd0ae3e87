"""Risker as data: the heat map's counts, the risks in the two highest bands with their moves, the late
treatments judged on the day, the move since the body's last meeting record (read as of its import), the
figure and sentence on Lägesbild, and the view in the deck's appendix."""

from __future__ import annotations

import datetime as dt

from domain.roles import operator
from ingest.imports import import_file
from queries.common import asking
from store import meetings
from tests.conftest import write_csv
from view_models import presentation as p
from view_models import risks, situation
from view_models.sections import Chart, Figures, Lines, Scope, Table, Text

ON = dt.date(2026, 2, 17)
BODY = Scope(("servicenamnden",), "2025Q4", ON, "servicenamnden")
ALL = Scope((), "2025Q4", ON, "servicenamnden")
HEADER = "id;enhet;rubrik;bedömningsdatum;sannolikhet;konsekvens;ägare;åtgärd;åtgärdsstatus;slutdatum\n"


def _section(content, kind, title=None):
    return next(s for s in content.sections if isinstance(s, kind) and (title is None or s.title == title))


def test_the_heat_map_counts_the_current_risks_and_the_two_highest_bands_are_named(store, config):
    content = risks.compose(asking(store, None), ALL, config)
    figures = _section(content, Figures, "Riskläget").figures
    assert [(f.label, f.value) for f in figures] == [
        ("Risker med mycket högt riskvärde", "2"),
        ("Åtgärder försenade", "1"),
        ("Risker i registret", "11"),
    ]
    heat = _section(content, Chart)
    assert heat.summary == (
        "11 risker: 2 med mycket högt riskvärde, 4 med högt riskvärde, 4 med medelhögt riskvärde, "
        "1 med lågt riskvärde; 1 åtgärd försenad."
    )
    cells = heat.table.set_index(["Sannolikhet", "Konsekvens"])
    assert cells.at[("3 Sannolik", "3 Kännbar"), "Antal risker"] == 3
    assert cells.at[("4 Mycket sannolik", "4 Allvarlig"), "Riskklass"] == "Mycket hög"
    assert heat.table["Antal risker"].sum() == 11 and len(heat.table) == 16  # a re-assessed risk counts once

    listed = _section(content, Table, "Risker i klasserna Hög och Mycket hög").table.set_index("Id")
    assert list(listed.index[:2]) == ["R-SN-4", "R-SN-2"]  # the highest value first
    assert listed.at["R-SN-2", "Riskvärde"] == "12 Mycket hög"
    assert listed.at["R-SN-2", "Sedan förra bedömningen"] == "9 → 12 ▲ (2025-03-10)"
    assert listed.at["R-SN-1", "Sedan förra bedömningen"] == "16 → 9 ▼ (2024-09-16)"
    assert listed.at["R-SN-2", "Åtgärdsstatus"] == "○ Ej påbörjad, slutdatum 2026-09-30"
    assert "R-SN-5" not in listed.index  # a medium risk is not named…
    (late,) = _section(content, Lines, "Åtgärder försenade").lines
    assert late.mark == "overdue" and late.text.startswith("R-SN-5 ")  # …but its late treatment is
    assert late.text.endswith("◐ Pågår, slutdatum 2025-12-31 ■ Försenad")
    slide = _section(content, Lines, "Risker i klasserna Hög och Mycket hög")
    assert not slide.on_screen and slide.lines[1].mark == "worse" and "(9 → 12 ▲)" in slide.lines[1].text


def test_what_is_late_and_current_is_judged_on_the_day(store, config):
    earlier = risks.compose(
        asking(store, None), Scope(("servicenamnden",), "2025Q3", dt.date(2025, 9, 30), "x"), config
    )
    assert _section(earlier, Figures, "Riskläget").figures[2].value == "2"  # assessed by then: R-SN-1 and R-SN-2
    assert _section(earlier, Lines, "Åtgärder försenade").lines == ()
    later = risks.compose(asking(store, None), Scope(("servicenamnden",), "2026Q4", dt.date(2026, 12, 6), "x"), config)
    late = [line.text.split(" ")[0] for line in _section(later, Lines, "Åtgärder försenade").lines]
    assert late == ["R-SN-5", "R-SN-2"]  # the earliest due first


def test_the_move_since_the_bodys_last_meeting_is_read_as_that_meeting_was_shown(store, config, tmp_path):
    ask = asking(store, None)
    before = risks.compose(ask, BODY, config)
    assert _section(before, Text).strong == "Sedan förra mötet:"  # no record yet: it says so
    record = meetings.create(
        store, config, operator("anna"), body="servicenamnden", meeting_date="2025-11-18", item="§ 77", quarter="2025Q3"
    )
    reassessed = (
        "R-SN-4;servicenamnden;Utpressningsvirus slår ut verksamhetssystem;2026-01-20;2;4;IT-chef;Övad återställning;"
        "Genomförd;\nR-SN-9;servicenamnden;Ny leverantör utan säkerhetskrav;2026-01-20;3;3;Upphandlingschef;;;\n"
    )
    result = import_file(
        store, config, "risks", write_csv(tmp_path / "risker.csv", HEADER + reassessed), actor=operator("u")
    )
    assert result.ok, result.messages()
    content = risks.compose(asking(store, None), BODY, config)
    moved = _section(content, Lines, "Sedan förra mötet (2025-11-18, § 77)").lines
    assert [(line.text, line.mark) for line in moved] == [
        ("R-SN-4 Utpressningsvirus slår ut verksamhetssystem: 12 → 8 ▼", "better"),
        ("R-SN-9 Ny leverantör utan säkerhetskrav: ny, 9 Hög", "info"),
    ]
    table = _section(content, Table, "Riskregistret").table.set_index("Id")
    assert (
        table.at["R-SN-4", "Sedan mötet"] == "12 → 8 ▼" and table.at["R-SN-2", "Sedan mötet"] == "12 → 12 (oförändrat)"
    )
    at_meeting = Scope(("servicenamnden",), "2025Q3", record.meeting_date, "servicenamnden")
    as_presented = risks.compose(asking(store, record.batch_id), at_meeting, config)
    assert _section(as_presented, Figures, "Riskläget").figures[0].value == "2"  # the meeting saw R-SN-4 at 12


def test_lagesbild_gives_the_bodys_key_figure_and_a_sentence_when_a_risk_is_in_the_top_band(store, config):
    picture = situation.compose(asking(store, None), BODY, config)
    figure = next(f for s in picture.sections if isinstance(s, Figures) for f in s.figures if f.heading == "Risker")
    assert (figure.label, figure.value, figure.notes) == (
        "Servicenämndens risker med mycket högt riskvärde",
        "2",
        ("■ 1 åtgärd försenad",),
    )
    summary = [line.text for line in _section(picture, Lines, "Sammanfattning").lines]
    assert summary[2] == (
        "Risker för Servicenämnden: 2 med mycket högt riskvärde (Utpressningsvirus slår ut verksamhetssystem; "
        "Bristande beredskap att hantera möjligheter och risker med AI, på grund av bristande kompetens), "
        "1 åtgärd försenad."
    )
    calm = situation.compose(asking(store, None), Scope(("kommunstyrelsen",), "2025Q4", ON, "kommunstyrelsen"), config)
    assert not any(line.text.startswith("Risker") for line in _section(calm, Lines, "Sammanfattning").lines)


def test_the_view_is_in_the_decks_appendix_with_its_map_and_named_risks(store, config):
    deck = p.build_deck(asking(store, None), p.DeckScope("servicenamnden", "2025Q4", ON), config)
    slides = [s for s in deck.appendix if s.view == "risks"]
    assert slides and slides[0].title == "Riskläget"
    charts = [c for s in slides for c in s.charts]
    assert [c.title for c in charts] == ["Riskkarta: sannolikhet × konsekvens"] and len(charts[0].table) == 16
    named = next(s for s in slides if s.title.startswith("Risker i klasserna"))
    assert named.lines[0].text.startswith("R-SN-4 Utpressningsvirus slår ut verksamhetssystem: 12 Mycket hög")


def test_utforska_offers_the_risk_values_by_body(store):
    from queries.explore import explore

    with store.connect() as connection:
        highest = explore(connection, "risks", "highest", ("unit",), []).set_index("unit")["value"]
        counted = explore(connection, "risks", "assessments", ("likelihood",), [("unit", ("kommunstyrelsen",))])
    assert highest.to_dict() == {"kommunstyrelsen": 9, "servicenamnden": 16}  # R-SN-1 was assessed 16 once
    assert counted.set_index("likelihood")["value"].to_dict() == {2: 2, 3: 1}
