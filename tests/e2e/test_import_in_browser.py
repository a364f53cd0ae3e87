"""A controller in Chromium: upload a bad file and read the errors, fix it, import, see the view change, undo."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.conftest import MAIN, TIMEOUT, open_view, wait_for_app_run

BAD = "period;enhet;område;status\n2025Q4;Servicenämden;communication;Lila\n"
GOOD = "period;enhet;område;status\n2025Q4;Servicenämnden;communication;Röd\n"
CHANGE = "Kommunikation (Servicenämnden): Grön → Röd"


def _upload(page, name: str, text: str, *expected: str) -> None:
    page.locator("input[type='file']").set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": text.encode()}]
    )
    wait_for_app_run(page)
    for words in expected:
        expect(page.locator(MAIN)).to_contain_text(words, timeout=TIMEOUT)


def test_upload_errors_fix_import_and_undo(page, app_url):
    open_view(page, f"{app_url}/import?dataset=status", "Importera data")
    _upload(
        page, "status.csv", BAD, "status.csv importerades inte: 2 fel. Inget sparades.", "Menade du: Servicenämnden"
    )
    _upload(page, "status-rättad.csv", GOOD, "status-rättad.csv är korrekt: 1 rad")
    page.get_by_role("button", name="Importera", exact=True).click()
    expect(page.locator(MAIN)).to_contain_text("klar: 1 rad till Kvartalsstatus", timeout=TIMEOUT)

    open_view(page, f"{app_url}/?period=2025Q4", CHANGE)

    open_view(page, f"{app_url}/import?dataset=status", "Senaste importer")
    page.get_by_role("button", name="Ångra vald import …").click()
    page.get_by_role("button", name="Ja, ångra").click()
    expect(page.locator(MAIN)).to_contain_text("är ångrad", timeout=TIMEOUT)
    situation = open_view(page, f"{app_url}/?period=2025Q4", "Sedan förra kvartalet")
    assert CHANGE not in situation
