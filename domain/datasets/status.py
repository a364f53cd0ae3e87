"""Kvartalsstatus: per quarter, unit and area a green, amber or red status with its trend and comment."""

from __future__ import annotations

import sqlalchemy as sa

from domain import kinds as k
from domain.declarations import Column, Columns, Dataset, Explore, Index, Measure, RowContext, RowProblem, Stored, Words

C = Column


def _with_year_and_quarter(p: Columns, _: RowContext) -> tuple[Columns, list[RowProblem]]:
    store = dict(p)
    store["year"] = [int(period[:4]) for period in p["period"]]
    store["quarter"] = [int(period[5]) for period in p["period"]]
    return store, []


DATASET = Dataset(
    "status",
    "Kvartalsstatus",
    10,
    (
        C("period", "period", k.QUARTER, True, "2025Q3"),
        C("unit", "enhet", k.UNIT, True, "Servicenämnden", words=Words("enheter")),
        C("area", "område", k.AREA, True, "Incidenthantering", words=Words("områden", listed=3)),
        C("status", "status", k.STATUS, True, "Gul"),
        C("trend", "trend", k.TREND, False, "Upp"),
        C("comment", "kommentar", k.TEXT, False, "Ny kommunikationsplan för kritiska incidenter"),
    ),
    scope=("period", "unit", "area"),  # a file replaces exactly the areas it names
    scope_text="kvartal × enhet × område",
    keys=("period", "unit", "area"),
    period_column="period",
    stored=(Stored("year", sa.Integer), Stored("quarter", sa.Integer)),
    indexes=(Index("ix_status_current_unit", ("unit", "period"), "superseded_by IS NULL"),),
    rules=_with_year_and_quarter,
    # Rows imported before the scope became period × unit × area carry the older key (period|unit).
    match_scope_on_columns=True,
    explore=Explore(
        (Measure("areas", "Antal områdesbedömningar", lambda t: sa.func.count(), "count"),),
        {"period": "Kvartal", "year": "År", "unit": "Enhet", "area": "Område", "status": "Status"},
    ),
)
