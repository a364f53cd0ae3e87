"""AppTest of every board view on the example data (the published figures) and on an empty store."""

from __future__ import annotations

import pyarrow as pa
import pytest

from domain.roles import operator
from tests.views.conftest import page_text, shown_table, unfolded

BOARD_VIEWS = [
    "views/situation.py",
    "views/status.py",
    "views/incidents.py",
    "views/recommendations.py",
    "views/self_assessments.py",
]


def test_situation_picture_of_the_latest_quarter(open_view):
    app = open_view("views/situation.py")
    text = page_text(app)
    assert app.query_params["period"] == "2025Q4"
    assert "Servicenämnden · 2025Q4" in text
    assert "Sammanfattning" in text  # what needs the board's attention first, in sentences with their figures
    assert "Incidenter 2025 i hela kommunen: 4 kritiska (2024: 6) och 2 betydande" in text
    assert "Risker för Servicenämnden: 2 med mycket högt riskvärde (Utpressningsvirus" in text
    assert "Servicenämndens risker med mycket högt riskvärde" in text  # the key figure, under the summary
    assert "Kritiska incidenter hittills 2025, hela kommunen" in text and "2024: 6 · 2023: 6" in text
    assert "Pågår 0 · avvaktar 1 · ej påbörjade 0 · försenade 1" in text
    assert "Försenad" in text and "ITS-2025-1" in text
    assert "Självskattning intern kontroll 2024: tillfredsställande" in text
    assert "89\u00a0%" in text and "2015: 65\u00a0%" in text
    assert "32\u00a0%" in text and "Mål 5\u00a0%" in text  # phishing: the true number next to its target
    assert "Exempeldata" in text


def test_situation_picture_of_a_quarter_from_the_link_lists_what_changed(open_view):
    app = open_view("views/situation.py", period="2025-Q2")
    text = page_text(app)
    assert "Servicenämnden · 2025Q2" in text
    assert "Ny kritisk incident 2025-04-06: Phishingsimulering avbröts efter hög klickfrekvens" in text
    assert "Utbildning och medvetenhet (Servicenämnden): Gul → Röd" in text


def test_an_unknown_quarter_in_the_link_falls_back_with_a_notice(open_view):
    app = open_view("views/situation.py", period="2031Q1")
    assert "Kvartalet '2031Q1' i länken saknar data; visar 2025Q4 i stället." in page_text(app)


def test_status_view_heat_map_and_kpis(open_view):
    app = unfolded(open_view("views/status.py", period="2025Q2"))
    text = page_text(app)
    assert "Status per område och kvartal – Servicenämnden" in text
    assert "2025Q2: " in text and "röda: Utbildning och medvetenhet" in text
    assert "Andel som klickade i phishingsimulering" in text
    assert "2025Q2: 32\u00a0% mot målet 5\u00a0% – långt från målet." in text
    heat_table = shown_table(app.table[0].value)
    assert heat_table.set_index("Område").loc["Utbildning och medvetenhet", "2025Q2"] == "■ Röd"


def test_status_map_shows_the_latest_eight_quarters_and_the_table_all(open_view, app_env, monkeypatch):
    from domain.configuration import load_config
    from ingest.imports import import_file
    from store.engine import open_store
    from tests.conftest import write_csv

    monkeypatch.setenv("DASHBOARD_DEMO", "0")
    quarters = [f"{year}Q{q}" for year in range(2021, 2026) for q in range(1, 5)]
    rows = "".join(f"{quarter};servicenamnden;governance;Grön;\n" for quarter in quarters)
    path = write_csv(app_env / "status.csv", "period;enhet;område;status;kommentar\n" + rows)
    assert import_file(open_store(), load_config(), "status", path, actor=operator("u")).ok
    app = unfolded(open_view("views/status.py", period="2025Q4"))
    assert "Kartan visar de senaste 8 kvartalen; alla finns i tabellen." in page_text(app)
    assert list(shown_table(app.table[0].value).columns)[1:] == quarters  # 20 quarters in the table
    heat_map = app.get("vega_lite_chart")[0].proto
    drawn = pa.ipc.open_stream(heat_map.datasets[0].data.data).read_all().to_pandas()
    assert sorted(drawn["Kvartal"].unique()) == quarters[-8:]


def test_incident_view_years_categories_and_critical_reports(open_view):
    app = unfolded(open_view("views/incidents.py"))
    text = page_text(app)
    assert "Incidenter per år – 2023: 17\u00a0850, 2024: 18\u00a0120, 2025: 18\u00a0040." in text
    assert "Kritiska incidenter per år – 2023: 6, 2024: 6, 2025: 4." in text
    assert "personuppgiftsincidenter anmäldes" in text
    assert "16 kritiska incidenter; " in text
    critical = next(t for t in map(shown_table, (t.value for t in app.table)) if "Incidentansvarig" in t.columns)
    assert len(critical) == 16
    assert (critical[critical["Datum"].str.startswith("2025")]["Rapport"] == "✓ komplett").all()
    assert (app.query_params["from"], app.query_params["to"]) == ("2024", "2025")
    tables = [shown_table(t.value) for t in app.table]
    per_year = next(t for t in tables if "År" in t.columns and t["År"].eq("2023").any())
    assert "17\u00a0850" in per_year.to_numpy().tolist()[0]  # grouped as on the chart; the year never "2 023"


