"""In Chromium, on PostgreSQL with row-level security binding the app's login: two organisations in one
installation. An auditor of both picks one in the sidebar and compares them, letters for names in the
comparison's CSV; an account of one is refused the other by address, and axe-core finds nothing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

from tests.conftest import ROOT
from tests.e2e.conftest import MAIN, TIMEOUT, _serve, open_view, sign_in, wait_for_app_run

PASSWORD = "ett-långt-lösenord"
BURLOV_ONLY = "Rutin för incidentrapportering saknas"


@pytest.fixture(scope="session")
def organisations_app_url(tmp_path_factory: pytest.TempPathFactory, postgres_server) -> Iterator[str]:
    from access import accounts

    folder = tmp_path_factory.mktemp("e2e-organisations")
    config_dir = folder / "config"
    shutil.copytree(ROOT / "config" / "exempel-flera-organisationer", config_dir)
    hashed = accounts.hash_password(PASSWORD)
    users = [
        {"email": "lena@burlov.se", "roles": {"burlov": "controller"}, "password_hash": hashed},
        {"email": "rut@ey.se", "roles": {"standard": "auditor", "burlov": "auditor"}, "password_hash": hashed},
    ]
    (config_dir / "users.yaml").write_text(yaml.safe_dump({"users": users}), encoding="utf-8")
    yield from _serve(folder, config_dir, db_url=postgres_server.url(postgres_server.fresh_database()))


def _page(browser: Browser, width: int = 1280, height: int = 720):
    return browser.new_context(viewport={"width": width, "height": height}, locale="sv-SE", accept_downloads=True)


def test_an_auditor_of_two_picks_one_and_compares_them_with_letters(browser, organisations_app_url, tmp_path):
    context = _page(browser)
    page = context.new_page()
    sign_in(page, organisations_app_url, "rut@ey.se", PASSWORD)
    open_view(page, f"{organisations_app_url}/status", "Status per område och kvartal")
    expect(page.locator(MAIN)).not_to_contain_text(BURLOV_ONLY)
    page.get_by_role("combobox", name="Organisation").click()
    page.keyboard.type("Burlöv")  # as the board test chooses a quarter: narrowed to the one, then clicked
    page.get_by_role("option", name="Burlövs kommun").click()
    page.wait_for_url("**org=burlov**", timeout=TIMEOUT)
    wait_for_app_run(page)
    expect(page.locator(MAIN)).to_contain_text(BURLOV_ONLY, timeout=TIMEOUT)

    open_view(
        page,
        f"{organisations_app_url}/jamforelse?org=burlov&matt=status:incident_management&period=2025Q4&bokstaver=1",
        "Incidenthantering 2025Q4",
        "Organisation B 1 av 4 enheter gröna",
    )
    folded = page.locator("[data-testid='stExpander']").filter(has_text="Visa som tabell").first
    folded.locator("summary").click()
    wait_for_app_run(page)
    with page.expect_download(timeout=TIMEOUT) as download:
        folded.get_by_role("button", name="Ladda ner som CSV").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    text = saved.read_text(encoding="utf-8-sig")
    assert "Organisation A" in text and "Organisation B" in text
    assert "Malmö" not in text and "Burlöv" not in text
    wait_for_app_run(page)
    _no_axe_violations(page)
    open_view(  # a KPI: each organisation's target drawn as a tick
        page,
        f"{organisations_app_url}/jamforelse?org=burlov&matt=kpi:phishing_click_rate&period=2025Q2",
        "Burlövs kommun 10",
        "Målet är 5",
    )
    expect(
        page.locator("[data-testid='stVegaLiteChart'] svg, [data-testid='stVegaLiteChart'] canvas").first
    ).to_be_visible(timeout=TIMEOUT)
    _no_axe_violations(page)
    context.close()


def _no_axe_violations(page) -> None:
    found = Axe().run(page).response["violations"]
    assert found == [], [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in found]


def test_an_account_of_one_organisation_is_refused_the_other_by_address(browser, organisations_app_url):
    context = _page(browser)
    page = context.new_page()
    sign_in(page, organisations_app_url, "lena@burlov.se", PASSWORD)
    sidebar = page.locator("[data-testid='stSidebar']")
    expect(sidebar).not_to_contain_text("Jämförelse")
    expect(page.get_by_role("combobox", name="Organisation")).to_have_count(0)
    for path in ("/status", "/incidenter", "/data", "/import", "/jamforelse", "/moten"):
        open_view(page, f"{organisations_app_url}{path}?org=standard", "Du saknar behörighet till organisationen")
        expect(page.locator("h1")).to_have_count(0)
    open_view(page, f"{organisations_app_url}/status", "Status per område och kvartal", BURLOV_ONLY)
    context.close()
