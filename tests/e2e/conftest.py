"""A real app server on a fresh store with the example data, and Debian's headless Chromium driving it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

import pytest
import yaml
from playwright.sync_api import Browser, Page, sync_playwright

from tests.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCRIPT_DONE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(folder, config_dir) -> Iterator[str]:
    """`streamlit run dashboard.py` on a free loopback port; poll /_stcore/health until it answers."""
    port = _free_port()
    env = {
        **os.environ,
        "DASHBOARD_DB_URL": f"sqlite:///{folder / 'store.db'}",
        "DASHBOARD_CONFIG_DIR": str(config_dir),
    }
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "dashboard.py",
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
    ]
    log = (folder / "server.log").open("w")
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            raise RuntimeError(f"appen startade inte; se {folder / 'server.log'}")
        time.sleep(0.2)
    yield url
    server.terminate()
    server.wait(timeout=20)
    log.close()


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app in open local mode (no users), as `make run` starts it."""
    yield from _serve(tmp_path_factory.mktemp("e2e"), ROOT / "config")


CONTROLLER = ("anna@malmo.se", "anna-lösenord-123")


@pytest.fixture(scope="session")
def accounts_app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app with local accounts: a controller who can sign in and make links."""
    import accounts

    folder = tmp_path_factory.mktemp("e2e-accounts")
    config_dir = folder / "config"
    shutil.copytree(ROOT / "config", config_dir)
    users = [
        {
            "email": CONTROLLER[0],
            "name": "Anna Andersson",
            "role": "controller",
            "password_hash": accounts.hash_password(CONTROLLER[1]),
        }
    ]
    (config_dir / "users.yaml").write_text(yaml.safe_dump({"users": users}), encoding="utf-8")
    yield from _serve(folder, config_dir)


@pytest.fixture(scope="session")
def browser(app_url: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        # The first session of a new server loads the example data; let that happen on the main page.
        warm = browser.new_page()
        warm.goto(app_url)
        warm.wait_for_selector(SCRIPT_DONE, timeout=90_000)
        warm.close()
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
    page = context.new_page()
    yield page
    context.close()


def open_view(page: Page, url: str) -> str:
    """Open a URL, wait until the script has finished and the charts are drawn; the page's text."""
    page.goto(url)
    page.wait_for_selector(SCRIPT_DONE, timeout=60_000)
    page.wait_for_timeout(500)
    page.wait_for_selector(SCRIPT_DONE, timeout=60_000)
    return page.inner_text("[data-testid='stMain']")
