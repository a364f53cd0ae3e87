"""What moved since the last quarter and since the last meeting, in words."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from rules.changes import kpi_changes, status_changes


def test_changes_name_the_area_and_the_kpi_with_its_target(config):
    statuses = pd.DataFrame(
        {
            "period": ["2025Q1", "2025Q2"],
            "unit": ["servicenamnden"] * 2,
            "area": ["training"] * 2,
            "status": ["amber", "red"],
        }
    )
    assert [c.text for c in status_changes(statuses, "2025Q2", "2025Q1", config)] == [
        "Utbildning och medvetenhet (Servicenämnden): Gul → Röd"
    ]
    values = pd.DataFrame(
        {
            "kpi": ["phishing_click_rate"] * 2,
            "period": ["2025Q1", "2025Q2"],
            "value": [8.0, 32.0],
            "band": ["green", "red"],
        }
    )
    (change,) = kpi_changes(values, "2025Q2", "2025Q1", config)
    assert change.kind == "worse"
    assert change.text.endswith("8\u00a0% → 32\u00a0% (når målet → långt från målet; mål 5\u00a0%)")


def test_changes_between_meetings_name_moves_new_critical_incidents_and_finished_recommendations(config):

    from rules.changes import changes_between_meetings

    def figures(status: str, mfa: float, band: str, critical: list[str], rec_status: str, overdue: bool):
        return {
            "statuses": pd.DataFrame(
                {"period": ["2025Q4"], "unit": ["servicenamnden"], "area": ["governance"], "status": [status]}
            ),
            "kpi_values": pd.DataFrame({"kpi": ["mfa_coverage"], "period": ["2025Q4"], "value": [mfa], "band": [band]}),
            "critical": pd.DataFrame(
                {"date": [dt.date(2025, 11, 1)] * len(critical), "reference": critical, "title": critical}
            ),
            "recommendations": pd.DataFrame(
                {"recommendation_id": ["R1"], "status": [rec_status], "overdue": [overdue]}
            ),
        }

    moved = changes_between_meetings(
        before=figures("amber", 90.0, "amber", ["K1"], "in_progress", False),
        now=figures("red", 99.0, "green", ["K1", "K2"], "done", False),
        before_quarter="2025Q4",
        now_quarter="2025Q4",
        config=config,
    )
    assert [(c.kind, c.text.split(":")[0]) for c in moved] == [
        ("worse", "Styrning och ledning (Servicenämnden)"),
        ("better", "Konton med flerfaktorsautentisering"),
        ("worse", "Ny kritisk incident 2025-11-01"),
        ("better", "Rekommendation R1 genomförd"),
    ]
