"""Two app processes behind docs/nginx-dashboard.conf on one PostgreSQL store: the page runs through
nginx with its headers, and an import, a meeting record and a revoked link made in one process are in
force at the next click in the other (a disabled account: tests/e2e/test_hardening_in_browser.py)."""

from __future__ import annotations

import urllib.request
import uuid

from playwright.sync_api import Browser, expect

from tests.e2e.conftest import ADMIN, MAIN, MEMBER, TIMEOUT, Replicas, click_in_sidebar, open_view, sign_in


def _context(browser: Browser):
    return browser.new_context(viewport={"width": 1400, "height": 1000}, locale="sv-SE")


def test_through_nginx_the_page_runs_signed_in_with_the_headers_and_a_reload_keeps_the_session(
    browser: Browser, replicas: Replicas
):
    with urllib.request.urlopen(replicas.nginx, timeout=10) as response:
        assert response.headers["Strict-Transport-Security"].startswith("max-age=")
        assert response.headers["Referrer-Policy"] == "no-referrer"
    context = _context(browser)
    page = context.new_page()
    sign_in(page, replicas.nginx, *MEMBER)  # the sign-in's run goes over the websocket nginx upgrades
    click_in_sidebar(page, "Status")
    expect(page.locator(MAIN)).to_contain_text("Status per område och kvartal", timeout=TIMEOUT)
    open_view(page, f"{replicas.nginx}/incidenter?from=2024", "Incidenter per månad")  # a reload, signed in
    logged = (replicas.folder / "nginx-access.log").read_text(encoding="utf-8")
    assert '"GET /incidenter" 200' in logged and "from=2024" not in logged  # paths without their query
    context.close()


def test_an_import_in_one_process_is_shown_at_the_next_click_in_the_other(browser: Browser, replicas: Replicas):
    member_context, admin_context = _context(browser), _context(browser)
    member, admin = member_context.new_page(), admin_context.new_page()
    sign_in(member, replicas.second, *MEMBER)
    click_in_sidebar(member, "Status")
    comment = f"Prov {uuid.uuid4().hex[:8]}"
    assert comment not in member.inner_text(MAIN)

    sign_in(admin, replicas.first, *ADMIN)
    open_view(admin, f"{replicas.first}/import?dataset=status", "Importera data")
    text = f"period;enhet;område;status;kommentar\n2025Q4;Servicenämnden;communication;Röd;{comment}\n"
    upload = {"name": "status.csv", "mimeType": "text/csv", "buffer": text.encode()}
    admin.locator("input[type='file']").set_input_files(files=[upload])
    expect(admin.locator(MAIN)).to_contain_text("status.csv är korrekt: 1 rad", timeout=TIMEOUT)
    admin.get_by_role("button", name="Importera", exact=True).click()
    expect(admin.locator(MAIN)).to_contain_text("klar: 1 rad till Kvartalsstatus", timeout=TIMEOUT)

    click_in_sidebar(member, "Incidenter")
    click_in_sidebar(member, "Status")  # the member's next click on Status, in the other process
    expect(member.locator(MAIN)).to_contain_text(comment, timeout=TIMEOUT)
    member_context.close()
    admin_context.close()


def test_a_meeting_recorded_in_one_process_is_listed_at_the_next_click_in_the_other(
    browser: Browser, replicas: Replicas
):
    member_context, admin_context = _context(browser), _context(browser)
    member, admin = member_context.new_page(), admin_context.new_page()
    sign_in(member, replicas.second, *MEMBER)
    click_in_sidebar(member, "Möten")
    item = f"§ {uuid.uuid4().int % 900 + 100}"
    assert item not in member.inner_text(MAIN)

    sign_in(admin, replicas.first, *ADMIN)
    open_view(admin, f"{replicas.first}/moten", "Protokollför ett möte")
    admin.get_by_label("Paragraf").fill(item)
    admin.get_by_label("Kvartal som redovisas").fill("2025Q4")
    admin.get_by_role("button", name="Protokollför").click()
    expect(admin.locator(MAIN)).to_contain_text("är protokollfört", timeout=TIMEOUT)

    click_in_sidebar(member, "Lägesbild")
    click_in_sidebar(member, "Möten")  # the next click, in the other process
    expect(member.locator(MAIN)).to_contain_text(item, timeout=TIMEOUT)
    member_context.close()
    admin_context.close()


def test_a_link_revoked_in_one_process_stops_working_at_the_next_click_in_the_other(
    browser: Browser, replicas: Replicas
):
    admin_context, auditor_context = _context(browser), _context(browser)
    admin, auditor = admin_context.new_page(), auditor_context.new_page()
    sign_in(admin, replicas.first, *ADMIN)
    recipient = f"Revisor {uuid.uuid4().hex[:6]}, EY"
    open_view(admin, f"{replicas.first}/lankar", "Granskningslänkar")
    admin.get_by_label("Mottagare (namn och organisation)").fill(recipient)
    admin.get_by_role("button", name="Skapa länk").click()
    expect(admin.locator(MAIN)).to_contain_text("Kopiera den nu", timeout=TIMEOUT)
    link = admin.locator("[data-testid='stCode'] code").inner_text().strip()
    token = link.split("/?link=", 1)[1]

    open_view(auditor, f"{replicas.second}/?link={token}", "Lägesbild")  # opened in the other process
    click_in_sidebar(auditor, "Status")
    expect(auditor.locator(MAIN)).to_contain_text("Status per område och kvartal", timeout=TIMEOUT)

    admin.get_by_role("button", name="Dra tillbaka länken").click()
    expect(admin.locator(MAIN)).to_contain_text("återkallad", timeout=TIMEOUT)

    click_in_sidebar(auditor, "Incidenter")  # the auditor's next click, in the other process
    expect(auditor.locator(MAIN)).to_contain_text("Länken fungerar inte", timeout=TIMEOUT)
    assert "Incidenter per månad" not in auditor.inner_text(MAIN)
    auditor_context.close()
    admin_context.close()
