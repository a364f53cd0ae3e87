"""The deck as data: the views in meeting order cut into slides that hold no more than fits, the same
figures as the views, and the corrections since a meeting with the imports that made them."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from domain.roles import MEETING_VIEWS, operator
from ingest.imports import import_file
from queries.common import asking
from tests.conftest import ROOT, write_csv
from view_models import presentation as p
from view_models import situation, status
from view_models.meetings import import_words
from view_models.sections import Figures
from view_models.survey_results import SURVEY_UNITS

EXAMPLE_STATUS = ROOT / "ingest" / "example_data" / "status.csv"
SCOPE = p.DeckScope("servicenamnden", "2025Q4", dt.date(2026, 2, 17))


def _latest(engine) -> int:
    with engine.connect() as connection:
        return connection.exec_driver_sql("select max(id) from import_batches").scalar()


def test_the_main_part_is_at_most_eight_slides_in_the_boards_order_then_bilagor_and_the_appendix(store, config):
    deck = p.build_deck(asking(store, None), SCOPE, config)
    assert [s.title for s in deck.main] == [
        "IT- och informationssäkerhet",
        "Sammanfattning",
        "Status per område",
        "Nyckeltal mot mål",
        "Incidenter och rapporter i tid",
        "Revisionens rekommendationer",
        "Ledningens ansvar",
        "Sedan förra kvartalet (2025Q3)",
    ]
    assert len(deck.main) <= 8 and all(s.main for s in deck.main) and not any(s.main for s in deck.appendix)
    slides = deck.slides
    assert slides[len(deck.main)].title == "Bilagor"
    assert [deck.place(n) for n in (1, 8, 9, 10, len(slides))] == [
        "bild 1 av 8",
        "bild 8 av 8",
        "Bilagor",
        "bilaga 1 av " + str(len(deck.appendix)),
        f"bilaga {len(deck.appendix)} av {len(deck.appendix)}",
    ]
    assert deck.contents.lead == f"{len(deck.appendix)} bilder i 14 delar: bläddra vidare, eller välj en del."
    links = dict(deck.contents.links)
    assert list(links) == [v.title for v in MEETING_VIEWS]  # every view has slides in the appendix
    for title, number in links.items():  # each link opens the first slide of its part
        assert p.part_of(slides[number - 1]) == title and p.part_of(slides[number - 2]) != title
    kpis = deck.main[3]
    screen = situation.compose(asking(store, None), p.view_scope(MEETING_VIEWS[0], SCOPE), config)
    tiles = next(s for s in screen.sections if isinstance(s, Figures) and s.title == "Nyckeltal mot mål")
    assert kpis.columns == 1 and [f.label for f in kpis.figures] == [f.label for f in tiles.figures]  # all on one
    assert kpis.figures[-1].notes[0].startswith("Mål 100\u00a0%")
    for slide in deck.appendix:  # an appendix slide holds no more than fits
        assert len(slide.figures) <= p.AREAS_PER_SLIDE and len(slide.charts) <= 2
        assert sum(max(1, -(-len(line.text) // p.LINE_WIDTH)) for line in slide.lines) <= p.LINE_BUDGET
    whole = ("incidents", "recommendations", "self_assessments", "phishing_campaigns", "training", "documents")
    whole += ("classifications", "maturity", "survey_results", "accessibility_reviews")
    assert {s.scope for s in slides if s.view in whole and s.kind == "content"} == {"hela kommunen"}
    assert {s.scope for s in slides if s.view in ("situation", "status")} == {"Servicenämnden"}


def test_the_slides_carry_the_figures_and_sentences_the_views_compose(store, config):
    ask = asking(store, None)
    deck = p.build_deck(ask, SCOPE, config)
    views = {v.name: v for v in MEETING_VIEWS}
    picture = situation.compose(ask, p.view_scope(views["situation"], SCOPE), config)
    shown = {f.label: f.value for s in deck.slides for f in s.figures}
    assert {k: shown[k] for k in picture.figures} == picture.figures  # every figure of Lägesbild is on a slide
    assert shown["Kritiska incidenter hittills 2025, hela kommunen"] == "4"
    assert shown["Revisionens rekommendationer genomförda"] == "2 av 3"
    heat = status.compose(ask, p.view_scope(views["status"], SCOPE), config)
    sentences = {c.title: c.summary for s in deck.slides if s.view == "status" for c in s.charts}
    assert sentences == heat.sentences  # the status slides say what the status view says


def test_the_summary_says_in_three_to_five_sentences_with_figures_what_needs_the_boards_attention(store, config):
    deck = p.build_deck(asking(store, None), SCOPE, config)
    summary = [line.text for line in deck.main[1].lines]
    assert 3 <= len(summary) <= 5 and all(any(c.isdigit() for c in line) for line in summary)
    assert summary[0].startswith("5 av 5 nyckeltal når inte målet: Andel som klickade i phishingsimulering")
    assert summary[1].startswith("3 förändringar till det sämre sedan förra kvartalet (2025Q3): Behörighetshantering")
    assert summary[2].startswith("Risker för Servicenämnden: 2 med mycket högt riskvärde (")
    assert summary[3].startswith("Ledningens ansvar enligt cybersäkerhetslagen: 4 av 9 åtgärder genomförda")
    assert summary[4] == (
        "Incidenter 2025 i hela kommunen: 4 kritiska (2024: 6) och 2 betydande; 5 av 6 rapporter i tid, mål 100\u00a0%."
    )  # the body's own matters first; the overdue recommendations are on their own slide, two on
    incidents, recommendations = deck.main[4], deck.main[5]
    assert [f.value for f in incidents.figures] == ["4", "2", "83\u00a0%"]
    assert [line.text for line in incidents.lines] == ["incidentanmälan KRIT-2025-04 (26 h efter fristen)"]
    assert [f.value for f in recommendations.figures] == ["2 av 3", "1", "1"]
    assert recommendations.lines[0].mark == "overdue" and recommendations.lines[0].text.startswith("ITS-2025-1:")


def test_the_cover_names_the_meeting_and_says_when_the_body_has_no_figures_for_the_quarter(store, config):
    deck = p.build_deck(asking(store, None), p.DeckScope("valnamnden", "2025Q4", SCOPE.on), config)
    cover = deck.main[0]
    assert cover.kind == "cover" and [line.text for line in cover.lines] == [
        "Malmö stad · Valnämnden",
        "Dagens data för kvartal 4 2025, inte ett protokollfört möte",
        "Valnämnden har inga rapporterade uppgifter för kvartal 4 2025: varken status eller nyckeltal.",
    ]
    assert not {"status", "kpis"} & {s.slot for s in deck.main}  # nothing drawn empty
    assert all(s.figures or s.lines or s.charts or s.lead for s in deck.slides)


def test_which_views_a_body_gets_in_its_appendix_is_configured_per_body(store, config):
    units = tuple(
        u.model_copy(update={"appendix": ("incidents", "training")}) if u.id == "servicenamnden" else u
        for u in config.organisation.units
    )
    chosen = config.model_copy(update={"organisation": config.organisation.model_copy(update={"units": units})})
    deck = p.build_deck(asking(store, None), SCOPE, chosen)
    assert [title for title, _ in deck.contents.links] == ["Incidenter", "Utbildning"]
    assert len(deck.main) == 8  # the main part is the same for every body


def test_a_long_list_continues_on_further_slides_numbered_in_their_titles():
    lines = [p.Line(f"Rad {n}: " + "ord " * 40) for n in range(9)]
    slides = p.lines_slides("situation", "Sedan förra kvartalet", "Servicenämnden", lines)
    assert [s.title for s in slides] == [
        f"Sedan förra kvartalet ({n} av {len(slides)})" for n in range(1, len(slides) + 1)
    ]
    assert [line for s in slides for line in s.lines] == lines  # none lost, in order
    capped = p.lines_slides(
        "recommendations", "Försenade", "hela kommunen", lines, at_most=3, rest="på Rekommendationer"
    )
    assert [line for s in capped for line in s.lines] == lines[:3]
    assert capped[-1].note == "Ytterligare 6; alla finns på Rekommendationer."
    empty = p.lines_slides("situation", "Rättat", "Servicenämnden", [], empty="Inget har ändrats.")
    assert len(empty) == 1 and empty[0].lead == "Inget har ändrats." and empty[0].title == "Rättat"


def test_the_corrections_name_exactly_the_changed_figure_and_the_import_that_changed_it(store, config, tmp_path):
    presented_at = _latest(store)
    quarter = [line for line in EXAMPLE_STATUS.read_text().splitlines() if line.startswith("2025Q4;servicenamnden;")]
    rows = [line.replace(";governance;Gul;", ";governance;Röd;") for line in quarter]  # the whole quarter, one fixed
    fix = write_csv(tmp_path / "rättelse.csv", "period;enhet;område;status;trend;kommentar\n" + "\n".join(rows) + "\n")
    result = import_file(store, config, "status", fix, actor=operator("anna"))
    presented = p.contents(asking(store, presented_at), SCOPE, config)
    current = p.contents(asking(store, None), SCOPE, config)
    changed = [c for was, now in zip(presented, current, strict=True) for c in p.corrections(was, now)]
    figures = [c.text for c in changed if "«" not in c.text]
    assert figures == ["Styrning och ledning: ▲ Gul → ■ Röd"]
    assert {c.view for c in changed} == {"situation", "status"}  # the tile, and the heat map's sentence
    imports = pd.DataFrame(
        [
            {
                "id": result.batch_id,
                "kind": "import",
                "dataset": "status",
                "source": "rättelse.csv",
                "user_name": "anna",
                "created_at": dt.datetime(2026, 2, 18, 9, 5, tzinfo=dt.UTC),
            },
            {
                "id": 99,
                "kind": "import",
                "dataset": "incidents",
                "source": "inc.csv",
                "user_name": "bo",
                "created_at": dt.datetime(2026, 2, 18, 9, 6, tzinfo=dt.UTC),
            },
        ]
    )
    named = p.with_imports(changed, imports, import_words)[0].text
    assert named.startswith("Styrning och ledning: ▲ Gul → ■ Röd – ändrat genom import nr ")
    assert "(Kvartalsstatus: rättelse.csv, anna, 2026-02-18" in named and "inc.csv" not in named
    assert all(p.corrections(view, view) == [] for view in presented)


def test_a_deck_for_a_link_holds_only_the_views_it_may_see(store, config):
    scope = p.DeckScope("servicenamnden", "2025Q4", SCOPE.on, ("situation", "incidents"))
    assert {s.view for s in p.build_deck(asking(store, None), scope, config).slides} == {"situation", "incidents"}


def test_a_citys_survey_shows_the_units_with_the_lowest_share_and_everyone_on_a_slide(store, config, tmp_path):
    units = [u.id for u in config.organisation.units][:20]
    rows = [
        f"sekretess;2026;{u};Lätt att göra rätt?;Ja;{i}\nsekretess;2026;{u};Lätt att göra rätt?;Nej;20"
        for i, u in enumerate(units)
    ]
    path = write_csv(tmp_path / "e.csv", "enkät;år;enhet;fråga;svar;antal\n" + "\n".join(rows) + "\n")
    assert import_file(store, config, "survey_results", path, actor=operator("u")).ok
    deck = p.build_deck(
        asking(store, None), p.DeckScope("servicenamnden", "2025Q4", dt.date(2026, 2, 17), ("survey_results",)), config
    )
    slide = next(s for s in deck.slides if "2026, fråga" in s.title and s.lead == "Lätt att göra rätt?")
    shown = {d["Enhet"] for d in slide.charts[0].chart.to_dict()["datasets"].values() for d in d}
    assert len(shown) == SURVEY_UNITS and "Medelvärde (alla svarande)" in shown
    assert config.unit_names[units[0]] in shown and config.unit_names[units[-1]] not in shown  # 0 said yes there
    assert slide.note.startswith("De 12 enheter med lägst andel av 20")
    assert slide.charts[0].summary.startswith("32\u00a0% av 590")  # everyone, not only the units shown: 190 of 590
