"""A board view opened on a meeting record shows what the board saw, whatever is imported afterwards."""

from __future__ import annotations

from domain.configuration import load_config
from domain.roles import operator
from ingest.imports import import_file, undo
from store import meetings
from store.engine import open_store
from tests.conftest import write_csv
from tests.views.conftest import page_text, shown


def _record(day: str, item: str, quarter: str) -> meetings.MeetingRecord:
    """Servicenämnden's meeting on `day`, recorded by a controller as of the latest import."""
    return meetings.create(
        open_store(),
        load_config(),
        operator("anna"),
        body="servicenamnden",
        meeting_date=day,
        item=item,
        quarter=quarter,
    )


def test_a_records_figures_stay_as_presented_through_a_later_import_and_an_undo(open_view, app_env):
    open_view("views/situation.py")  # the example data is loaded
    engine, config = open_store(), load_config()
    record = _record("2026-01-20", "§ 12", "2025Q4")
    presented = page_text(open_view("views/situation.py", mote=str(record.id)))
    assert f"Som presenterat för Servicenämnden 2026-01-20, § 12 (data per import nr {record.batch_id})" in presented
    assert "Styrning och ledning" in presented

    later = write_csv(
        app_env / "rättelse.csv",
        "period;enhet;område;status;kommentar\n2025Q4;servicenamnden;governance;Röd;Rättelse\n",
    )
    correction = import_file(engine, config, "status", later, actor=operator("anna"))
    assert correction.ok
    today = page_text(open_view("views/situation.py", period="2025Q4"))
    assert "Rättelse" not in presented and "0 röda" not in today  # today's data changed ...
    again = page_text(open_view("views/situation.py", mote=str(record.id)))
    added = [line for line in again.splitlines() if line not in presented.splitlines()]
    removed = [line for line in presented.splitlines() if line not in again.splitlines()]
    assert removed == ["Inget av det som visades här har ändrats sedan mötet."]  # ... what the board saw did not
    assert all(line.startswith("- ") for line in added), added  # and the correction shows as a correction
    assert (
        f"- Styrning och ledning: ▲ Gul → ■ Röd – ändrat genom import nr {correction.batch_id} "
        "(Kvartalsstatus: rättelse.csv, anna," in again
    )
    undo(engine, correction.batch_id, actor=operator("anna"))
    assert page_text(open_view("views/situation.py", mote=str(record.id))) == presented


def test_every_board_view_opens_on_a_record_and_an_unknown_one_says_so(open_view, app_env):
    open_view("views/situation.py")
    record = _record("2026-01-20", "§ 12", "2025Q3")
    for script in ("views/status.py", "views/incidents.py", "views/recommendations.py", "views/self_assessments.py"):
        app = open_view(script, mote=str(record.id))
        assert any("Som presenterat för Servicenämnden 2026-01-20" in shown(i.value) for i in app.info), script
    status = open_view("views/status.py", mote=str(record.id))
    assert "2025Q3: " in page_text(status)  # the record's quarter, not the latest
    assert "Inget av det som visades här har ändrats sedan mötet." in page_text(status)
    unknown = open_view("views/situation.py", mote="999")
    assert any("Mötet 999 i länken finns inte" in shown(w.value) for w in unknown.warning)


def test_the_meeting_page_lists_records_and_a_controller_records_one(open_view, app_env):
    app = open_view("views/meetings.py")
    app.text_input[0].input("§ 88")
    app.text_input[1].input("2025Q4")
    app.button[0].click().run()
    assert any("är protokollfört" in shown(s.value) for s in app.success)
    assert "Servicenämnden" in page_text(app) and "§ 88" in page_text(app)


def test_an_auditors_link_bound_to_a_record_shows_what_the_board_saw_on_every_view(open_view, app_env):
    from streamlit.testing.v1 import AppTest

    from access import access_store
    from tests.conftest import ROOT

    open_view("views/situation.py")
    engine = open_store()
    record = _record("2026-01-20", "§ 12", "2025Q3")
    token, _ = access_store.create_link(engine, "Revisor Rut", "anna", 30, (), record.id)
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.query_params["link"] = token
    app.run()
    assert any("Som presenterat för Servicenämnden 2026-01-20, § 12" in shown(i.value) for i in app.info)
    assert "Kvartal 3 2025" in page_text(app)  # the record's quarter, not the latest
    app.switch_page("views/status.py").run()
    assert any("Som presenterat för Servicenämnden 2026-01-20, § 12" in shown(i.value) for i in app.info)


def test_since_the_last_meeting_lists_what_moved_between_two_records_of_the_body(open_view, app_env):
    open_view("views/situation.py")
    engine, config = open_store(), load_config()
    first = _record("2026-01-20", "§ 12", "2025Q4")
    later = write_csv(app_env / "nytt.csv", "period;enhet;område;status\n2025Q4;servicenamnden;governance;Röd\n")
    assert import_file(engine, config, "status", later, actor=operator("anna")).ok
    second = _record("2026-02-17", "§ 30", "2025Q4")
    app = open_view("views/situation.py", mote=str(second.id))
    assert "Sedan förra mötet (2026-01-20, § 12)" in [shown(h.value) for h in app.header]
    assert "Styrning och ledning (Servicenämnden): Gul → Röd" in page_text(app)
    first_page = open_view("views/situation.py", mote=str(first.id))
    assert "Sedan förra kvartalet" in [h.value for h in first_page.header]  # no meeting before the first


def test_a_record_offers_its_board_pack_as_pdf_and_powerpoint(open_view, app_env):
    open_view("views/situation.py")
    record = _record("2026-01-20", "§ 12", "2025Q4")
    app = open_view("views/meetings.py")
    assert not app.get("download_button")  # made when asked, its progress shown
    app.button(key=f"make_pack_{record.id}").click().run(timeout=180)
    buttons = {b.proto.label: b.proto for b in app.get("download_button")}
    assert set(buttons) == {"Ladda ner styrelsepaketet som PDF", "Ladda ner styrelsepaketet som PowerPoint"}
    assert not app.error and not app.get("progress")  # done: the bar gone, the files ready
    links = {link.proto.label: link.proto for link in app.get("page_link")}
    assert f"mote={record.id}" in links["Presentera mötet som bilder"].query_string
