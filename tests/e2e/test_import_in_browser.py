"""A controller in Chromium: upload a bad file and read the errors, fix it, import, see the view change, undo."""

from __future__ import annotations

from tests.e2e.conftest import SCRIPT_DONE, open_view

BAD = "period;enhet;område;status\n2025Q4;Servicenämden;communication;Lila\n"
GOOD = "period;enhet;område;status\n2025Q4;Servicenämnden;communication;Röd\n"


def _upload(page, name: str, text: str) -> str:
    page.locator("input[type='file']").set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": text.encode()}]
    )
    page.wait_for_timeout(500)
    page.wait_for_selector(SCRIPT_DONE, timeout=60_000)
    return page.inner_text("[data-testid='stMain']")


def test_upload_errors_fix_import_and_undo(page, app_url):
    open_view(page, f"{app_url}/import?dataset=status")
    text = _upload(page, "status.csv", BAD)
    assert "status.csv importerades inte: 2 fel. Inget sparades." in text
    assert "Menade du: Servicenämnden" in text

    text = _upload(page, "status-rättad.csv", GOOD)
    assert "status-rättad.csv är korrekt: 1 rader" in text
    page.get_by_role("button", name="Importera").click()
    page.wait_for_selector("text=klar: 1 rader till status", timeout=60_000)

    situation = open_view(page, f"{app_url}/?period=2025Q4")
    assert "Kommunikation (Servicenämnden): Grön → Röd" in situation

    open_view(page, f"{app_url}/import?dataset=status")
    page.get_by_role("button", name="Ångra vald import …").click()
    page.get_by_role("button", name="Ja, ångra").click()
    page.wait_for_selector("text=är ångrad", timeout=60_000)
    situation = open_view(page, f"{app_url}/?period=2025Q4")
    assert "Kommunikation (Servicenämnden): Grön → Röd" not in situation
