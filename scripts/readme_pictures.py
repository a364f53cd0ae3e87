"""Make the README's pictures again from the running app, so they show what the app shows today.

Usage: .venv/bin/python scripts/readme_pictures.py

Starts the app on a fresh store with the example data (as `make run` does, on a free port), records
Servicenämnden's meeting on it, and writes from Debian's headless Chromium:
- docs/lagesbild.png: Lägesbild at 1400×1000;
- docs/data-overview.png: the data overview at 1400×1000;
- docs/presentation.png: the deck's slide of every KPI against its target, at 1280×720;
- docs/board-pack-pdf.png: the board pack's first page after the cover, downloaded from /moten and drawn
  with poppler's `pdftoppm` (Debian's `poppler-utils`; without it the picture is left as it is);
- docs/board-pack-pptx.png: the PowerPoint's KPI slide, drawn by LibreOffice (`soffice`, Debian's
  `libreoffice-impress`) when it is installed; without it the picture is left as it is.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from domain.configuration import load_config  # noqa: E402 (the project's root is put on the path first)
from domain.roles import operator  # noqa: E402
from scripts.screenshot import CHROMIUM_FLAGS  # noqa: E402
from store import meetings  # noqa: E402
from store.engine import open_store  # noqa: E402

DOCS = ROOT / "docs"
DONE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _serve(database_url: str, port: int) -> subprocess.Popen:
    env = {**os.environ, "DASHBOARD_DB_URL": database_url, "DASHBOARD_DEMO": "1"}
    command = [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true"]
    command += ["--server.port", str(port), "--server.address", "127.0.0.1"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("Appen startade inte inom två minuter.")


def _picture(page: Page, url: str, out: Path) -> None:
    page.goto(url)
    page.wait_for_selector(DONE, timeout=120_000)
    page.wait_for_function("() => [...document.querySelectorAll('canvas, svg')].length > 0", timeout=120_000)
    page.wait_for_timeout(1500)  # the charts' own drawing, which no state of the app's run reports
    page.screenshot(path=str(out))
    print(f"skrev {out.relative_to(ROOT)}")


def _pack_page(page: Page, url: str, folder: Path) -> None:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm saknas (apt-get install poppler-utils): docs/board-pack-pdf.png lämnas som den är")
        return
    page.goto(f"{url}/moten")
    page.wait_for_selector(DONE, timeout=120_000)
    page.get_by_role("button", name="Gör styrelsepaketet").click()
    files = {}
    for suffix, label in (("pdf", "som PDF"), ("pptx", "som PowerPoint")):
        with page.expect_download(timeout=300_000) as download:
            page.get_by_role("button", name=f"Ladda ner styrelsepaketet {label}").click(timeout=240_000)
        files[suffix] = folder / f"pack.{suffix}"
        download.value.save_as(files[suffix])
        page.wait_for_selector(DONE, timeout=120_000)  # the download is logged: the page runs again
    _page_picture(files["pdf"], 2, folder / "page", DOCS / "board-pack-pdf.png")
    if shutil.which("soffice") is None:
        print("soffice saknas (apt-get install libreoffice-impress): docs/board-pack-pptx.png lämnas som den är")
        return
    command = ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder / "deck"), str(files["pptx"])]
    subprocess.run(command, check=True, capture_output=True)
    _page_picture(folder / "deck" / "pack.pdf", 4, folder / "slide", DOCS / "board-pack-pptx.png")


def _page_picture(pdf: Path, number: int, stem: Path, out: Path) -> None:
    """Page `number` of a PDF drawn as a PNG at out."""
    subprocess.run(
        ["pdftoppm", "-f", str(number), "-l", str(number), "-r", "70", "-png", "-singlefile", pdf, stem], check=True
    )
    shutil.copy(stem.with_suffix(".png"), out)
    print(f"skrev {out.relative_to(ROOT)}")


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        database_url = f"sqlite:///{folder / 'store.db'}"
        port = _free_port()
        server = _serve(database_url, port)
        url = f"http://127.0.0.1:{port}"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS)
                page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
                _picture(page, url, DOCS / "lagesbild.png")  # the first page loads the example data
                engine = open_store(database_url)
                meetings.create(
                    engine,
                    load_config(ROOT / "config"),
                    operator("README"),
                    body="servicenamnden",
                    meeting_date="2026-02-17",
                    item="§ 30",
                    quarter="2025Q4",
                    prepared_by="Anna Andersson",
                )
                engine.dispose()
                _picture(page, f"{url}/data", DOCS / "data-overview.png")
                slides = browser.new_page(viewport={"width": 1280, "height": 720}, locale="sv-SE")
                slides.goto(f"{url}/presentation?mote=1&bild=4")
                slides.wait_for_selector(DONE, timeout=120_000)
                slides.get_by_text("Nyckeltal mot mål").first.wait_for(timeout=120_000)
                slides.screenshot(path=str(DOCS / "presentation.png"))
                print("skrev docs/presentation.png")
                _pack_page(page, url, folder)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
