"""AppTest of Ledningens ansvar (/ledningsansvar) on the example data: the body's measures, what it has not
approved, its quarterly reports, its members' training, in Swedish."""

from __future__ import annotations

from tests.views.conftest import page_text, shown


def test_the_bodys_duties_in_one_place(open_view):
    app = open_view("views/measures.py", unit="servicenamnden", period="2025Q4")
    text = page_text(app)
    assert "4 av 9 åtgärder genomförda; 1 ej tillämplig: (h) Kryptografi och kryptering." in text
    assert "(f) Bedömning av åtgärdernas effektivitet" in text  # not approved by the body, named
    assert "Kvartal 1 2025: ingen redovisning för nämnden" in text
    assert "Servicenämndens ledamöter utbildade 2025" in text and "9 av 13 ledamöter" in text
    assert app.query_params["period"] == "2025Q4"


def test_an_approval_links_to_the_meeting_it_was_made_at(open_view, app_env):
    from domain.configuration import load_config
    from domain.roles import operator
    from store import meetings
    from store.engine import open_store

    open_view("views/situation.py")  # the example data is loaded
    record = meetings.create(
        open_store(),
        load_config(),
        operator("anna"),
        body="servicenamnden",
        meeting_date="2025-06-10",
        item="§ 41",
        quarter="2025Q2",
    )
    app = open_view("views/measures.py", unit="servicenamnden", period="2025Q4")
    links = {shown(link.proto.label): link.proto for link in app.get("page_link")}
    label = f"2025-06-10, § 41: mötesprotokoll nr {record.id}, som presenterat"
    assert f"mote={record.id}" in links[label].query_string
    assert f"Kvartal 2 2025: redovisat (2025-06-10, § 41, mötesprotokoll nr {record.id})" in page_text(app)


def test_an_earlier_quarter_shows_what_was_reported_then(open_view):
    text = page_text(open_view("views/measures.py", unit="servicenamnden", period="2025Q3"))
    assert "2 av 9 åtgärder genomförda" in text and "Kvartal 4 2025" not in text
