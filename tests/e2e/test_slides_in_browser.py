"""The deck in real headless Chromium, as on a projector: every slide of a meeting's deck at 1280×720 and
1920×1080 fits the screen, its type is large enough, nothing overflows, the way on stays in place and
answers the keyboard, and axe-core finds nothing at any impact."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from domain.configuration import load_config
from domain.roles import operator
from store import meetings
from store.engine import open_store
from tests.conftest import ROOT
from tests.e2e.conftest import MAIN, TIMEOUT, store_url, wait_for_app_run

CHARTS = "[data-testid='stVegaLiteChart'], [data-testid='stArrowVegaLiteChart']"
CONTEXT = ".st-key-slide_context"

# What a person at the back of the room checks, measured in the page: the main area does not scroll; no
# text sticks out of its box or the screen; the smallest text; how words may break.
MEASURE = """() => {
  const main = document.querySelector("[data-testid='stMain']");
  const nav = document.querySelector(".st-key-slide_nav").getBoundingClientRect();
  const texts = [...main.querySelectorAll("p, li, h1, a, span, strong")]
    .filter((el) => el.offsetParent !== null)
    .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()));
  const overflowing = texts.filter((el) => {
    const box = el.getBoundingClientRect();
    const inNav = el.closest(".st-key-slide_nav") !== null;
    return el.scrollWidth > el.clientWidth + 1 || box.right > innerWidth + 1 ||
      (!inNav && box.bottom > nav.top + 1) || box.bottom > innerHeight + 1;
  }).map((el) => el.textContent.slice(0, 60));
  const tiles = [...main.querySelectorAll("[class*='st-key-figure_']")];
  const spilling = tiles.filter((tile) => {
    const box = tile.getBoundingClientRect();
    return [...tile.querySelectorAll("p, span")].some((el) => el.getBoundingClientRect().right > box.right + 1);
  }).map((tile) => tile.textContent.slice(0, 60));
  const sizes = texts.map((el) => parseFloat(getComputedStyle(el).fontSize));
  const breaking = texts.filter((el) => {
    const s = getComputedStyle(el);
    return s.wordBreak !== "normal" || s.overflowWrap !== "normal" || s.hyphens === "auto";
  }).length;
  return {
    scroll: [main.scrollHeight, main.clientHeight, document.scrollingElement.scrollHeight, innerHeight],
    overflowing, spilling, smallest: Math.min(...sizes), breaking,
    next: document.querySelector(".st-key-slide_next").getBoundingClientRect().toJSON(),
    previous: document.querySelector(".st-key-slide_previous").getBoundingClientRect().toJSON(),
  };
}"""


@pytest.fixture(scope="module")
def meeting(app_folder, browser) -> meetings.MeetingRecord:
    """Servicenämnden's meeting on the example data (the browser fixture has loaded it)."""
    engine = open_store(store_url(app_folder))
    return meetings.create(
        engine,
        load_config(ROOT / "config"),
        operator("anna"),
        body="servicenamnden",
        meeting_date="2026-02-17",
        item="§ 30",
        quarter="2025Q4",
    )


