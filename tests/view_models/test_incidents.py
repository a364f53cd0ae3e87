"""The incident view's words and tables on small frames."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pandas as pd

from view_models import incidents as vm

UNITS = {"servicenamnden": "Servicenämnden", "mkb": "MKB Fastighets AB"}


def test_the_monthly_summary_names_the_total_the_critical_and_the_peak_month():
    monthly = pd.DataFrame(
        {"month": ["2025-01", "2025-01", "2025-02"], "severity": ["low", "critical", "low"], "count": [1200, 2, 18000]}
    )
    assert vm.monthly_summary(monthly, "Servicenämnden") == (
        "19\u00a0202 incidenter för Servicenämnden, varav 2 kritiska; flest i februari 2025 (18\u00a0000)."
    )


def test_a_year_without_its_last_months_is_said_to_end_early():
    monthly = pd.DataFrame({"month": ["2025-12", "2026-01", "2026-11"], "severity": ["low"] * 3, "count": [1, 1, 1]})
    assert vm.incomplete_year(monthly) == "2026 t.o.m. november"
    assert vm.incomplete_year(monthly.head(1)) == ""


def test_the_monthly_table_has_a_column_per_severity_in_order_and_a_total():
    monthly = pd.DataFrame({"month": ["2025-01", "2025-01"], "severity": ["low", "critical"], "count": [5, 1]})
    table = vm.monthly_table(monthly)
    assert list(table.columns) == ["Månad", "Kritisk", "Låg", "Totalt"]
    assert table.iloc[0].tolist() == ["2025-01", 1, 5, 6]


def test_the_category_summary_counts_personal_data_incidents_reported_to_imy():
    by_year = pd.DataFrame(
        {
            "year": [2025, 2025],
            "category": ["it", "personal_data"],
            "count": [90, 10],
            "reported": [0, 3],
            "critical": [1, 0],
        }
    )
    text = vm.category_summary(by_year)
    assert "it-incident 90 (90\u00a0%)" in text and "Av 10 personuppgiftsincidenter anmäldes 3 till IMY." in text


def test_a_critical_incident_without_its_manager_is_an_incomplete_report():
    critical = pd.DataFrame(
        {
            "date": [dt.date(2025, 4, 6)],
            "reference": ["KRIT-1"],
            "title": ["Avbrott"],
            "unit": ["servicenamnden"],
            "category": ["it"],
            "count": [1],
            "reported_to_authority": [False],
            "incident_manager": ["Incidentledare 1"],
            "responsible_manager": [None],
            "report_date": [dt.date(2025, 4, 12)],
            "resolved_date": [None],
        }
    )
    row = vm.critical_table(critical, UNITS).iloc[0]
    assert row["Ansvarig chef"] == "saknas" and row["Rapport"] == "✗ ofullständig" and row["Enhet"] == "Servicenämnden"
    assert vm.critical_summary(critical).startswith("1 kritiska incidenter; 0 har en komplett incidentrapport")


def test_a_clicked_bar_is_read_back_as_month_and_severity_code():
    event = SimpleNamespace(selection={"rader": [{"Månadskod": "2025-03", "Allvarlighetsgrad": "Hög"}]})
    assert vm.selected_bar(event) == ("2025-03", "high")
    assert vm.selected_bar(None) is None
