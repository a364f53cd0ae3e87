"""The data overview's quality section: every check run on the store as it stands now."""

from __future__ import annotations

import datetime as dt

from configuration import Config
from queries import board as q
from queries.data_quality import assessed_units, status_quarters_per_unit
from queries.store_overview import DatasetOverview
from rules import data_quality as dq
from rules.incidents import report_completeness
from rules.recommendations import with_overdue


def quality_findings(ask, overview: list[DatasetOverview], config: Config, today: dt.date) -> list[dq.Finding]:
    critical = ask(q.critical_incidents, (), None)
    recommendations = with_overdue(ask(q.recommendations_with_progress, None), today)
    return (
        dq.missing_quarters(ask(status_quarters_per_unit, None), config)
        + dq.units_without_self_assessment(ask(assessed_units, "internal_control", None), config, "internal_control")
        + dq.stale_sources(
            {d.dataset: d.last_import_at for d in overview},
            {d.dataset: d.title for d in overview},
            config.app.stale_after_days,
            dt.datetime.now(dt.UTC),
        )
        + dq.incomplete_reports(critical, report_completeness(critical))
        + dq.overdue_without_update(recommendations, today)
    )
