"""What the data overview says: one row per dataset, one per import, and the data-quality findings."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from domain.configuration import Config
from domain.datasets import DATASETS
from domain.formatting import swedish_datetime, swedish_int
from queries.data_overview import DatasetOverview
from rules import data_quality as dq
from rules.incidents import report_completeness
from rules.recommendations import with_overdue
from store.batches import BatchRecord


def dataset_rows(overview: list[DatasetOverview]) -> pd.DataFrame:
    rows = []
    for d in overview:
        covered = (
            "–"
            if d.first_period is None
            else (d.first_period if d.first_period == d.last_period else f"{d.first_period} – {d.last_period}")
        )
        rows.append(
            {
                "Datamängd": d.title,
                "Rader": swedish_int(d.rows),
                "Period": covered,
                "Senaste import": "ingen ännu"
                if d.last_import_at is None
                else f"nr {d.last_import_id}, {swedish_datetime(d.last_import_at)}",
                "Av": d.last_import_by or "–",
                "Källa": d.last_import_source or "–",
                "Exempeldata": "ja" if d.example_rows else "nej",
            }
        )
    return pd.DataFrame(rows).set_index("Datamängd")


def batch_state(b: BatchRecord) -> str:
    if b.kind == "undo":
        return f"ångrar nr {b.undoes_batch_id}"
    if b.undone_by_batch_id is not None:
        return f"ångrad (nr {b.undone_by_batch_id})"
    return "gäller"


def history_rows(batches: list[BatchRecord]) -> pd.DataFrame:
    """Seven columns, so the table fits the page without a scroll region (keyboard users can read it)."""
    rows = [
        {
            "Nr": str(b.id),
            "Tid": swedish_datetime(b.created_at),
            "Datamängd": DATASETS[b.dataset].title if b.dataset in DATASETS else b.dataset,
            "Rader": f"{swedish_int(b.row_count)} (ersatte {swedish_int(b.rows_superseded)})",
            "Omfattning": b.scope_summary,
            "Användare och källa": f"{b.user_name}: {b.source}",
            "Läge": batch_state(b) + (" · exempeldata" if b.is_example else ""),
        }
        for b in batches
    ]
    return pd.DataFrame(rows).set_index("Nr")


def quality_findings(
    *,
    overview: list[DatasetOverview],
    quarters: pd.DataFrame,
    assessed: pd.DataFrame,
    critical: pd.DataFrame,
    recommendations: pd.DataFrame,
    config: Config,
    now: dt.datetime,
    today: dt.date,
) -> list[dq.Finding]:
    """Every data-quality check on the store's answers: missing quarters and self-assessments, stale
    sources, incomplete incident reports, overdue recommendations without an update."""
    overdue = with_overdue(recommendations, today)
    return (
        dq.missing_quarters(quarters, config)
        + dq.units_without_self_assessment(assessed, config, "internal_control")
        + dq.stale_sources(
            {d.dataset: d.last_import_at for d in overview},
            {d.dataset: d.title for d in overview},
            config.app.stale_after_days,
            now,
        )
        + dq.incomplete_reports(critical, report_completeness(critical))
        + dq.overdue_without_update(overdue, today)
    )


def findings_table(findings: list[dq.Finding]) -> pd.DataFrame:
    return pd.DataFrame([{"Kontroll": f"▲ {f.check}", "Vad": f.text} for f in findings])
