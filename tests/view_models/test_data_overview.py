"""The data overview's tables and findings on small inputs."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from queries.data_overview import DatasetOverview
from store.batches import BatchRecord
from view_models import data_overview as vm

NOW = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)


def _overview(last_import: dt.datetime | None) -> DatasetOverview:
    return DatasetOverview("status", "Kvartalsstatus", 10, "2025Q1", "2025Q4", 0, last_import, "anna", "s.csv", 3)


def _empty_recommendations() -> pd.DataFrame:
    return pd.DataFrame(columns=["recommendation_id", "status", "due_date", "status_date", "done_date"])


def test_a_source_older_than_the_configured_days_is_a_finding(config):
    findings = vm.quality_findings(
        overview=[_overview(NOW - dt.timedelta(days=config.app.stale_after_days + 1))],
        quarters=pd.DataFrame({"unit": ["servicenamnden"], "period": ["2025Q4"]}),
        assessed=pd.DataFrame({"year": [2025] * len(config.unit_names), "unit": list(config.unit_names)}),
        critical=pd.DataFrame(
            columns=["date", "reference", "incident_manager", "responsible_manager", "report_date", "title"]
        ),
        recommendations=_empty_recommendations(),
        config=config,
        now=NOW,
        today=NOW.date(),
    )
    assert [f.check for f in findings] == ["Gammal källa"]
    assert "Kvartalsstatus" in findings[0].text


def test_the_import_history_says_which_imports_are_undone_and_which_are_example_data():
    at = dt.datetime(2026, 1, 2, 8, 0, tzinfo=dt.UTC)
    undone = BatchRecord(4, "import", "status", at, "anna", "s.csv", None, 3, 1, "2025Q4", False, None, 5)
    undo = BatchRecord(5, "undo", "status", at, "anna", "Ångring", None, 1, 3, "2025Q4", True, 4, None)
    table = vm.history_rows([undo, undone])
    assert table.loc["4", "Läge"] == "ångrad (nr 5)"
    assert table.loc["5", "Läge"] == "ångrar nr 4 · exempeldata"
    assert table.loc["4", "Rader"] == "3 (ersatte 1)" and table.loc["4", "Tid"] == "2026-01-02 09:00"
