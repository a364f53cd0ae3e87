"""Incidenter: each incident (or a month's count), its reporting under the Cybersecurity Act and to IMY."""

from __future__ import annotations

import sqlalchemy as sa

from domain import kinds as k
from domain.declarations import (
    Column,
    Columns,
    Counts,
    Dataset,
    Explore,
    Index,
    Measure,
    RowContext,
    RowProblem,
    Stored,
    Words,
)

C = Column
REPORTS = ("early_warning_at", "notification_at", "final_report_at", "imy_reported_at")


def _dated_after_the_incident(p: Columns, _: RowContext) -> tuple[Columns, list[RowProblem]]:
    """Reports and resolution come on or after the incident's day; reporting times after its detection.
    A month given without a day stands for its first day; one row without a count is one incident."""
    days, precisions, months, years = (list(c) for c in zip(*p["date"], strict=True))
    problems: list[RowProblem] = []
    for column in ("report_date", "resolved_date"):
        for i, later in enumerate(p[column]):
            if later is not None and later < days[i]:
                expected = f"ett datum som inte är före incidentens datum ({days[i].isoformat()})"
                problems.append((i, column, later.isoformat(), expected))
    detected_at = p["detected_at"]
    timed = detected_at.count(None) != len(detected_at)  # most files give no times: no loop over them
    for column in REPORTS if timed else ():
        for i, (detected, reported) in enumerate(zip(detected_at, p[column], strict=True)):
            if detected is not None and reported is not None and reported < detected:
                seen = detected.strftime("%Y-%m-%d %H:%M")
                problems.append(
                    (i, column, reported.strftime("%Y-%m-%d %H:%M"), f"en tidpunkt efter upptäckten ({seen})")
                )
    store = dict(p)
    store.update(
        date=days,
        date_precision=precisions,
        month=months,
        year=years,
        count=[1 if c is None else c for c in p["count"]],
    )
    return store, problems


DATASET = Dataset(
    "incidents",
    "Incidenter",
    30,
    (
        C("date", "datum", k.DAY_OR_MONTH, True, "2025-03-14", nullable=False),
        C("unit", "enhet", k.UNIT, True, "Servicenämnden", words=Words("enheter")),
        C("severity", "allvarlighetsgrad", k.SEVERITY, True, "Kritisk"),
        C("category", "kategori", k.CATEGORY, True, "IT-incident"),
        C("count", "antal", k.COUNT1, False, "1", nullable=False),
        C("reference", "ärendenummer", k.TEXT, False, "INC-2025-0042", sql=lambda: sa.String(100)),
        C("title", "rubrik", k.TEXT, False, "Avbrott i e-posttjänsten"),
        C("reported_to_authority", "anmäld_till_imy", k.YES_NO, False, "Nej"),
        C("incident_manager", "incidentansvarig", k.TEXT, False, "Anna Andersson", sql=lambda: sa.String(200)),
        C("responsible_manager", "ansvarig_chef", k.TEXT, False, "Bertil Berg", sql=lambda: sa.String(200)),
        C("report_date", "rapportdatum", k.DATE, False, "2025-03-20"),
        C("resolved_date", "åtgärdad_datum", k.DATE, False, "2025-03-15"),
        # Reporting under the Cybersecurity Act (SFS 2025:1506) and to IMY: optional columns.
        C("detected_at", "upptäckt", k.DATETIME, False, "2025-03-14 07:40"),
        C("significant", "betydande", k.YES_NO, False, "Ja"),
        C("early_warning_at", "tidig_varning", k.DATETIME, False, "2025-03-14 15:00"),
        C("notification_at", "incidentanmälan", k.DATETIME, False, "2025-03-16 10:00"),
        C("final_report_at", "slutrapport", k.DATETIME, False, "2025-04-10 12:00"),
        C("imy_reported_at", "anmäld_imy", k.DATETIME, False, ""),
    ),
    scope=("month", "unit"),
    scope_text="månad × enhet",
    keys=("reference",),
    period_column="month",
    stored=(
        Stored("date_precision", lambda: sa.String(5)),  # 'day' or 'month'
        Stored("month", lambda: sa.String(7)),
        Stored("year", sa.Integer),
    ),
    indexes=(
        # The incidents with reporting duties (a detection time given): few, found without a scan.
        Index("ix_incidents_detected", ("detected_at",), "detected_at IS NOT NULL"),
        # The critical incidents, listed on two views, without scanning the table; small, as they are few.
        # By unit first: a body's few are found among a city's ten million incidents' twenty thousand.
        Index("ix_incidents_current_critical", ("unit", "date"), "superseded_by IS NULL AND severity = 'critical'"),
    ),
    rules=_dated_after_the_incident,
    # What every incident chart asks: sums per month, unit, severity, category and IMY report.
    counts=Counts(
        "incident_counts",
        ("month", "year", "unit", "severity", "category", "reported_to_authority"),
        total="count",
        total_as="incidents",
        preview_keys=("month", "unit"),
        noun="incidenter",
        indexes=(
            # The critical incidents per year (Lägesbild, the deck): read from their own cells. Every column,
            # as the two below: Utforska's grouping by any one column reads an index in that column's order,
            # whole (SQLite otherwise chose a narrower index and looked up each cell: 70 ms → 12 at a million);
            # by month with the rows too, so Data och importer counts and dates the incidents from it alone.
            Index(
                "ix_incident_counts_current_severity",
                ("severity", "year", "month", "unit", "category", "reported_to_authority", "incidents"),
                "superseded_by IS NULL",
            ),
            Index(
                "ix_incident_counts_current_month",
                ("month", "unit", "severity", "category", "reported_to_authority", "incidents", "rows"),
                "superseded_by IS NULL",
            ),
            Index(
                "ix_incident_counts_current_category",
                ("category", "year", "month", "unit", "severity", "reported_to_authority", "incidents"),
                "superseded_by IS NULL",
            ),
            # A body's incidents: its own cells, not a scan of the city's (they grow with the data).
            Index(
                "ix_incident_counts_current_unit",
                ("unit", "year", "month", "severity", "category", "reported_to_authority", "incidents"),
                "superseded_by IS NULL",
            ),
        ),
    ),
    explore=Explore(
        (Measure("count", "Antal incidenter", lambda t: sa.func.sum(t.c.incidents), "count"),),
        {"year": "År", "month": "Månad", "unit": "Enhet", "severity": "Allvarlighetsgrad", "category": "Kategori"},
        from_counts=True,
    ),
)
