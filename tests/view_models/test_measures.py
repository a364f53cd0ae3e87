"""Ledningens ansvar as data: the measures that apply and are done, the ones the body has not approved, a
review past its date, the quarters without a report named, an approval linked to its meeting record, and
the same duties on Lägesbild and in the deck's main part."""

from __future__ import annotations

import datetime as dt

from domain.roles import operator
from queries.common import asking
from store import meetings
from view_models import measures, situation
from view_models import presentation as p
from view_models.sections import Figures, Lines, Links, Scope, Table

SCOPE = Scope(("servicenamnden",), "2025Q4", dt.date(2026, 2, 17), "servicenamnden")


def _section(content, kind, title):
    return next(s for s in content.sections if isinstance(s, kind) and s.title == title)


def test_the_measures_say_what_is_done_not_approved_and_past_its_review(store, config):
    content = measures.compose(asking(store, None), SCOPE, config)
    table = _section(content, Table, "Riskhanteringsåtgärderna 2025Q4")
    assert table.lead == "4 av 9 åtgärder genomförda; 1 ej tillämplig: (h) Kryptografi och kryptering."
    rows = table.table.set_index("Åtgärd")
    assert rows.loc["(b) Incidenthantering", "Status"] == "● Genomförd"
    assert rows.loc[
        "(e) Säkerhet vid förvärv, utveckling och underhåll, inklusive hantering av sårbarheter", "Beslut"
    ] == ("✗ ej beslutad")
    assert (
        rows.loc["(j) Flerfaktorsautentisering och säkra kommunikationer", "Nästa översyn"] == "2025-12-31 ■ passerad"
    )
    waiting = _section(content, Lines, "Inte beslutade av nämnden")
    assert [line.text for line in waiting.lines] == [
        "(e) Säkerhet vid förvärv, utveckling och underhåll, inklusive hantering av sårbarheter",
        "(f) Bedömning av åtgärdernas effektivitet",
    ]
    reports = _section(content, Lines, "Redovisning för nämnden 2025")
    assert reports.lines[1].text == "Kvartal 2 2025: ingen redovisning för nämnden" and reports.lines[1].mark


def test_a_meeting_record_is_the_quarters_report_and_links_the_approval_made_at_it(store, config):
    record = meetings.create(
        store, config, operator("anna"), body="servicenamnden", meeting_date="2025-06-10", item="§ 41", quarter="2025Q2"
    )
    content = measures.compose(asking(store, None), SCOPE, config)
    reports = _section(content, Lines, "Redovisning för nämnden 2025")
    assert reports.lines[1].text == f"Kvartal 2 2025: redovisat (2025-06-10, § 41, mötesprotokoll nr {record.id})"
    assert not reports.lines[1].mark and reports.lines[0].mark == "overdue"
    rows = _section(content, Table, "Riskhanteringsåtgärderna 2025Q4").table.set_index("Åtgärd")
    assert rows.loc["(b) Incidenthantering", "Beslut"] == f"2025-06-10, § 41 (mötesprotokoll nr {record.id})"
    assert rows.loc["(d) Säkerhet i leveranskedjan", "Beslut"] == "2025-11-18, § 77"  # no record of that meeting
    (link,) = _section(content, Links, "Besluten i protokollförda möten").links
    assert (link.view, link.params) == ("situation", {"mote": str(record.id)})  # what that meeting was shown
    assert link.label == f"2025-06-10, § 41: mötesprotokoll nr {record.id}, som presenterat"


def test_the_duties_are_on_lagesbild_in_the_summary_and_a_slide_of_the_main_part(store, config):
    ask = asking(store, None)
    picture = situation.compose(ask, SCOPE, config)
    summary = _section(picture, Lines, "Sammanfattning")
    assert summary.lines[3].text == (
        "Ledningens ansvar enligt cybersäkerhetslagen: 4 av 9 åtgärder genomförda, 2 inte beslutade; "
        "ingen redovisning för nämnden 4 av 4 kvartal 2025."
    )
    figure = next(
        f for s in picture.sections if isinstance(s, Figures) for f in s.figures if f.heading == "Ledningens ansvar"
    )
    assert (figure.value, figure.notes) == ("4 av 9", ("2 inte beslutade av nämnden",))
    deck = p.build_deck(ask, p.DeckScope("servicenamnden", "2025Q4", SCOPE.on), config)
    assert len(deck.main) == 8 and deck.main[6].title == "Ledningens ansvar"
    duties = deck.main[6]
    assert [f.value for f in duties.figures] == ["4 av 9", "0 av 4 kvartal", "69\u00a0%"]
    assert len(duties.lines) == measures.NAMED and duties.note.startswith("Ytterligare 4;")


def test_a_body_without_measures_says_so_and_still_shows_its_reports(store, config):
    content = measures.compose(asking(store, None), Scope(("valnamnden",), "2025Q4", SCOPE.on, "valnamnden"), config)
    assert _section(content, Table, "Riskhanteringsåtgärderna").lead == "Inga åtgärder är rapporterade för Valnämnden."
    assert len(_section(content, Lines, "Redovisning för nämnden 2025").lines) == 4
