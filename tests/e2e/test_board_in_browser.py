"""Every view in real headless Chromium at 1280×720: its figures on screen, in Swedish only (Streamlit's own
texts too), short cells never broken inside, and axe-core finding nothing at any impact."""

from __future__ import annotations

import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.e2e.conftest import MAIN, TIMEOUT, open_view, wait_for_app_run
from ui.streamlit_page import SWEDISH

CHARTS = "[data-testid='stVegaLiteChart'], [data-testid='stArrowVegaLiteChart']"
VIEWS = {
    "/": [
        "Lägesbild",
        "Incidenter 2025 i hela kommunen: 4 kritiska",
        "Risker för Servicenämnden: 2 med mycket högt riskvärde",
        "försenade 1",
        "32\u00a0%",
    ],
    "/status": ["Status per område och kvartal", "mot målet"],
    "/ledningsansvar": ["4 av 9 åtgärder genomförda; 1 ej tillämplig: (h) Kryptografi och kryptering"],
    "/risker": ["11 risker: 2 med mycket högt riskvärde, 4 med högt riskvärde", "16 → 9 ▼"],
    "/incidenter": ["2023: 6, 2024: 6, 2025: 4", "18\u00a0040"],
    "/rekommendationer": ["2 av 3 rekommendationer är genomförda, 1 avvaktar"],
    "/sjalvskattningar": ["från 65\u00a0% (2015) till 89\u00a0% (2024)"],
    "/styrdokument": ["2 av 5 styrdokument har passerat sin revisionsdag: IT-säkerhetsplan"],
    "/utbildning": ["medarbetare 79\u00a0% (19\u00a0292 av 24\u00a0500)", "Medarbetare 2015: 10\u00a0%"],
    "/phishing": ["32\u00a0% klickade (320 av 1\u00a0000), mål 5\u00a0%", "avbröts efter 27 av 72 planerade timmar"],
    "/klassning": ["20 system i 5 enheter: 17 klassade (85\u00a0%)", "■ Äldre än 36 månader"],
    "/mognad": ["2024: 23 av 24 enheter står mellan steg 1 och 2 (Nybörjare och Utforskare)"],
    "/enkater?year=2020": ["10\u00a0% av", "Medelvärde (alla svarande)"],
    "/tillganglighet": ["29 tjänster granskade mot 12 av standardens 87 kriterier", "(25\u00a0%) hade brister"],
    "/sjalvskattningar?assessment=access": ["gick från 41–71\u00a0% (2021) till 65–78\u00a0% (2024)"],
    "/data": ["Importhistorik", "Exempeldata"],
    "/moten": ["Möten", "Protokollför ett möte"],
    "/konton": ["Konton", "Nytt konto"],
    "/import": ["Importera data", "Fil (CSV eller Excel .xlsx)"],
    "/utforska": ["Utforska"],
    "/lankar": ["Granskningslänkar", "Skapa länk"],
    "/logg": ["Åtkomstlogg"],
    "/presentation": ["bild 1 av"],
}
# What Streamlit would say in English: the texts the page script swaps, and the menu it hides.
ENGLISH = [*SWEDISH, "Print", "Record screen", "Made with Streamlit", "Deploy", "per file"]
PAGE_STRINGS = """() => {
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        if (node.nodeType === Node.TEXT_NODE) {
            if (!node.parentElement.closest("script, style, noscript")) found.push(node.data.trim());
        } else {
            for (const name of ["aria-label", "title", "placeholder"]) {
                if (node.getAttribute(name)) found.push(node.getAttribute(name).trim());
            }
        }
    }
    return found;
}"""
# Each short cell's lines: a date, a time or a case number is read on one line.
BROKEN_CELLS = """() => [...document.querySelectorAll("[data-testid='stTable'] td p")]
    .filter((p) => p.innerText.trim().length <= 12 && /[-:]/.test(p.innerText))
    .filter((p) => p.getClientRects().length && p.offsetHeight > 1.6 * parseFloat(getComputedStyle(p).lineHeight))
    .map((p) => p.innerText)"""
WITH_CHARTS = {"/status", "/incidenter", "/rekommendationer", "/sjalvskattningar", "/phishing", "/utbildning"}
WITH_CHARTS |= {"/styrdokument", "/klassning", "/mognad", "/enkater?year=2020", "/tillganglighet"}
WITH_CHARTS |= {"/sjalvskattningar?assessment=access"}


