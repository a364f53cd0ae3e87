"""What the comparison says: one KPI, status area, the board's duties or its top risks across the
organisations a visitor has a role in, each figure from that organisation's own rows and configuration
(its targets may differ), summed over its units — a rate from the summed counts, never an average of
rates. For a regional or national round-up the names can be replaced by letters, in the order of the
figure."""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from charts.comparison import across_organisations
from domain.configuration import Config
from domain.formatting import swedish_int, swedish_percent, swedish_value
from domain.periods import period_end
from domain.roles import VIEW_NAMED
from queries.comparison import kpi_totals, measure_statuses, status_counts
from queries.risks import cells
from view_models.sections import Ask, Chart, Text, ViewContent


@dataclass(frozen=True)
class Participant:
    """One organisation in the comparison: its name, its own configuration and its own cached ask."""

    name: str
    config: Config
    ask: Ask


@dataclass(frozen=True)
class Measure:
    id: str  # 'kpi:<id>' or 'status:<area>'
    label: str


@dataclass(frozen=True)
class _Figure:
    value: float | None
    shown: str
    target: float | None = None


def measures(config: Config) -> list[Measure]:
    """Every KPI and status area of the organisation's configuration, the board's duties and its risks."""
    return [
        *(Measure(f"kpi:{k.id}", f"Nyckeltal: {k.name}") for k in config.kpis.values()),
        *(Measure(f"status:{a.id}", f"Status: {a.name}") for a in config.areas),
        Measure("duty:measures", "Ledningens ansvar: riskhanteringsåtgärder genomförda"),
        Measure("risk:top", "Risker: i den högsta nivån"),
    ]


def _kpi(participant: Participant, kpi_id: str, quarter: str) -> _Figure:
    kpi = participant.config.kpis.get(kpi_id)
    if kpi is None:
        return _Figure(None, "nyckeltalet används inte")
    totals = participant.ask(kpi_totals, quarter)
    row = totals[totals["kpi"] == kpi_id]
    if row.empty:
        return _Figure(None, "ingen rapport", kpi.target)
    r = row.iloc[0]
    if kpi.unit == "percent":
        if pd.isna(r["denominator"]) or float(r["denominator"]) <= 0:
            if int(r["units"]) == 1 and not pd.isna(r["value_sum"]):  # one unit's own share is the figure
                value = float(r["value_sum"])
                return _Figure(value, f"{swedish_value(value, 'percent')} (en enhet, utan antal)", kpi.target)
            return _Figure(None, "inga antal att räkna andelen ur", kpi.target)
        value = 100 * float(r["numerator"]) / float(r["denominator"])
        left_out = int(r["units"]) - int(r["counted_units"])
        tail = f"; {left_out} enheter utan antal räknas inte" if left_out else ""
        counts = f"{swedish_int(float(r['numerator']))} av {swedish_int(float(r['denominator']))}"
        return _Figure(value, f"{swedish_value(value, 'percent')} ({counts}{tail})", kpi.target)
    if kpi.unit == "count":
        value = float(r["value_sum"])
        return _Figure(value, f"{swedish_int(value)} ({int(r['units'])} enheter)", kpi.target)
    return _Figure(None, "kan inte summeras över enheter", kpi.target)


def _status(participant: Participant, area: str, quarter: str) -> _Figure:
    counts = participant.ask(status_counts, quarter)
    mine = counts[counts["area"] == area]
    total = int(mine["units"].sum())
    if total == 0:
        return _Figure(None, "ingen rapport")
    green = int(mine.loc[mine["status"] == "green", "units"].sum())
    share = 100 * green / total
    return _Figure(share, f"{green} av {total} enheter gröna ({swedish_percent(share)})")


def _duties(participant: Participant, quarter: str) -> _Figure:
    counted = participant.ask(measure_statuses, quarter)
    applicable = int(counted.loc[counted["status"] != "not_applicable", "rows"].sum())
    if applicable == 0:
        return _Figure(None, "ingen rapport")
    done = int(counted.loc[counted["status"] == "done", "rows"].sum())
    share = 100 * done / applicable
    return _Figure(share, f"{done} av {applicable} åtgärder genomförda ({swedish_percent(share)})")


def _risks(participant: Participant, quarter: str) -> _Figure:
    """The current risks at the quarter's end in the organisation's own highest band."""
    counted = participant.ask(cells, (), period_end(quarter))
    if counted.empty:
        return _Figure(None, "inga bedömda risker")
    top = participant.config.risks.bands[-1]
    high = int(counted.loc[counted["likelihood"] * counted["consequence"] >= top.lowest, "counted"].sum())
    total = int(counted["counted"].sum())
    return _Figure(float(high), f"{high} av {total} risker i nivån {top.name.lower()}")


def _figure(participant: Participant, kind: str, key: str, quarter: str) -> _Figure:
    if kind == "kpi":
        return _kpi(participant, key, quarter)
    if kind == "status":
        return _status(participant, key, quarter)
    return _duties(participant, quarter) if kind == "duty" else _risks(participant, quarter)


def compose(
    participants: Sequence[Participant], measure: Measure, quarter: str, *, letters: bool = False
) -> ViewContent:
    kind, key = measure.id.split(":", 1)
    figures = [(p.name, _figure(p, kind, key, quarter)) for p in participants]
    if letters:  # in the order of the figure, so a letter says nothing of who it is
        figures.sort(key=lambda nf: (nf[1].value is None, -(nf[1].value or 0)))
        figures = [(f"Organisation {string.ascii_uppercase[i]}", f) for i, (_, f) in enumerate(figures)]
    table = pd.DataFrame(
        {
            "Organisation": [n for n, _ in figures],
            "Värde": [f.value for _, f in figures],
            "Visas": [f.shown for _, f in figures],
            "Mål": [f.target for _, f in figures],
        }
    )
    unit = "percent"
    if kind == "kpi":
        unit = next((p.config.kpis[key].unit for p in participants if key in p.config.kpis), "percent")
    if kind == "risk":
        unit = "count"
    axis = "Procent" if unit == "percent" else "Antal"
    what = measure.label.split(": ", 1)[1]
    title = f"{what[:1].upper()}{what[1:]} {quarter}"
    summary = f"{quarter}: " + "; ".join(f"{n} {f.shown}" for n, f in figures) + "."
    targets = {f.target for _, f in figures if f.target is not None}
    if len(targets) == 1:
        summary += f" Målet är {swedish_value(targets.pop(), unit)}."
    elif targets:
        summary += " Organisationerna har olika mål (strecket vid varje stapel)."
    chart = Chart(
        title=title,
        # an organisation without the figure keeps its row, with its words and no bar
        chart=across_organisations(table.fillna({"Värde": 0}), axis, 100.0 if unit == "percent" else None),
        summary=summary,
        table=table.rename(columns={"Visas": "Uppgift"}).drop(columns=["Värde"]),
        file_name=f"jamforelse-{key}-{quarter}.csv",
        on_slide=False,
    )
    method = Text(
        ": varje organisations siffra kommer ur dess egna importer och dess egen konfiguration (dess mål), "
        "summerad över dess enheter; en andel räknas ur de summerade antalen, aldrig som ett medelvärde av andelar.",
        strong="Så räknas det",
    )
    return ViewContent(VIEW_NAMED["comparison"], "organisationerna", (chart, method))
