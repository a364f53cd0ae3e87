"""Reporting deadlines: early warning 24 h and notification 72 h after detection, the final report a month
after the notification, IMY 72 h after detection; met, late, missing or still open."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from rules.incidents import on_time_by_year, reporting_deadlines

T = dt.datetime


def _incident(**moments) -> dict:
    row = {
        "reference": "INC-1",
        "title": "Avbrott",
        "unit": "servicenamnden",
        "category": "it",
        "significant": True,
        "detected_at": T(2025, 10, 14, 7, 40),
        "early_warning_at": None,
        "notification_at": None,
        "final_report_at": None,
        "imy_reported_at": None,
    }
    return {**row, **moments}


def test_each_deadline_is_met_late_missing_or_open_with_its_hours():
    rows = pd.DataFrame(
        [
            _incident(
                early_warning_at=T(2025, 10, 14, 15, 0),  # 7 h: met
                notification_at=T(2025, 10, 18, 10, 0),  # 98 h: 26 h after the 72 h deadline
                final_report_at=T(2025, 11, 14, 16, 0),  # within a month of the notification
            )
        ]
    )
    states = reporting_deadlines(rows, T(2026, 1, 1)).set_index("deadline")
    assert states.loc["Tidig varning", ["state", "hours"]].tolist() == ["met", 7]
    assert states.loc["Incidentanmälan", ["state", "hours"]].tolist() == ["late", 26]
    assert states.loc["Slutrapport", "state"] == "met"
    assert str(states.loc["Slutrapport", "due"]) == "2025-11-18 10:00:00"


def test_an_unreported_deadline_is_open_until_it_passes_then_missing():
    rows = pd.DataFrame([_incident()])
    early = reporting_deadlines(rows, T(2025, 10, 14, 17, 40)).set_index("deadline")
    assert early.loc["Tidig varning", ["state", "hours"]].tolist() == ["open", 14]
    late = reporting_deadlines(rows, T(2025, 10, 16, 7, 40)).set_index("deadline")
    assert late.loc["Tidig varning", ["state", "hours"]].tolist() == ["missing", 24]
    assert late.loc["Incidentanmälan", "state"] == "open"


def test_imy_for_personal_data_breaches_and_the_share_on_time_per_year():
    rows = pd.DataFrame(
        [
            _incident(significant=False, category="personal_data", imy_reported_at=T(2025, 10, 16, 16, 0)),
            _incident(reference="INC-2", significant=False),  # neither significant nor personal data
        ]
    )
    deadlines = reporting_deadlines(rows, T(2026, 1, 1))
    assert deadlines["deadline"].tolist() == ["Anmälan till IMY"] and deadlines["state"].tolist() == ["met"]
    assert on_time_by_year(deadlines)[["year", "met", "decided", "share"]].values.tolist() == [[2025, 1, 1, 100.0]]
