"""Data-quality findings: where data is missing, stale or incomplete, said in plain Swedish."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from domain.configuration import Config
from domain.formatting import swedish_date


@dataclass(frozen=True)
class Finding:
    check: str
    text: str


def _quarters_between(first: str, last: str) -> list[str]:
    out, year, quarter = [], int(first[:4]), int(first[5])
    while f"{year}Q{quarter}" <= last:
        out.append(f"{year}Q{quarter}")
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return out


def missing_quarters(quarters: pd.DataFrame, config: Config) -> list[Finding]:
    """For each unit that reports status: the quarters from its first report up to the latest quarter
    reported anywhere that it has no status for."""
    if quarters.empty:
        return []
    latest = quarters["period"].max()
    findings = []
    for unit, periods in quarters.groupby("unit")["period"]:
        reported = set(periods.tolist())  # once per unit: it was built again for every quarter
        gaps = [q for q in _quarters_between(min(reported), latest) if q not in reported]
        if gaps:
            findings.append(Finding("Kvartal saknas", f"{config.unit_names.get(unit, unit)}: {', '.join(gaps)}"))
    return findings


def units_without_self_assessment(assessed: pd.DataFrame, config: Config, assessment: str) -> list[Finding]:
    if assessed.empty:
        return []
    year = int(assessed["year"].max())
    done = set(assessed.loc[assessed["year"] == year, "unit"])
    missing = [u.name for u in config.organisation.units if u.id not in done and u.type != "administration"]
    if not missing:
        return []
    name = config.assessments[assessment].name
    return [Finding("Självskattning saknas", f"{name} {year}: {', '.join(missing)}")]


def stale_sources(
    last_imports: dict[str, dt.datetime | None], titles: dict[str, str], days: int, now: dt.datetime
) -> list[Finding]:
    return [
        Finding("Gammal källa", f"{titles[d]}: senaste import {swedish_date(at)}, äldre än {days} dagar")
        for d, at in last_imports.items()
        if at is not None and now - (at if at.tzinfo else at.replace(tzinfo=dt.UTC)) > dt.timedelta(days=days)
    ]


def incomplete_reports(critical: pd.DataFrame, complete: pd.Series) -> list[Finding]:
    missing = critical[~complete]
    return [
        Finding(
            "Ofullständig incidentrapport",
            f"{r.reference or 'utan ärendenummer'} {swedish_date(r.date)}: {r.title or ''}".strip(),
        )
        for r in missing.itertuples()
    ]


def overdue_without_update(recommendations: pd.DataFrame, today: dt.date) -> list[Finding]:
    """Past due, not done, and nothing reported since the due date."""
    findings = []
    for r in recommendations.itertuples():
        if not r.overdue:
            continue
        last = r.status_date
        if last is None or pd.isna(last) or pd.Timestamp(last).date() <= pd.Timestamp(r.due_date).date():
            findings.append(
                Finding(
                    "Försenad utan uppdatering",
                    f"{r.recommendation_id}: slutdatum {swedish_date(r.due_date)}, senaste "
                    f"uppdatering {swedish_date(last) if last is not None and not pd.isna(last) else 'ingen'}",
                )
            )
    return findings
