"""In Chromium: a sign-in survives a reload (an HttpOnly, SameSite=Strict cookie), a deep link lands
where it pointed after the sign-in, a link session survives typed addresses within its scope and is
refused outside it, and a link's scope holds in open local mode too."""

from __future__ import annotations

import time

from playwright.sync_api import Browser, BrowserContext, Page, expect

from access.access_store import create_link
from store.engine import open_store
from tests.e2e.conftest import CONTROLLER, MAIN, TIMEOUT, open_view, store_url, wait_for_app_run

SIDEBAR = "[data-testid='stSidebar']"


def _context(browser: Browser) -> BrowserContext:
    return browser.new_context(viewport={"width": 1280, "height": 720}, locale="sv-SE")


def _session_cookie(context: BrowserContext) -> dict:
    """The session cookie, once the page has fetched it (polled with a deadline: it comes by a request)."""
    deadline = time.monotonic() + TIMEOUT / 1000
    while time.monotonic() < deadline:
        cookies = [c for c in context.cookies() if c["name"] == "itsak_session"]
        if cookies:
            return dict(cookies[0])
        time.sleep(0.1)
    raise AssertionError("ingen sessionskaka sattes")


def _sign_in(page: Page) -> None:
    page.get_by_label("E-post").fill(CONTROLLER[0])
    page.get_by_label("Lösenord", exact=True).fill(CONTROLLER[1])
    page.get_by_role("button", name="Logga in").click()


def test_a_deep_link_lands_after_sign_in_and_a_reload_keeps_the_session(browser: Browser, accounts_app_url: str):
    context = _context(browser)
    page = context.new_page()
    open_view(page, f"{accounts_app_url}/status?period=2025Q2&unit=kommunstyrelsen", "Logga in")
    _sign_in(page)
    page.wait_for_selector("h1:has-text('Status')", timeout=TIMEOUT)
    wait_for_app_run(page)
    expect(page.locator(MAIN)).to_contain_text("Kommunstyrelsen", timeout=TIMEOUT)
    assert "/status" in page.url and "period=2025Q2" in page.url
    cookie = _session_cookie(context)
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and "." in cookie["value"]

    page.reload()
    wait_for_app_run(page)
    page.wait_for_selector("h1:has-text('Status')", timeout=TIMEOUT)
    expect(page.locator(SIDEBAR)).to_contain_text("Anna Andersson", timeout=TIMEOUT)
    assert "Logga in" not in page.inner_text(MAIN)

    page.locator(SIDEBAR).get_by_role("button", name="Logga ut").click()
    page.wait_for_selector("h1:has-text('Logga in')", timeout=TIMEOUT)
    page.reload()  # the session ended in the store: the cookie no longer signs anyone in
    wait_for_app_run(page)
    page.wait_for_selector("h1:has-text('Logga in')", timeout=TIMEOUT)
    context.close()


def _link(folder, views: tuple[str, ...] = ()) -> str:
    engine = open_store(store_url(folder))
    token, _ = create_link(engine, "Revisor Rut, EY", CONTROLLER[0], views=views)
    engine.dispose()
    return token


def test_a_link_session_keeps_typed_addresses_within_its_scope(
    browser: Browser, accounts_app_url: str, accounts_app_folder
):
    token = _link(accounts_app_folder, views=("", "status"))
    context = _context(browser)
    page = context.new_page()
    open_view(page, f"{accounts_app_url}/?link={token}", "Lägesbild")
    _session_cookie(context)
    open_view(page, f"{accounts_app_url}/status", "Status per område och kvartal")  # typed by hand
    expect(page.locator(SIDEBAR)).to_contain_text("Granskningslänk till Revisor Rut, EY", timeout=TIMEOUT)
    open_view(page, f"{accounts_app_url}/incidenter", "Du saknar behörighet")
    open_view(page, f"{accounts_app_url}/import", "Du saknar behörighet")
    context.close()


def test_in_open_mode_a_link_keeps_its_scope_and_a_broken_link_opens_nothing(
    browser: Browser, app_url: str, app_folder
):
    context = _context(browser)
    page = context.new_page()
    text = open_view(page, f"{app_url}/?link={'x' * 43}", "Länken fungerar inte")
    assert "Lägesbild" not in text

    token = _link(app_folder)
    open_view(page, f"{app_url}/?link={token}", "Lägesbild")
    _session_cookie(context)
    open_view(page, f"{app_url}/import", "Du saknar behörighet")
    context.close()


def test_an_e_mail_address_in_a_table_is_text_and_copies_as_written(browser: Browser, app_url: str, app_folder):
    _link(app_folder)  # made by anna@malmo.se: the links table names her
    context = _context(browser)
    page = context.new_page()
    open_view(page, f"{app_url}/lankar", "Granskningslänkar", CONTROLLER[0])
    table = page.locator("[data-testid='stTable']").first
    assert CONTROLLER[0] in table.inner_text() and "\u2060" not in table.inner_text()
    assert table.locator("a[href^='mailto:']").count() == 0
    context.close()
