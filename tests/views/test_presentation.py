"""AppTest of the deck (/presentation): one slide per run, the body and the quarter fixed on every slide,
a meeting's figures as presented, and the old presentation links landing in the deck."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from access import access_store
from domain.configuration import load_config
from domain.roles import MEETING_VIEWS, operator
from ingest.imports import import_file
from store import meetings
from store.engine import open_store
from tests.conftest import ROOT, write_csv
from tests.views.conftest import page_text, shown

CONTEXT = re.compile(r"^(.+) · (\d{4}Q\d)\*\*(?: · (.+?))? · (bild \d+ av \d+|Bilagor|bilaga \d+ av \d+)$")


def _context(app: AppTest) -> re.Match[str]:
    """The top line of the slide: body, quarter, the view (not on the cover and "Bilagor"), and where it is:
    "bild K av N" in the main part, "Bilagor", "bilaga K av M" in the appendix."""
    for block in app.markdown:
        if match := CONTEXT.match(shown(block.value).removeprefix("**")):
            return match
    raise AssertionError(f"no slide context in {page_text(app)!r}")


def _without_count(app: AppTest) -> str:
    """The slide's text but its place in the deck and the word on corrections (corrections made after the
    meeting make the appendix longer, and are said on the main part's last slide)."""
    text = re.sub(r"(bild|bilaga) \d+ av \d+|\d+ bilder i \d+ delar", "bild", page_text(app))
    return re.sub(r"Rättat efter mötet: [^\n]*", "", text)


def _count(open_view, **params: str) -> int:
    """The slides of a deck: the main part, "Bilagor" and the appendix."""
    main = int(_context(open_view("views/presentation.py", **params)).group(4).split()[-1])
    appendix = _context(open_view("views/presentation.py", **params, bild=str(main + 2))).group(4)
    return main + 1 + int(appendix.split()[-1])


def _deck(open_view, **params: str) -> list[AppTest]:
    """Every slide of a deck, stepped through by the link's `bild`."""
    count = _count(open_view, **params)
    return [open_view("views/presentation.py", **params, bild=str(n)) for n in range(1, count + 1)]


def test_every_slide_names_the_same_body_and_quarter_and_the_views_come_in_meeting_order(open_view):
    slides = _deck(open_view, unit="servicenamnden", period="2025Q3")
    contexts = [_context(app) for app in slides]
    assert {(c.group(1), c.group(2)) for c in contexts} == {("Servicenämnden", "2025Q3")}
    main = [c.group(4) for c in contexts if c.group(4).startswith("bild ")]
    assert len(main) <= 8 and contexts[len(main)].group(4) == "Bilagor"
    appendix = [c.group(3).split(" (")[0] for c in contexts[len(main) + 1 :]]
    assert list(dict.fromkeys(appendix)) == [v.title for v in MEETING_VIEWS]  # the appendix in meeting order
    whole = [
        c.group(3)
        for c in contexts
        if c.group(3)
        and c.group(3).startswith(
            ("Incidenter", "Självskattningar", "Phishing", "Utb", "Styr", "Informationsk", "Mognad", "Enk", "Tillg")
        )
    ]
    assert whole and all(v.endswith("(hela kommunen)") for v in whole)  # said, not carried over from the body
    text = "\n".join(page_text(app) for app in slides)
    assert "Kvartal 3 2025: av 10 områden" in text
    assert "36\u00a0160 incidenter för hela kommunen" in text  # 2024–2025, as on Incidenter: not one body's
    assert "från 65\u00a0% (2015) till 89\u00a0% (2024)" in text
    assert "Servicenämnden, Phishingövning 2025-05-12: klickade" in text and "320 av 1\u00a0000 klickade" in text
    assert "Avbröts efter 27 av 72 timmar" in text
    assert "Dagens data, inte ett protokollfört möte" in text


def test_a_slide_holds_no_more_than_fits_and_the_rest_goes_on_further_slides(open_view):
    slides = _deck(open_view, unit="servicenamnden", period="2025Q4")
    for app in slides:
        assert len(app.get("arrow_vega_lite_chart")) <= 2
    titles = [shown(app.title[0].value) for app in slides]
    assert "Nyckeltal mot mål" in titles and not any(t.startswith("Nyckeltal mot mål (") for t in titles)
    assert [t for t in titles if t.startswith("Andel tillfredsställande per enhet")][-1].endswith("(3 av 3)")