def _on_slide(page: Page, number: int) -> None:
    """Wait for the slide's number in its top line, then for its run to finish (the state may still tell of
    the previous run when the number changes), then for each of its charts to be drawn."""
    expect(page.locator(CONTEXT)).to_contain_text(f"bild {number} av ", timeout=TIMEOUT)
    wait_for_app_run(page)
    charts = page.locator(CHARTS)
    for i in range(charts.count()):  # the run has finished: these are the slide's charts; each draws on its own
        expect(charts.nth(i).locator("canvas, svg").first).to_be_visible(timeout=TIMEOUT)


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def test_every_slide_fits_the_projector_and_the_keyboard_steps_through(browser, app_url, meeting, size):
    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height}, locale="sv-SE")
    page = context.new_page()
    page.goto(f"{app_url}/presentation?mote={meeting.id}")
    _on_slide(page, 1)
    count = int(page.locator(CONTEXT).inner_text().rsplit(" av ", 1)[1])
    assert count >= 15  # five views, some over several slides
    places = None
    for number in range(1, count + 1):
        if number > 1:
            page.keyboard.press("ArrowRight")  # a presenter's clicker sends the arrow or page keys
            _on_slide(page, number)
        top = page.locator(CONTEXT).inner_text()
        assert top.startswith("Servicenämnden · 2025Q4 · "), top  # the body and the quarter on every slide
        expect(page.locator(MAIN)).to_contain_text("Som presenterat för Servicenämnden 2026-02-17, § 30")
        seen = page.evaluate(MEASURE)
        slide = f"bild {number} ({width}×{height})"
        main_height, main_client, doc_height, screen = seen["scroll"]
        assert main_height <= main_client + 1 and doc_height <= screen + 1, (slide, seen["scroll"])
        assert seen["overflowing"] == [] and seen["spilling"] == [], (slide, seen["overflowing"], seen["spilling"])
        assert seen["smallest"] >= 20, (slide, seen["smallest"])
        assert seen["breaking"] == 0, slide
        here = (
            round(seen["previous"]["x"]),
            round(seen["previous"]["y"]),
            round(seen["next"]["x"]),
            round(seen["next"]["y"]),
        )
        assert places in (None, here), (slide, places, here)  # previous and next never move
        places = here
    page.keyboard.press("ArrowRight")  # nothing after the last slide
    wait_for_app_run(page)
    expect(page.locator(CONTEXT)).to_contain_text(f"bild {count} av {count}")
    context.close()


def test_the_next_slide_is_reached_with_tab_and_enter(page, app_url, meeting):
    page.goto(f"{app_url}/presentation?mote={meeting.id}")
    _on_slide(page, 1)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.textContent") == "Nästa bild →":
            break
    else:
        raise AssertionError("Tab never reached 'Nästa bild →'")
    page.keyboard.press("Enter")
    _on_slide(page, 2)
    expect(page.locator(CONTEXT)).to_contain_text("Servicenämnden · 2025Q4")


def test_axe_finds_no_violation_of_any_impact_on_any_slide(page, app_url, meeting):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{app_url}/presentation?mote={meeting.id}")
    _on_slide(page, 1)
    count = int(page.locator(CONTEXT).inner_text().rsplit(" av ", 1)[1])
    found = {}
    for number in range(1, count + 1):
        if number > 1:
            page.get_by_role("link", name="Nästa bild →").click()
            _on_slide(page, number)
        violations = Axe().run(page).response["violations"]
        if violations:
            found[number] = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:2]) for v in violations]
    assert found == {}


# The pack is made when its button is clicked: every slide's chart drawn, typst run. On this 2-core machine
# with one core kept busy that took up to 70 s (bench/ measures it; issue 23 makes it fast).
PACK_TIMEOUT = 240_000


def test_the_meeting_page_downloads_the_board_pack_as_the_board_saw_it(page, app_url, meeting, tmp_path):
    from pptx import Presentation
    from pypdf import PdfReader

    page.goto(f"{app_url}/moten")
    wait_for_app_run(page)
    expect(page.get_by_role("combobox", name="Öppna ett möte")).to_have_value(
        re.compile(f"^nr {meeting.id}:"), timeout=TIMEOUT
    )
    files = {}
    for label, suffix in (("som PDF", "pdf"), ("som PowerPoint", "pptx")):
        button = page.get_by_role("button", name=f"Ladda ner styrelsepaketet {label}")
        expect(button).to_be_enabled(timeout=TIMEOUT)
        with page.expect_download(timeout=PACK_TIMEOUT) as download:
            button.click()
        files[suffix] = tmp_path / download.value.suggested_filename
        download.value.save_as(files[suffix])
        assert files[suffix].name == f"styrelsepaket-mote-{meeting.id}.{suffix}"
    text = "\n".join(p.extract_text() for p in PdfReader(files["pdf"]).pages)
    assert "Som presenterat för Servicenämnden 2026-02-17, § 30" in text and "Öppen" in text
    deck = Presentation(str(files["pptx"]))
    pictures = [sh for s in deck.slides for sh in s.shapes if sh.shape_type == 13]
    assert pictures and all(p._element.nvPicPr.cNvPr.get("descr") for p in pictures)
