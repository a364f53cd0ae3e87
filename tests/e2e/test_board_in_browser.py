"""The board views in real headless Chromium: figures on screen, Swedish page language, accessibility."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.e2e.conftest import MAIN, TIMEOUT, open_view, wait_for_app_run

CHARTS = "[data-testid='stVegaLiteChart'], [data-testid='stArrowVegaLiteChart']"
VIEWS = {
    "/": ["Lägesbild", "4 kritiska incidenter hittills 2025", "2 av 3 rekommendationer genomförda", "32\u00a0%"],
    "/status": ["Status per område och kvartal", "mot målet"],
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
}
WITH_CHARTS = {"/status", "/incidenter", "/rekommendationer", "/sjalvskattningar", "/phishing", "/utbildning"}
WITH_CHARTS |= {"/styrdokument", "/klassning", "/mognad", "/enkater?year=2020", "/tillganglighet"}
WITH_CHARTS |= {"/sjalvskattningar?assessment=access"}


@pytest.mark.parametrize("path", list(VIEWS))
def test_view_shows_its_figures_in_swedish_without_serious_accessibility_violations(page, app_url, path):
    open_view(page, f"{app_url}{path}", *VIEWS[path])
    expect(page.locator("html")).to_have_attribute("lang", "sv", timeout=TIMEOUT)
    expect(page.get_by_text("Deploy")).to_have_count(0)
    if path in WITH_CHARTS:  # charts draw after the run: wait for them, then for every one to be drawn
        expect(page.locator(CHARTS).first).to_be_visible(timeout=TIMEOUT)
        expect(page.locator(CHARTS).first.locator("canvas, svg").first).to_be_visible(timeout=TIMEOUT)
    if path == "/import":  # Streamlit's English uploader text is replaced by Swedish
        expect(page.get_by_role("button", name="Välj fil", exact=True)).to_be_visible(timeout=TIMEOUT)
        expect(page.get_by_text("200MB per file")).to_be_hidden()
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in serious]


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
    box = chart.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.55)
    main = page.locator(MAIN)
    expect(main).to_contain_text("Raderna bakom stapeln", timeout=TIMEOUT)
    wait_for_app_run(page)
    expect(main).to_contain_text("med fil och rad de importerades från", timeout=TIMEOUT)
    expect(main).to_contain_text("exempeldata/incidents.csv, rad", timeout=TIMEOUT)