def test_previous_and_next_keep_the_deck_and_the_first_and_last_slide_say_so(open_view):
    first = open_view("views/presentation.py", unit="servicenamnden", period="2025Q3")
    links = {link.proto.label: link.proto for link in first.get("page_link")}
    assert "← Föregående bild" not in links and "Första bilden" in page_text(first)
    assert "bild=2" in links["Nästa bild →"].query_string and "period=2025Q3" in links["Nästa bild →"].query_string
    assert "unit=servicenamnden" in links["Nästa bild →"].query_string
    count = str(_count(open_view, unit="servicenamnden", period="2025Q3"))
    last = open_view("views/presentation.py", unit="servicenamnden", period="2025Q3", bild=count)
    links = {link.proto.label: link.proto for link in last.get("page_link")}
    assert "Nästa bild →" not in links and "Sista bilden" in page_text(last)
    assert "bild=" + str(int(count) - 1) in links["← Föregående bild"].query_string
    assert "Avsluta presentationen" in links


@pytest.mark.parametrize(
    ("script", "view"),
    [
        ("views/situation.py", "Lägesbild"),
        ("views/incidents.py", "Incidenter"),
        ("views/self_assessments.py", "Självskattningar"),
    ],
)
def test_an_old_presentation_link_opens_the_deck_on_the_views_first_slide(open_view, script, view):
    app = open_view(script, present="1", period="2025Q3", unit="servicenamnden")
    context = _context(app)
    if view == "Lägesbild":  # the deck's first slide, its cover
        assert context.group(4) == "bild 1 av 8" and context.group(3) is None
    else:
        assert context.group(3).startswith(view)
    assert context.group(2) == "2025Q3"
    assert not app.sidebar.multiselect and not app.sidebar.selectbox


def test_a_meetings_deck_shows_what_was_presented_and_ends_with_the_corrections(open_view, app_env):
    open_view("views/situation.py")
    engine, config = open_store(), load_config()
    record = meetings.create(
        engine,
        config,
        operator("anna"),
        body="servicenamnden",
        meeting_date="2026-01-20",
        item="§ 12",
        quarter="2025Q4",
    )
    slides = _deck(open_view, mote=str(record.id))
    assert "Inget av det som visades har ändrats sedan mötet." in page_text(slides[-1])
    later = write_csv(app_env / "rättelse.csv", "period;enhet;område;status\n2025Q4;servicenamnden;governance;Röd\n")
    fix = import_file(engine, config, "status", later, actor=operator("anna"))
    again = _deck(open_view, mote=str(record.id))
    presented = [_without_count(a) for a in slides[:-1]]
    assert [_without_count(a) for a in again[: len(presented)]] == presented  # as presented, to the letter
    corrected = again[len(presented) :]
    assert all(shown(a.title[0].value).startswith("Rättat efter mötet") for a in corrected)
    last = "\n".join(page_text(a) for a in corrected)
    assert (
        f"Styrning och ledning: ▲ Gul → ■ Röd – ändrat genom import nr {fix.batch_id} (Kvartalsstatus: rättelse.csv"
        in last
    )
    assert all(
        f"Som presenterat för Servicenämnden 2026-01-20, § 12 (data per import nr {record.batch_id})" in page_text(a)
        for a in again
    )


def test_a_link_limited_to_some_views_gets_only_their_slides(open_view, app_env):
    open_view("views/situation.py")
    token, _ = access_store.create_link(open_store(), "Revisor Rut", "anna", 30, ("", "incidenter"), None)
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.query_params["link"] = token
    app.run()
    app.switch_page("views/presentation.py").run()
    views = set()
    for n in range(1, 30):
        app.query_params["bild"] = str(n)
        app.run()
        if _context(app).group(3):
            views.add(_context(app).group(3).split(" (")[0])
        if "Sista bilden" in page_text(app):
            break
    assert views == {"Lägesbild", "Incidenter"}
