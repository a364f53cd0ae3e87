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
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect, sync_playwright

from scripts.screenshot import CHROMIUM_FLAGS
from tests.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
CONNECTED = "[data-testid='stApp'][data-test-connection-state='CONNECTED']"
SCRIPT_DONE = "[data-testid='stApp'][data-test-script-state='notRunning']"
STALE = "[data-testid='stElementContainer'][data-stale='true']"
MAIN = "[data-testid='stMain']"
TIMEOUT = 60_000  # generous: the suite must pass on a 2-core machine with one core kept busy


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def store_url(folder) -> str:
    """The store a served app in `folder` uses (tests write to it directly: another process, like the CLI)."""
    return f"sqlite:///{folder / 'store.db'}"


def _serve(
    folder, config_dir, port: int | None = None, secrets_file=None, db_url: str | None = None, demo: bool = True
) -> Iterator[str]:
    """`streamlit run dashboard.py` on a free loopback port; poll /_stcore/health until it answers."""
    port = port or _free_port()
    env = {
        **os.environ,
        "DASHBOARD_DB_URL": db_url or store_url(folder),
        "DASHBOARD_DEMO": "1" if demo else "0",
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
    if secrets_file is not None:
        command += ["--secrets.files", str(secrets_file)]
    log = (folder / "server.log").open("w")
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    _wait_for_health(url, server, 60, f"appen startade inte; se {folder / 'server.log'}")
    yield url
    server.terminate()
    server.wait(timeout=20)
    log.close()


def _wait_for_health(url: str, server: subprocess.Popen, seconds: float, failed: str) -> None:
    """Poll `url`/_stcore/health (through nginx: an app's) until it answers 200, as Streamlit's own tests do."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            raise RuntimeError(failed)
        time.sleep(0.2)


@pytest.fixture(scope="session")
def app_folder(tmp_path_factory: pytest.TempPathFactory):
    return tmp_path_factory.mktemp("e2e")


@pytest.fixture(scope="session")
def app_url(app_folder) -> Iterator[str]:
    """The app in open local mode (no users), as `make run` starts it."""
    yield from _serve(app_folder, ROOT / "config")


@pytest.fixture(scope="session")
def hostile_app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a store whose every text field a file can fill holds hostile text."""
    from domain.configuration import load_config
    from store.engine import open_store
    from tests.hostile import import_hostile

    folder = tmp_path_factory.mktemp("e2e-hostile")
    engine = open_store(store_url(folder))
    import_hostile(engine, load_config(ROOT / "config"), folder)
    engine.dispose()
    yield from _serve(folder, ROOT / "config")


CONTROLLER = ("anna@malmo.se", "anna-lösenord-123")


@pytest.fixture(scope="session")
def accounts_app_folder(tmp_path_factory: pytest.TempPathFactory):
    return tmp_path_factory.mktemp("e2e-accounts")


@pytest.fixture(scope="session")
def accounts_app_url(accounts_app_folder) -> Iterator[str]:
    """The app with local accounts: a controller who can sign in and make links."""
    from access import accounts

    folder = accounts_app_folder
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
def oidc_app(tmp_path_factory: pytest.TempPathFactory):
    """The app signing in through an offline OIDC provider; roles looked up by e-mail in users.yaml."""
    from tests.e2e.oidc_provider import CLIENT_ID, CLIENT_SECRET, OidcProvider

    folder = tmp_path_factory.mktemp("e2e-oidc")
    config_dir = folder / "config"
    shutil.copytree(ROOT / "config", config_dir)
    users = [{"email": "rut@ey.se", "name": "Rut Revisor", "role": "auditor"}]
    (config_dir / "users.yaml").write_text(yaml.safe_dump({"users": users}), encoding="utf-8")
    port = _free_port()
    with OidcProvider() as provider:
        secrets_file = folder / "secrets.toml"
        secrets_file.write_text(
            "[auth]\n"
            f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
            f'cookie_secret = "{os.urandom(16).hex()}"\n'
            f'client_id = "{CLIENT_ID}"\n'
            f'client_secret = "{CLIENT_SECRET}"\n'
            f'server_metadata_url = "{provider.metadata_url}"\n',
            encoding="utf-8",
        )
        for url in _serve(folder, config_dir, port=port, secrets_file=secrets_file):
            yield url, provider, store_url(folder)


ADMIN = ("ada@malmo.se", "adas-lösenord-123")
VIEWER = ("bo@malmo.se", "bos-lösenord-1234")


def _two_apps(folder: Path, postgres_server, accounts_by_role: dict[str, tuple[str, str]], demo: bool):
    """Two app processes on one new PostgreSQL store, with local accounts (role → e-mail and password)."""
    from access import accounts

    config_dir = folder / "config"
    shutil.copytree(ROOT / "config", config_dir)
    users = [
        {"email": email, "role": role, "password_hash": accounts.hash_password(password)}
        for role, (email, password) in accounts_by_role.items()
    ]
    (config_dir / "users.yaml").write_text(yaml.safe_dump({"users": users}), encoding="utf-8")
    db_url = postgres_server.url(postgres_server.fresh_database())
    first, second = folder / "first", folder / "second"
    first.mkdir()
    second.mkdir()
    for one in _serve(first, config_dir, db_url=db_url, demo=demo):
        for other in _serve(second, config_dir, db_url=db_url, demo=demo):
            yield one, other


@pytest.fixture(scope="session")
def two_apps_on_postgres(tmp_path_factory: pytest.TempPathFactory, postgres_server):
    """Two app processes on one PostgreSQL store, with an administrator and a board member."""
    folder = tmp_path_factory.mktemp("e2e-two")
    yield from _two_apps(folder, postgres_server, {"admin": ADMIN, "viewer": VIEWER}, demo=False)


MEMBER = ("eva@malmo.se", "evas-lösenord-1234")


@dataclass(frozen=True)
class Replicas:
    """Two app processes on one PostgreSQL store, and nginx in front of them."""

    nginx: str
    first: str
    second: str
    folder: Path


@pytest.fixture(scope="session")
def replicas(tmp_path_factory: pytest.TempPathFactory, postgres_server) -> Iterator[Replicas]:
    """docs/nginx-dashboard.conf as shipped, on loopback ports without TLS, in front of two app processes
    on one PostgreSQL store with the example data, an administrator and a board member."""
    folder = tmp_path_factory.mktemp("e2e-replicas")
    for one, other in _two_apps(folder, postgres_server, {"admin": ADMIN, "viewer": MEMBER}, demo=True):
        yield from _nginx(folder, one, other)


def _nginx(folder: Path, first: str, second: str) -> Iterator[Replicas]:
    site = (ROOT / "docs" / "nginx-dashboard.conf").read_text(encoding="utf-8")
    port = _free_port()
    for shipped, here in (
        ("127.0.0.1:8501", first.removeprefix("http://")),
        ("127.0.0.1:8502", second.removeprefix("http://")),
        ("listen 443 ssl;", f"listen 127.0.0.1:{port};"),
        ("    ssl_certificate     /etc/ssl/dashboard/fullchain.pem;\n", ""),
        ("    ssl_certificate_key /etc/ssl/dashboard/privkey.pem;\n", ""),
        ("/var/log/nginx/dashboard.log", str(folder / "nginx-access.log")),
    ):
        assert site.count(shipped) == 1, f"docs/nginx-dashboard.conf no longer has {shipped!r}"
        site = site.replace(shipped, here)
    (folder / "site.conf").write_text(site, encoding="utf-8")
    temp = " ".join(
        f"{kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (folder / "nginx.conf").write_text(
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"worker_processes 1;\npid {folder / 'nginx.pid'};\nerror_log {folder / 'nginx-error.log'};\n"
        + f"events {{}}\nhttp {{\n{temp}\ninclude {folder / 'site.conf'};\n}}\n",
        encoding="utf-8",
    )
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    server = subprocess.Popen([nginx, "-c", str(folder / "nginx.conf"), "-g", "daemon off;"], cwd=folder)
    url = f"http://127.0.0.1:{port}"
    _wait_for_health(url, server, 30, f"nginx startade inte; se {folder / 'nginx-error.log'}")
    yield Replicas(url, first, second, folder)
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture(scope="session")
def browser(app_url: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        # The first session of a new server loads the example data; let that happen on the main page.
        warm = browser.new_page()
        warm.goto(app_url)
        wait_for_app_run(warm)
        expect(warm.locator("h1")).to_contain_text("Lägesbild", timeout=90_000)
        warm.close()
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
    page = context.new_page()
    yield page
    context.close()


def wait_for_app_run(page: Page) -> None:
    """Wait as Streamlit's own end-to-end tests do: connected, the script finished, no element left stale
    from the previous run. What a run draws afterwards (charts render on their own) is waited for by the
    assertion itself, with `expect` and a timeout, never by counting once."""
    page.locator(CONNECTED).wait_for(state="attached", timeout=TIMEOUT)
    page.locator(SCRIPT_DONE).wait_for(state="attached", timeout=TIMEOUT)
    expect(page.locator(STALE)).to_have_count(0, timeout=TIMEOUT)


def open_view(page: Page, url: str, *expected: str) -> str:
    """Open a URL, wait for the run, then for each expected text in the main area; the main area's text."""
    page.goto(url)
    wait_for_app_run(page)
    main = page.locator(MAIN)
    for text in expected:
        expect(main).to_contain_text(text, timeout=TIMEOUT)
    return main.inner_text()


def sign_in(page: Page, url: str, email: str, password: str) -> None:
    open_view(page, url, "Logga in")
    page.get_by_label("E-post").fill(email)
    page.get_by_label("Lösenord", exact=True).fill(password)
    page.get_by_role("button", name="Logga in").click()
    expect(page.locator("h1")).to_contain_text("Lägesbild", timeout=TIMEOUT)
    wait_for_app_run(page)


def click_in_sidebar(page: Page, title: str) -> None:
    """Follow a link in the sidebar: the same session, as a person clicking."""
    page.locator("[data-testid='stSidebar']").get_by_role("link", name=title).click()
    wait_for_app_run(page)
