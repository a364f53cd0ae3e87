"""Hardening seen from a real browser: hostile text stays text on every view, the page sends no Referer
(a link token never leaves in one), and withdrawn access ends at the next click in every app process."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from domain.roles import VIEWS
from tests.e2e.conftest import (
    ADMIN,
    MAIN,
    TIMEOUT,
    VIEWER,
    click_in_sidebar,
    open_view,
    sign_in,
    store_url,
    wait_for_app_run,
)
from tests.hostile import BEACON

LIVE_MARKUP = """() => ({
    images: [...document.querySelectorAll('img')].map(i => i.getAttribute('src'))
        .filter(src => src === 'x' || /^(https?:)?\\/\\//.test(src || '') && !src.startsWith(location.origin)),
    links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))
        .filter(href => /^javascript:/i.test(href) || href.includes('127.0.0.1:9')),
})"""


def _context(browser: Browser):
    return browser.new_context(viewport={"width": 1400, "height": 1000}, locale="sv-SE")


SHOWN = [v for v in VIEWS if not v.across_organisations]  # one organisation here: no comparison to show


@pytest.mark.parametrize("path", [v.path for v in SHOWN], ids=[v.name for v in SHOWN])
def test_hostile_text_makes_no_image_link_or_request_on_any_view(browser: Browser, hostile_app_url: str, path: str):
    context = _context(browser)
    page = context.new_page()
    beacons: list[str] = []
    page.on("request", lambda request: beacons.append(request.url) if request.url.startswith(BEACON[:-1]) else None)
    open_view(page, f"{hostile_app_url}/{path}?unit=servicenamnden&unit=![p]({BEACON})", "")
    expect(page.locator("h1").first).to_be_visible(timeout=TIMEOUT)
    found = page.evaluate(LIVE_MARKUP)
    assert found == {"images": [], "links": []}
    assert beacons == []
    context.close()


def test_the_app_sends_no_referrer_and_a_link_token_never_leaves_in_one(browser: Browser, app_folder, app_url: str):
    from access import access_store
    from store.engine import open_store

    response = browser.new_context().request.get(app_url)
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "img-src 'self' data: blob:" in response.headers["content-security-policy"]
    engine = open_store(store_url(app_folder))
    token, _ = access_store.create_link(engine, "Revisor Rut", "anna@malmo.se", 30)
    engine.dispose()
    context = _context(browser)
    page = context.new_page()
    referers: list[str] = []
    page.on("request", lambda request: referers.append(request.headers.get("referer", "")))
    open_view(page, f"{app_url}/?link={token}", "Lägesbild")
    assert len(referers) > 10  # the page, its scripts, styles and fonts were all asked for
    assert [r for r in referers if token in r] == []
    assert "link=" not in page.url
    context.close()


def test_an_account_disabled_in_one_app_process_is_signed_out_of_the_other(browser: Browser, two_apps_on_postgres):
    first, second = two_apps_on_postgres
    member_context, admin_context = _context(browser), _context(browser)
    member, admin = member_context.new_page(), admin_context.new_page()
    sign_in(member, first, *VIEWER)
    click_in_sidebar(member, "Status")
    expect(member.locator("h1")).to_contain_text("Status", timeout=TIMEOUT)

    sign_in(admin, second, *ADMIN)
    click_in_sidebar(admin, "Konton")
    expect(admin.locator(MAIN)).to_contain_text("nämndledamot", timeout=TIMEOUT)
    admin.get_by_role("combobox", name="Konto").click()
    admin.keyboard.type(VIEWER[0])  # typed, the list opens on the one account wherever the field is on the page
    admin.get_by_role("option", name=VIEWER[0]).click()
    wait_for_app_run(admin)
    admin.get_by_role("button", name="Stäng av kontot").click()
    expect(admin.locator(MAIN)).to_contain_text("är avstängt", timeout=TIMEOUT)

    click_in_sidebar(member, "Incidenter")  # the board member's next click, in the other process
    expect(member.locator("h1")).to_contain_text("Logga in", timeout=TIMEOUT)
    assert "Incidenter per månad" not in member.inner_text(MAIN)
    member_context.close()
    admin_context.close()


def test_an_oidc_user_disabled_while_signed_in_is_denied_on_the_next_click(browser: Browser, oidc_app):
    from access import accounts
    from domain.roles import operator
    from store.engine import open_store

    url, provider, db_url = oidc_app
    context = _context(browser)
    page = context.new_page()
    open_view(page, url, "Logga in med ditt konto i kommunen")
    provider.login_as = "rut@ey.se"
    page.get_by_role("button", name="Logga in").click()
    expect(page.locator("h1")).to_contain_text("Lägesbild", timeout=TIMEOUT)
    wait_for_app_run(page)
    engine = open_store(db_url)
    accounts.save(engine, operator("admin (kommandorad)"), "rut@ey.se", disabled=True)
    try:
        click_in_sidebar(page, "Status")
        expect(page.locator(MAIN)).to_contain_text("Du saknar behörighet", timeout=TIMEOUT)
        assert "Status per område" not in page.inner_text(MAIN)
    finally:
        accounts.save(engine, operator("admin (kommandorad)"), "rut@ey.se", disabled=False)
        engine.dispose()
        context.close()
