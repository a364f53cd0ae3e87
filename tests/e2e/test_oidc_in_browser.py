"""Signing in with the municipality's OIDC provider through Streamlit's st.login, in Chromium, end to end."""

from __future__ import annotations

from playwright.sync_api import Browser

from tests.e2e.conftest import open_view, wait_for_app_run


def test_oidc_sign_in_gives_the_role_from_users_yaml(browser: Browser, oidc_app):
    url, provider, _ = oidc_app
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
    page = context.new_page()
    text = open_view(page, url, "Logga in med ditt konto i kommunen")
    assert "Lägesbild" not in text
    provider.login_as = "rut@ey.se"
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_selector("h1:has-text('Lägesbild')", timeout=60_000)
    wait_for_app_run(page)
    # Under load the sidebar can be drawn a moment after the script has finished.
    page.wait_for_selector("[data-testid='stSidebar'] >> text=Åtkomstlogg", timeout=60_000)
    sidebar = page.inner_text("[data-testid='stSidebar']")
    assert "Rut Revisor" in sidebar and "revisor" in sidebar
    assert "Åtkomstlogg" in sidebar and "Importera" not in sidebar  # an auditor's pages
    page.locator("[data-testid='stSidebar']").get_by_role("link", name="Åtkomstlogg").click()
    page.wait_for_selector("h1:has-text('Åtkomstlogg')", timeout=60_000)
    page.wait_for_selector("[data-testid='stTable'] >> text=OIDC", timeout=60_000)
    log = page.inner_text("[data-testid='stTable']")  # an address is shown and copied as written
    assert "rut@ey.se" in log
    assert "inloggning" in log and "OIDC" in log
    context.close()


def test_an_oidc_user_without_a_role_sees_no_data(browser: Browser, oidc_app):
    url, provider, _ = oidc_app
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
    page = context.new_page()
    open_view(page, url, "Logga in")
    provider.login_as = "okand@example.com"
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_selector("text=Du saknar behörighet", timeout=60_000)
    assert "Lägesbild" not in page.inner_text("[data-testid='stMain']")
    context.close()
