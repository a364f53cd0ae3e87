"""`make bench`: stepping through the deck in headless Chromium, side by side with a bare Streamlit page
that has the same number of texts and charts per slide. Per step: from the click on "Nästa bild →" to the
next slide's run finished and every chart drawn. The deck is made once per store state, so the first
slide (which makes it) is reported apart."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

SCRIPT_DONE = "[data-testid='stApp'][data-test-script-state='notRunning']"
CHARTS_DRAWN = """(place) => {
  const top = [...document.querySelectorAll('[data-testid="stMarkdownContainer"]')]
    .some((el) => el.textContent.includes(place));
  const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')];
  return top && charts.every((c) => c.querySelector('canvas, svg'));
}"""


def deck_shape(env: dict[str, str], body: str, quarter: str) -> list[dict[str, int]]:
    """Texts and charts per slide of the deck as the app makes it (as a child: the app's environment)."""
    code = (
        "import json, datetime as dt\n"
        "from store.engine import create_store_engine\n"
        "from domain.configuration import load_config\n"
        "from view_models.presentation import DeckScope, build_deck\n"
        "engine = create_store_engine()\n"
        "def ask(query, *args):\n"
        "    with engine.connect() as c:\n"
        "        return query(c, *args, as_of=None)\n"
        f"deck = build_deck(ask, DeckScope({body!r}, {quarter!r}, dt.date.today()), load_config())\n"
        "print(json.dumps([{'texts': 3 + bool(s.lead) + len(s.figures) * 3 + (1 if s.lines else 0)"
        " + len(s.charts) * 2, 'charts': len(s.charts), 'place': deck.place(n)}"
        " for n, s in enumerate(deck.slides, start=1)]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _steps(browser: Any, first_url: str, places: list[str]) -> tuple[float, list[float]]:
    """Open the first slide (timed), then click "Nästa bild →" through the deck, each step timed; a slide is
    shown when its place ("bild 3 av 8", "Bilagor", "bilaga 4 av 30") is on top and its charts are drawn."""
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    started = time.perf_counter()
    page.goto(first_url)
    page.wait_for_selector(SCRIPT_DONE, timeout=300_000)
    page.wait_for_function(CHARTS_DRAWN, arg=places[0], timeout=300_000, polling=20)
    first = (time.perf_counter() - started) * 1000
    steps = []
    for place in places[1:]:
        started = time.perf_counter()
        page.get_by_role("link", name="Nästa bild →").click()
        page.wait_for_function(CHARTS_DRAWN, arg=place, timeout=120_000, polling=20)
        page.wait_for_selector(SCRIPT_DONE, timeout=120_000)
        steps.append((time.perf_counter() - started) * 1000)
    page.close()
    return first, steps


def slide_times(env: dict[str, str], served: Any, body: str = "servicenamnden", quarter: str = "") -> dict[str, Any]:
    """The deck's steps and the bare page's, in the same browser, on the same machine, in the same run."""
    from playwright.sync_api import sync_playwright

    from scripts.screenshot import CHROMIUM_FLAGS

    shape = deck_shape(env, body, quarter)
    shape_file = HERE / "out" / "bare-deck.json"
    shape_file.write_text(json.dumps(shape), encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS)
        with served(env) as base:
            warm = browser.new_page()
            warm.goto(f"{base}/data")  # the server's first page, not one measured
            warm.wait_for_selector(SCRIPT_DONE, timeout=300_000)
            warm.close()
            places = [slide["place"] for slide in shape]
            first, deck = _steps(browser, f"{base}/presentation?unit={body}&period={quarter}", places)
        with served(env | {"BARE_DECK": str(shape_file)}, script=str(HERE / "bare_slides.py")) as base:
            _, bare = _steps(
                browser, f"{base}/?bild=1", [f"bild {n} av {len(shape)}" for n in range(1, len(shape) + 1)]
            )
        browser.close()
    return {
        "slides": len(shape),
        "first_slide_ms": round(first),
        "step_median_ms": round(statistics.median(deck)),
        "step_max_ms": round(max(deck)),
        "bare_step_median_ms": round(statistics.median(bare)),
        "bare_step_max_ms": round(max(bare)),
    }