@pytest.mark.parametrize("path", list(VIEWS))
def test_each_view_shows_its_figures_in_swedish_only_and_axe_finds_nothing(browser, app_url, path):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="sv-SE")
    page = context.new_page()
    open_view(page, f"{app_url}{path}", *VIEWS[path])
    expect(page.locator("html")).to_have_attribute("lang", "sv", timeout=TIMEOUT)
    expect(page.locator("[data-testid='stMainMenu']")).to_have_count(0)
    if path in WITH_CHARTS:  # charts draw after the run: wait for them, then for every one to be drawn
        expect(page.locator(CHARTS).first).to_be_visible(timeout=TIMEOUT)
        expect(page.locator(CHARTS).first.locator("canvas, svg").first).to_be_visible(timeout=TIMEOUT)
        # The table behind a chart is drawn when opened: open the first, so the checks below read it too.
        folded = page.locator("[data-testid='stExpander']").filter(has_text="Visa som tabell").first
        folded.locator("summary").click()
        wait_for_app_run(page)
        expect(folded.locator("[data-testid='stTable']")).to_be_visible(timeout=TIMEOUT)
        expect(folded.get_by_role("button", name="Ladda ner som CSV")).to_be_visible(timeout=TIMEOUT)
    if path == "/import":  # the uploader's button is Swedish, and says the import's own limit
        expect(page.get_by_role("button", name="Välj fil", exact=True)).to_be_visible(timeout=TIMEOUT)
        said = page.locator("[data-testid='stFileUploaderDropzoneInstructions'] div").first.evaluate(
            "(e) => getComputedStyle(e, '::after').content"
        )
        assert said == '"eller dra filen hit · högst 200 MB"'
    expect(page.get_by_text("Hoppa till huvudinnehållet")).to_have_count(1, timeout=TIMEOUT)
    english = [s for s in page.evaluate(PAGE_STRINGS) if any(s == e or s.endswith(e) for e in ENGLISH)]
    assert english == []
    assert page.evaluate(BROKEN_CELLS) == []
    results = Axe().run(page)
    found = results.response["violations"]
    assert found == [], [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in found]
    context.close()


def test_the_quarter_chosen_in_the_sidebar_is_kept_in_the_link(page, app_url):
    open_view(page, f"{app_url}/status", "Status per område och kvartal")
    page.get_by_role("combobox", name="Kvartal").click()
    page.keyboard.type("2024Q4")  # the list is long and drawn only where it shows: narrow it to the one
    page.get_by_role("option", name="2024Q4").click()
    page.wait_for_url("**period=2024Q4**", timeout=TIMEOUT)
    wait_for_app_run(page)
    expect(page.locator(MAIN)).to_contain_text("2024Q4: ", timeout=TIMEOUT)


def test_a_click_on_a_bar_shows_the_rows_behind_it(page, app_url):
    open_view(page, f"{app_url}/incidenter?from=2024&to=2025", "Incidenter per månad")
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    expect(chart.locator("canvas, svg").first).to_be_visible(timeout=TIMEOUT)
    main = page.locator(MAIN)
    # A chart just drawn may still be fitted to its width (Vega draws it again); a click landing before
    # that is lost. Click the bar again until its rows show, within the timeout.
    deadline = time.monotonic() + TIMEOUT / 1000
    while True:
        box = chart.bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.55)
        try:
            expect(main).to_contain_text("Raderna bakom stapeln", timeout=5_000)
            break
        except AssertionError:
            if time.monotonic() > deadline:
                raise
    wait_for_app_run(page)
    expect(main).to_contain_text("med fil och rad de importerades från", timeout=TIMEOUT)
    expect(main).to_contain_text("exempeldata/incidents.csv, rad", timeout=TIMEOUT)


def test_a_list_opened_offers_its_choices_in_swedish(page, app_url):
    open_view(page, f"{app_url}/lankar", "Granskningslänkar")
    page.locator("[data-testid='stMultiSelect']").first.click()
    expect(page.get_by_text("Välj alla", exact=True)).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Select all", exact=True)).to_have_count(0)


# Words of the tiles' headings drawn across two lines (a Range over a word has a box per line it is on).
CUT_WORDS = """() => {
    const cut = [];
    for (const strong of document.querySelectorAll("[data-testid='stMain'] strong")) {
        const text = strong.firstChild;
        if (!text || text.nodeType !== Node.TEXT_NODE) continue;
        let at = 0;
        for (const word of text.data.split(" ")) {
            const range = document.createRange();
            range.setStart(text, at);
            range.setEnd(text, at + word.length);
            if (word && range.getClientRects().length > 1) cut.push(word);
            at += word.length + 1;
        }
    }
    return cut;
}"""


@pytest.mark.parametrize("width, height", [(1280, 720), (1920, 1080)])
def test_no_word_of_the_situation_tiles_is_cut(browser, app_url, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="sv-SE")
    page = context.new_page()
    open_view(page, app_url, "Status per område", "Informationsklassning och riskanalys")
    assert page.evaluate(CUT_WORDS) == []
    context.close()
