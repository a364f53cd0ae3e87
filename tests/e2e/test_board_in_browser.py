"""The board views in real headless Chromium: figures on screen, Swedish page language, accessibility."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.conftest import SCRIPT_DONE, open_view

VIEWS = {
    "/": ["Lägesbild", "4 kritiska incidenter hittills 2025", "2 av 3 rekommendationer genomförda", "32\u00a0%"],
    "/status": ["Status per område och kvartal", "mot målet"],
    "/incidenter": ["2023: 6, 2024: 6, 2025: 4", "18\u00a0040"],
    "/rekommendationer": ["2 av 3 rekommendationer är genomförda, 1 avvaktar"],
    "/sjalvskattningar": ["från 65\u00a0% (2015) till 89\u00a0% (2024)"],
    "/data": ["Importhistorik", "Exempeldata"],
}


@pytest.mark.parametrize("path", list(VIEWS))
def test_view_shows_its_figures_in_swedish_without_serious_accessibility_violations(page, app_url, path):
    text = open_view(page, f"{app_url}{path}")
    for figure in VIEWS[path]:
        assert figure in text
    assert page.evaluate("document.documentElement.lang") == "sv"
    assert page.locator("text=Deploy").count() == 0
    if path != "/data":
        assert (
            page.locator("[data-testid='stVegaLiteChart'], [data-testid='stArrowVegaLiteChart']").count() > 0
            or path == "/"
        )
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in serious]


def test_presentation_mode_steps_through_the_views_with_the_quarter_fixed(page, app_url):
    text = open_view(page, f"{app_url}/?present=1&period=2025Q3")
    assert "Servicenämnden · 2025Q3" in text
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    page.get_by_role("link", name="Status →").click()
    page.wait_for_url("**/status?**")
    page.wait_for_selector(SCRIPT_DONE, timeout=60_000)
    assert "present=1" in page.url and "period=2025Q3" in page.url
    assert "2025Q3: " in page.inner_text("[data-testid='stMain']")
    page.get_by_role("link", name="Incidenter →").click()
    page.wait_for_url("**/incidenter?**")
    assert "present=1" in page.url


def test_the_quarter_chosen_in_the_sidebar_is_kept_in_the_link(page, app_url):
    open_view(page, f"{app_url}/status")
    page.get_by_role("combobox", name="Kvartal").click()
    page.get_by_role("option", name="2024Q4").click()
    page.wait_for_url("**period=2024Q4**")
    page.wait_for_selector(SCRIPT_DONE, timeout=60_000)
    assert "2024Q4: " in page.inner_text("[data-testid='stMain']")


def test_a_click_on_a_bar_shows_the_rows_behind_it(page, app_url):
    open_view(page, f"{app_url}/incidenter?from=2024&to=2025")
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    box = chart.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.55)
    page.wait_for_selector("text=Raderna bakom stapeln", timeout=30_000)
    page.wait_for_selector(SCRIPT_DONE, timeout=60_000)
    text = page.inner_text("[data-testid='stMain']")
    assert "med fil och rad de importerades från" in text
    assert "exempeldata/incidents.csv, rad" in text
