"""AppTest of the data overview at /data: the store's figures as a user reads them."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from domain.roles import operator
from tests.conftest import ROOT, write_csv
from tests.views.conftest import shown, shown_table


def _open_data_page(**env) -> AppTest:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.run()
    app.switch_page("views/data_overview.py")
    app.run()
    assert not app.exception, app.exception
    return app


def test_example_data_is_loaded_into_an_empty_store_and_labelled(app_env):
    app = _open_data_page()
    assert app.title[0].value == "Data och importer"
    assert "Exempeldata" in shown(app.main.warning[0].value)
    datasets = shown_table(app.table[0].value)
    assert datasets.loc["Incidenter", "Rader"] == "2\u00a0855"
    assert datasets.loc["Incidenter", "Period"] == "2023-01 – 2025-12"
    assert datasets.loc["Självskattningar", "Period"] == "2015 – 2024"
    assert datasets.loc["Kvartalsstatus", "Av"] == "exempeldata"
    history = shown_table(app.table[-1].value)
    assert list(history["Datamängd"]) == [
        "Tillgänglighetsgranskningar",
        "Enkätsvar",
        "Mognadsnivåer",
        "Informationsklassning",
        "Styrdokument",
        "Risker",
        "Ledningens ansvar",
        "Utbildning",
        "Phishingövningar",
        "Självskattningar",
        "Uppföljning av rekommendationer",
        "Granskningsrekommendationer",
        "Incidenter",
        "Nyckeltal",
        "Kvartalsstatus",
    ]
    assert set(history["Läge"]) == {"gäller · exempeldata"}


def test_an_import_shows_at_once_with_who_and_what_it_replaced(app_env, monkeypatch):
    from domain.configuration import load_config
    from ingest.imports import import_file
    from store.engine import open_store

    app = _open_data_page()
    engine = open_store()
    path = write_csv(
        app_env / "status-2025q4.csv", "period;enhet;område;status\n2025Q4;Servicenämnden;governance;Grön\n"
    )
    result = import_file(engine, load_config(), "status", path, actor=operator("controller@malmo.se"))
    assert result.outcome == "imported"
    app.run()
    history = shown_table(app.table[-1].value)
    newest = history.iloc[0]
    assert (newest["Datamängd"], newest["Användare och källa"]) == (
        "Kvartalsstatus",
        "controller@malmo.se: status-2025q4.csv",
    )
    assert newest["Rader"] == "1 (ersatte 1)" and newest["Läge"] == "gäller"  # the one area the file names
    assert shown_table(app.table[0].value).loc["Kvartalsstatus", "Av"] == "controller@malmo.se"


def test_empty_store_without_example_data_says_what_to_do(app_env, monkeypatch):
    monkeypatch.setenv("DASHBOARD_DEMO", "0")
    app = _open_data_page()
    assert not app.table and not app.main.warning
    assert "Databasen är tom" in shown(app.info[0].value)


def test_a_broken_configuration_is_shown_in_swedish_without_a_traceback(app_env, monkeypatch, tmp_path):
    monkeypatch.setenv("DASHBOARD_CONFIG_DIR", str(tmp_path / "saknas"))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
    app.run()
    assert not app.exception
    assert "konfigurationen har fel" in shown(app.error[0].value)
    assert "organisation.yaml: filen saknas" in app.code[0].value


def test_data_quality_lists_incomplete_reports_and_overdue_recommendations(app_env):
    app = _open_data_page()
    quality = shown_table(app.table[1].value)
    checks = list(quality["Kontroll"])
    assert checks.count("▲ Ofullständig incidentrapport") == 8  # 2023–2024 reports lack a responsible manager
    overdue = quality[quality["Kontroll"] == "▲ Försenad utan uppdatering"]["Vad"].tolist()
    assert overdue == ["ITS-2025-1: slutdatum 2025-12-31, senaste uppdatering 2025-12-15"]
    assert "▲ Kvartal saknas" not in checks and "▲ Självskattning saknas" not in checks


def test_data_quality_names_missing_quarters_and_self_assessments(app_env):
    from domain.configuration import load_config
    from ingest.imports import import_file
    from store.engine import open_store

    engine = open_store()
    config = load_config()
    status = write_csv(
        app_env / "s.csv", "period;enhet;område;status\n2025Q1;mkb;governance;Grön\n2025Q4;mkb;governance;Grön\n"
    )
    ratings = write_csv(
        app_env / "r.csv",
        "år;enhet;självskattning;påstående;bedömning\n2026;mkb;internal_control;IK1;Tillfredsställande\n",
    )
    assert import_file(engine, config, "status", status, actor=operator("u")).ok
    assert import_file(engine, config, "self_assessments", ratings, actor=operator("u")).ok
    app = _open_data_page()
    quality = shown_table(app.table[1].value).set_index("Kontroll")["Vad"]
    assert quality.loc["▲ Kvartal saknas"] == "MKB Fastighets AB: 2025Q2, 2025Q3"
    assert quality.loc["▲ Självskattning saknas"].startswith("Självskattning intern kontroll 2026: Kommunstyrelsen,")