def test_incident_view_for_one_unit_from_the_link(open_view):
    app = open_view("views/incidents.py", unit="grundskolenamnden", **{"from": "2025", "to": "2025"})
    text = page_text(app)
    assert "incidenter för Grundskolenämnden, varav 0 kritiska" in text
    assert "Inga kritiska incidenter är registrerade." in text


def test_recommendation_view_two_done_one_on_hold_and_overdue(open_view):
    app = unfolded(open_view("views/recommendations.py"))
    text = page_text(app)
    assert "2 av 3 rekommendationer är genomförda, 1 avvaktar, 1 försenad." in text
    overview = shown_table(app.table[0].value).set_index("Id")
    assert overview.loc["ITS-2025-1", "Status"] == "Avvaktar"
    assert overview.loc["ITS-2025-1", "Åtagande"] == "Nej"
    assert overview.loc["ITS-2025-1", "Försenad"] == "■ Ja"
    assert overview.loc["ITS-2025-2", "Status"] == "Genomförd"


def test_self_assessment_view_65_to_89_percent(open_view):
    app = unfolded(open_view("views/self_assessments.py"))
    text = page_text(app)
    assert (
        "Andelen tillfredsställande gick från 65\u00a0% (2015) till 89\u00a0% (2024); förbättringsområden 9\u00a0%."
        in text
    )
    shares = shown_table(app.table[0].value).set_index("År")
    assert shares.loc["2015", "Förbättringsområde"] == "31\u00a0%"  # a year as a year, never "2 015"
    assert shares.loc["2015", "Behöver ses över omgående"] == "3\u00a0%"
    assert shares.loc["2024", "Behöver ses över omgående"] == "0\u00a0%"


def test_access_assessment_from_the_link(open_view):
    app = open_view("views/self_assessments.py", assessment="access")
    statements = next(
        t for t in (shown_table(t.value) for t in app.table) if {"Påstående", "Tillfredsställande"} <= set(t.columns)
    )
    shares = [float(v.split("\u00a0")[0]) for v in statements["Tillfredsställande"]]
    assert (min(shares), max(shares)) == (65, 78)


@pytest.mark.parametrize("script", BOARD_VIEWS)
def test_every_view_on_an_empty_store_says_what_to_do(open_view, monkeypatch, script):
    monkeypatch.setenv("DASHBOARD_DEMO", "0")
    app = open_view(script)
    assert "Det finns inga data ännu" in page_text(app)
    assert not [w for w in app.main.warning if "Exempeldata" in w.value]


def test_a_long_recommendation_list_is_shown_one_audit_at_a_time(open_view, app_env, monkeypatch):
    from domain.configuration import load_config
    from ingest.imports import import_file
    from store.engine import open_store
    from tests.conftest import write_csv

    monkeypatch.setenv("DASHBOARD_DEMO", "0")
    lines = "".join(
        f"R-{n};Granskning {'A' if n < 40 else 'B'};Stadsrevisionen;{'2024-02-01' if n < 40 else '2025-02-01'};"
        f"servicenamnden;Rekommendation {n}\n"
        for n in range(60)
    )
    path = write_csv(app_env / "rek.csv", "id;granskning;granskare;granskningsdatum;mottagare;rekommendation\n" + lines)
    assert import_file(open_store(), load_config(), "recommendations", path, actor=operator("u")).ok
    app = unfolded(open_view("views/recommendations.py"))
    assert [h.value for h in app.header][:2] == ["Status per granskningsår", "Från granskning till slutdatum"]
    assert "0 av 60 rekommendationer är genomförda, 60 ej påbörjade." in page_text(app)
    overview, timeline = shown_table(app.table[0].value), shown_table(app.table[1].value)
    assert len(overview) == 60 and set(timeline["Granskning"]) == {"Granskning B"} and len(timeline) == 20
    assert app.selectbox(key="recommendation_audit").value == "Granskning B"
    assert len(app.expander) - 2 == 20  # the two "Visa som tabell" are expanders too
    assert "20 av 60 rekommendationer, från granskningen Granskning B" in page_text(app)
    app.selectbox(key="recommendation_audit").set_value("Granskning A").run()
    assert len(app.expander) - 2 == 40
    assert len(shown_table(app.table[1].value)) == 40


def test_a_file_of_three_kpis_leaves_the_other_kpis_of_the_quarter_on_the_situation_picture(open_view, app_env):
    from domain.configuration import load_config
    from domain.roles import operator
    from ingest.imports import import_file
    from store.engine import open_store
    from tests.conftest import write_csv

    open_view("views/situation.py")  # the example data is loaded
    three = write_csv(
        app_env / "tre.csv",
        "period;enhet;nyckeltal;värde;täljare;nämnare\n"
        "2025Q4;servicenamnden;training_completion;;21000;24500\n"
        "2025Q4;servicenamnden;mfa_coverage;;30000;31000\n"
        "2025Q4;servicenamnden;phishing_click_rate;12;;\n",
    )
    assert import_file(open_store(), load_config(), "kpis", three, actor=operator("u")).ok
    text = page_text(open_view("views/situation.py", period="2025Q4"))
    assert "senast mätt" not in text  # every KPI still has its 2025Q4 value
    assert "87,5\u00a0%" in text and "96,8\u00a0%" in text  # classified systems from the register, MFA from the file
