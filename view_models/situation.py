"""The Lägesbild of one quarter, assembled from query results into words and figures (no streamlit).

Kept apart from the page so that what the board is told can be tested on small frames.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from data_sources.meetings import MeetingRecord
from domain import vocabulary
from domain.configuration import Config
from domain.formatting import quarter_label, swedish_decimal, swedish_int, swedish_percent, swedish_value
from domain.periods import previous_quarter
from domain.vocabulary import BAND_SYMBOLS, BAND_WORDS, STATUS_SYMBOLS, STATUS_WORDS
from queries import incidents as incident_queries
from queries import recommendations as recommendation_queries
from queries import self_assessments as self_assessment_queries
from queries import status as status_queries
from rules import status as status_rules
from rules.changes import (
    Change,
    changes_between_meetings,
    kpi_changes,
    new_critical_incidents,
    recommendation_changes,
    status_changes,
)
from rules.kpis import quarterly_values
from rules.recommendations import status_counts, with_overdue
from rules.self_assessments import shares_by_year

REC_WORDS = vocabulary.RECOMMENDATION_WORDS


@dataclass(frozen=True)
class AreaTile:
    area: str
    status: str
    word: str
    symbol: str
    movement: str
    comment: str | None


@dataclass(frozen=True)
class KpiTile:
    kpi: str
    name: str
    value: str
    target: str
    band: str
    judgement: str
    change: str | None
    counts: str | None
    comment: str | None


@dataclass(frozen=True)
class KeyFigure:
    """A key figure of Lägesbild besides the areas and KPIs (phishing, the members' training, documents):
    a label, its value, the lines under it, and a tone (green, amber, red) the notes also say in words."""

    label: str
    value: str
    notes: tuple[str, ...]
    tone: str | None = None


@dataclass
class SituationPicture:
    period: str
    previous: str
    areas: list[AreaTile] = field(default_factory=list)
    kpis: list[KpiTile] = field(default_factory=list)
    critical_year: int = 0
    critical_by_year: dict[int, int] = field(default_factory=dict)
    recommendation_counts: dict[str, int] = field(default_factory=dict)
    overdue: list[str] = field(default_factory=list)
    self_assessment: str | None = None
    changes: list[Change] = field(default_factory=list)

    def summary(self) -> str:
        red = sum(1 for a in self.areas if a.status == "red")
        amber = sum(1 for a in self.areas if a.status == "amber")
        green = sum(1 for a in self.areas if a.status == "green")
        colours = ", ".join(
            f"{n} {word[0] if n == 1 else word[1]}"
            for n, word in ((green, ("grönt", "gröna")), (amber, ("gult", "gula")), (red, ("rött", "röda")))
        )
        areas = "område" if len(self.areas) == 1 else "områden"
        parts = [f"{quarter_label(self.period).capitalize()}: av {len(self.areas)} {areas} är {colours}"]
        critical = self.critical_by_year.get(self.critical_year, 0)
        parts.append(f"{critical} kritiska incidenter hittills {self.critical_year}")
        done = self.recommendation_counts.get("done", 0) + self.recommendation_counts.get("closed", 0)
        total = sum(self.recommendation_counts.values())
        if total:
            parts.append(f"{done} av {total} rekommendationer genomförda")
        return "; ".join(parts) + "."


def build_situation(
    *,
    period: str,
    statuses: pd.DataFrame,
    kpi_values: pd.DataFrame,
    critical: pd.DataFrame,
    critical_by_year: dict[int, int],
    recommendations: pd.DataFrame,
    self_assessment_shares: pd.DataFrame,
    config: Config,
    today: dt.date,
) -> SituationPicture:
    previous = previous_quarter(period)
    picture = SituationPicture(period=period, previous=previous)
    now = statuses[statuses["period"] == period]
    before = {(r.unit, r.area): r.status for r in statuses[statuses["period"] == previous].itertuples()}
    for area in config.areas:
        rows = now[now["area"] == area.id]
        if rows.empty:
            continue
        worst = max(rows.itertuples(), key=lambda r: status_rules.LEVEL[r.status])
        was = before.get((worst.unit, area.id))
        picture.areas.append(
            AreaTile(
                area=area.name,
                status=worst.status,
                word=STATUS_WORDS[worst.status],
                symbol=STATUS_SYMBOLS[worst.status],
                movement=status_rules.ARROWS[status_rules.movement(was, worst.status)],
                comment=worst.comment,
            )
        )
    picture.kpis = _kpi_tiles(kpi_values, period, previous, config)
    picture.critical_year = int(period[:4])
    picture.critical_by_year = {y: n for y, n in critical_by_year.items() if y <= picture.critical_year}
    picture.recommendation_counts = status_counts(recommendations)
    picture.overdue = [
        f"{r.recommendation_id}: {r.recommendation} (slutdatum {r.due_date}, {REC_WORDS[r.status].lower()})"
        for r in recommendations.itertuples()
        if r.overdue
    ]
    picture.self_assessment = _self_assessment_headline(self_assessment_shares, config)
    picture.changes = (
        status_changes(statuses, period, previous, config)
        + kpi_changes(kpi_values, period, previous, config)
        + new_critical_incidents(critical, period)
        + recommendation_changes(
            recommendations.assign(status_word=recommendations["status"].map(REC_WORDS)), period, today
        )
    )
    return picture


def _kpi_tiles(values: pd.DataFrame, period: str, previous: str, config: Config) -> list[KpiTile]:
    """The latest value of each KPI up to the quarter (a yearly survey stays shown until the next)."""
    tiles = []
    for kpi_id, kpi in config.kpis.items():
        history = values[(values["kpi"] == kpi_id) & (values["period"] <= period)].sort_values("period")
        if history.empty:
            continue
        row = history.iloc[-1]
        earlier = history[history["period"] == previous_quarter(row["period"])]
        change = None
        if not earlier.empty:
            delta = row["value"] - earlier.iloc[0]["value"]
            sign = "+" if delta > 0 else "−" if delta < 0 else "±"
            amount = (
                f"{swedish_decimal(abs(delta), 1)} procentenheter"
                if kpi.unit == "percent"
                else (swedish_value(abs(delta), kpi.unit))
            )
            change = f"{sign}{amount} sedan föregående kvartal"
        counts = None
        if row["numerator"] is not None and not pd.isna(row["numerator"]):
            counts = f"{swedish_int(row['numerator'])} av {swedish_int(row['denominator'])}"
        measured = "" if row["period"] == period else f" (senast mätt {row['period']})"
        tiles.append(
            KpiTile(
                kpi=kpi_id,
                name=kpi.name + measured,
                value=swedish_value(row["value"], kpi.unit),
                target=swedish_value(kpi.target, kpi.unit),
                band=row["band"],
                judgement=f"{BAND_SYMBOLS[row['band']]} {BAND_WORDS[row['band']]}",
                change=change,
                counts=counts,
                comment=row["comment"] if isinstance(row["comment"], str) else None,
            )
        )
    return tiles


def _self_assessment_headline(shares: pd.DataFrame, config: Config) -> str | None:
    satisfied = shares[shares["rating"] == "satisfactory"].sort_values("year")
    if satisfied.empty:
        return None
    name = config.assessments["internal_control"].name if "internal_control" in config.assessments else ""
    last = satisfied.iloc[-1]
    text = f"{name} {last['year']}: {swedish_percent(last['share'])} av bedömningarna tillfredsställande"
    if len(satisfied) > 1:
        first = satisfied.iloc[0]
        text += f" ({first['year']}: {swedish_percent(first['share'])})"
    return text + "."


Ask = Callable[..., Any]


def situation_from(ask: Ask, units: tuple[str, ...], period: str, config: Config, on: dt.date) -> SituationPicture:
    """The situation picture from the answers of `ask` (as of a meeting's batch, or today's); what is
    overdue is judged on `on` (at a meeting, its date)."""
    return build_situation(
        period=period,
        statuses=ask(status_queries.status_by_quarter, units, (period, previous_quarter(period))),
        kpi_values=quarterly_values(ask(status_queries.kpi_series, units), config.kpis),
        critical=ask(incident_queries.critical_incidents, units),
        critical_by_year=ask(incident_queries.critical_incidents_by_year),
        recommendations=with_overdue(ask(recommendation_queries.recommendations_with_progress), on),
        self_assessment_shares=shares_by_year(
            ask(self_assessment_queries.rating_counts_by_year, "internal_control", ())
        ),
        config=config,
        today=on,
    )


def meeting_figures(ask: Ask, units: tuple[str, ...], quarter: str, config: Config, on: dt.date) -> dict[str, Any]:
    """The figures 'Sedan förra mötet' compares, from the answers of `ask`."""
    return {
        "statuses": ask(status_queries.status_by_quarter, units, (quarter,)),
        "kpi_values": quarterly_values(ask(status_queries.kpi_series, units), config.kpis),
        "critical": ask(incident_queries.critical_incidents, units),
        "recommendations": with_overdue(ask(recommendation_queries.recommendations_with_progress), on),
    }


def changes_since_meeting(
    ask_before: Ask, before: MeetingRecord, ask_now: Ask, now: MeetingRecord, config: Config
) -> list[Change]:
    """'Sedan förra mötet': what moved between the body's previous record and this one, each read as of its
    own batch."""
    units = (now.body,)
    return changes_between_meetings(
        before=meeting_figures(ask_before, units, before.quarter, config, before.meeting_date),
        now=meeting_figures(ask_now, units, now.quarter, config, now.meeting_date),
        before_quarter=before.quarter,
        now_quarter=now.quarter,
        config=config,
    )
