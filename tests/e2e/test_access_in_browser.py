"""In Chromium: a controller signs in, makes an auditor link; the auditor opens it in another browser
profile, sees the board views and nothing else, and loses access the moment the link is revoked."""

from __future__ import annotations

from playwright.sync_api import Browser, expect

from tests.e2e.conftest import CONTROLLER, MAIN, TIMEOUT, open_view, wait_for_app_run


def _context(browser: Browser):
    return browser.new_context(viewport={"width": 1400, "height": 1000}, locale="sv-SE")


def test_auditor_link_from_creation_to_revocation(browser: Browser, accounts_app_url: str):
    controller = _context(browser).new_page()
    text = open_view(controller, accounts_app_url, "Logga in")
    assert "Lägesbild" not in text  # no data without signing in
    controller.get_by_label("E-post").fill(CONTROLLER[0])
    controller.get_by_label("Lösenord", exact=True).fill(CONTROLLER[1])
    controller.get_by_role("button", name="Logga in").click()
    controller.wait_for_selector("h1:has-text('Lägesbild')", timeout=60_000)

    _go(controller, "Granskningslänkar")
    controller.get_by_label("Mottagare (namn och organisation)").fill("Revisor Rut, EY")
    controller.get_by_role("button", name="Skapa länk").click()
    controller.wait_for_selector("text=Kopiera den nu", timeout=60_000)
    link = controller.locator("[data-testid='stCode'] code").inner_text().strip()
    assert "/?link=" in link

    auditor_context = _context(browser)
    auditor = auditor_context.new_page()
    open_view(auditor, link, "Lägesbild")
    expect(auditor.locator("body")).to_contain_text("Granskningslänk till Revisor Rut, EY", timeout=TIMEOUT)
    assert "link=" not in auditor.url  # the token left the address bar
    sidebar = auditor.inner_text("[data-testid='stSidebar']")
    assert "Status" in sidebar and "Importera" not in sidebar and "Åtkomstlogg" not in sidebar
    _go(auditor, "Status")
    expect(auditor.locator(MAIN)).to_contain_text("Status per område och kvartal", timeout=TIMEOUT)

    controller.get_by_role("button", name="Dra tillbaka länken").click()
    controller.wait_for_selector("text=återkallad", timeout=60_000)
    auditor.locator("[data-testid='stSidebar']").get_by_role("link", name="Incidenter").click()  # the next click
    auditor.wait_for_selector("text=Länken fungerar inte", timeout=60_000)
    assert "Incidenter per månad" not in auditor.inner_text("[data-testid='stMain']")
    text = open_view(auditor, link, "Länken fungerar inte")  # the old link again
    assert "Lägesbild" not in text
    auditor_context.close()


def _go(page, title: str) -> str:
    """Follow a link in the sidebar: the same session, as a person clicking."""
    page.locator("[data-testid='stSidebar']").get_by_role("link", name=title).click()
    page.wait_for_selector(f"h1:has-text('{title}')", timeout=60_000)
    wait_for_app_run(page)
    return page.inner_text(MAIN)
