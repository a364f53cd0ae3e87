"""'Sedan förra kvartalet': what changed, made from the data, in sentences a board member reads aloud."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from domain.configuration import Config
from domain.formatting import swedish_date, swedish_value
from domain.periods import quarter_months
from domain.vocabulary import BAND_WORDS, STATUS_WORDS
from rules import status as status_rules


@dataclass(frozen=True)
class Change:
    kind: str  # 'better', 'worse' or 'info': shown as a word and a symbol, not by colour alone
    text: str


def status_changes(statuses: pd.DataFrame, period: str, previous: str, config: Config) -> list[Change]:
    before = {(r.unit, r.area): r.status for r in statuses[statuses["period"] == previous].itertuples()}
    out = []
    for r in statuses[statuses["period"] == period].itertuples():
        was = before.get((r.unit, r.area))
        move = status_rules.movement(was, r.status)
        if move in ("better", "worse") and was is not None:
            area = config.area_names.get(r.area, r.area)
            unit = config.unit_names.get(r.unit, r.unit)
            out.append(Change(move, f"{area} ({unit}): {STATUS_WORDS[was]} → {STATUS_WORDS[r.status]}"))
    return out


def kpi_changes(values: pd.DataFrame, period: str, previous: str, config: Config) -> list[Change]:
    out = []
    now = values[values["period"] == period].set_index("kpi")
    before = values[values["period"] == previous].set_index("kpi")
    for kpi_id, row in now.iterrows():
        if kpi_id not in before.index or before.loc[kpi_id, "band"] == row["band"]:
            continue
        kpi = config.kpis[kpi_id]
        was = before.loc[kpi_id]
        worse = ["green", "amber", "red"].index(row["band"]) > ["green", "amber", "red"].index(was["band"])
        out.append(
            Change(
                "worse" if worse else "better",
                f"{kpi.name}: {swedish_value(was['value'], kpi.unit)} → {swedish_value(row['value'], kpi.unit)} "
                f"({BAND_WORDS[was['band']].lower()} → {BAND_WORDS[row['band']].lower()}; "
                f"mål {swedish_value(kpi.target, kpi.unit)})",
            )
        )
    return out


def new_critical_incidents(critical: pd.DataFrame, period: str) -> list[Change]:
    first, last = quarter_months(period)
    months = pd.to_datetime(critical["date"]).dt.strftime("%Y-%m") if len(critical) else pd.Series(dtype=str)
    inside = critical[(months >= first) & (months <= last)] if len(critical) else critical
    return [
        Change("worse", f"Ny kritisk incident {swedish_date(r.date)}: {r.title or r.reference or 'utan rubrik'}")
        for r in inside.itertuples()
    ]


def recommendation_changes(recommendations: pd.DataFrame, period: str, today: dt.date) -> list[Change]:
    first, last = quarter_months(period)
    months = pd.to_datetime(recommendations["done_date"]).dt.strftime("%Y-%m")
    done_in_quarter = months.notna() & (months >= first) & (months <= last)
    out = []
    for r, in_quarter in zip(  # only the rows that say something: a city has thousands
        recommendations[done_in_quarter | recommendations["overdue"]].itertuples(),
        done_in_quarter[done_in_quarter | recommendations["overdue"]],
        strict=True,
    ):
        if in_quarter:
            out.append(Change("better", f"Rekommendation {r.recommendation_id} genomförd {swedish_date(r.done_date)}"))
        if r.overdue:
            out.append(
                Change(
                    "worse",
                    f"Rekommendation {r.recommendation_id} är försenad (slutdatum "
                    f"{swedish_date(r.due_date)}, status {r.status_word.lower()})",
                )
            )
    return out


def changes_between_meetings(
    *,
    before: dict[str, pd.DataFrame],
    now: dict[str, pd.DataFrame],
    before_quarter: str,
    now_quarter: str,
    config: Config,
) -> list[Change]:
    """'Sedan förra mötet': what moved between what two meetings of a body were shown, each read as of its
    own batch. `before` and `now` hold statuses, kpi_values, critical and recommendations (with overdue)."""
    statuses = pd.concat(
        [
            before["statuses"][before["statuses"]["period"] == before_quarter].assign(period="före"),
            now["statuses"][now["statuses"]["period"] == now_quarter].assign(period="nu"),
        ]
    )
    kpis = pd.concat(
        [
            _latest_per_kpi(before["kpi_values"], before_quarter).assign(period="före"),
            _latest_per_kpi(now["kpi_values"], now_quarter).assign(period="nu"),
        ]
    )
    out = status_changes(statuses, "nu", "före", config) + kpi_changes(kpis, "nu", "före", config)
    known = set(zip(before["critical"]["date"], before["critical"]["reference"], strict=True))
    for r in now["critical"].itertuples():
        if (r.date, r.reference) not in known:
            out.append(
                Change(
                    "worse", f"Ny kritisk incident {swedish_date(r.date)}: {r.title or r.reference or 'utan rubrik'}"
                )
            )
    was = before["recommendations"].set_index("recommendation_id")
    for r in now["recommendations"].itertuples():
        earlier = was.loc[r.recommendation_id] if r.recommendation_id in was.index else None
        finished = r.status in ("done", "closed")
        if finished and (earlier is None or earlier["status"] not in ("done", "closed")):
            out.append(Change("better", f"Rekommendation {r.recommendation_id} genomförd"))
        if r.overdue and (earlier is None or not earlier["overdue"]):
            out.append(Change("worse", f"Rekommendation {r.recommendation_id} har blivit försenad"))
    return out


def _latest_per_kpi(values: pd.DataFrame, quarter: str) -> pd.DataFrame:
    """Each KPI's latest value up to the quarter (a yearly figure stays until the next)."""
    upto = values[values["period"] <= quarter].sort_values("period")
    return upto.groupby("kpi", as_index=False).last()
