"""The status view's words and tables: summaries of the heat map and the KPIs, in Swedish formats."""

from __future__ import annotations

from functools import partial

import pandas as pd

from charts.kpis import kpi_chart
from charts.status import status_heatmap
from domain.configuration import Config, Kpi
from domain.datasets.kpis import DATASET as KPIS
from domain.datasets.status import DATASET as STATUS
from domain.formatting import swedish_int, swedish_value
from domain.roles import VIEW_NAMED
from domain.vocabulary import BAND_SYMBOLS, BAND_WORDS, STATUS_SYMBOLS, STATUS_WORDS
from queries import status as status_queries
from rules.kpis import quarterly_values
from view_models.sections import About, Ask, Chart, Heading, Scope, Section, Table, Text, ViewContent

QUARTERS_SHOWN = 8


def recent_quarters(cells: pd.DataFrame, count: int) -> pd.DataFrame:
    """The cells of the latest `count` quarters among them."""
    latest = sorted(cells["period"].unique())[-count:]
    return cells[cells["period"].isin(latest)]


def heatmap_summary(cells: pd.DataFrame, period: str, config: Config) -> str:
    now = cells[cells["period"] == period]
    red = [config.area_names[a] for a in now.loc[now["status"] == "red", "area"]]
    amber = [config.area_names[a] for a in now.loc[now["status"] == "amber", "area"]]
    text = f"{period}: {len(now) - len(red) - len(amber)} av {len(now)} områden gröna"
    if amber:
        text += f"; gula: {', '.join(amber)}"
    if red:
        text += f"; röda: {', '.join(red)}"
    return text + "."


def heatmap_table(cells: pd.DataFrame, config: Config) -> pd.DataFrame:
    table = cells.assign(
        Område=cells["area"].map(config.area_names),
        Status=cells["status"].map(lambda s: f"{STATUS_SYMBOLS[s]} {STATUS_WORDS[s]}"),
    ).pivot(index="Område", columns="period", values="Status")
    order = [a for a in config.area_names.values() if a in table.index]
    return table.loc[order].reset_index().fillna("–")


def kpi_summary(series: pd.DataFrame, kpi: Kpi) -> str:
    last = series.iloc[-1]
    text = (
        f"{last['period']}: {swedish_value(last['value'], kpi.unit)} mot målet "
        f"{swedish_value(kpi.target, kpi.unit)} – {BAND_WORDS[last['band']].lower()}"
    )
    if last["numerator"] is not None and not pd.isna(last["numerator"]):
        text += f" ({swedish_int(last['numerator'])} av {swedish_int(last['denominator'])})"
    if len(series) > 1:
        first = series.iloc[0]
        text += f". {first['period']}: {swedish_value(first['value'], kpi.unit)}"
    return text + "."


def kpi_table(series: pd.DataFrame, kpi: Kpi) -> pd.DataFrame:
    def counts(numerator: float | None, denominator: float) -> str:
        if numerator is None or pd.isna(numerator):
            return "–"
        return f"{swedish_int(numerator)} av {swedish_int(denominator)}"

    return pd.DataFrame(
        {
            "Kvartal": series["period"],
            "Värde": [swedish_value(v, kpi.unit) for v in series["value"]],
            "Mål": swedish_value(kpi.target, kpi.unit),
            "Bedömning": [f"{BAND_SYMBOLS[b]} {BAND_WORDS[b]}" for b in series["band"]],
            "Underlag": [counts(n, d) for n, d in zip(series["numerator"], series["denominator"], strict=True)],
            "Kommentar": series["comment"].fillna(""),
        }
    )


def comment_rows(statuses: pd.DataFrame, config: Config) -> pd.DataFrame:
    rows = statuses[statuses["comment"].notna() & (statuses["comment"] != "")]
    return pd.DataFrame(
        {
            "Enhet": rows["unit"].map(config.unit_names),
            "Område": rows["area"].map(config.area_names),
            "Status": rows["status"].map(lambda s: f"{STATUS_SYMBOLS[s]} {STATUS_WORDS[s]}"),
            "Kommentar": rows["comment"],
        }
    )


def kpi_definition(kpi: Kpi) -> str:
    better = "högre är bättre" if kpi.better == "higher" else "lägre är bättre"
    return (
        f"Definition: {kpi.description}  \nKälla: {kpi.source}  \nÄgare: {kpi.owner or '–'}  \n"
        f"Mål: {swedish_value(kpi.target, kpi.unit)} ({better}). Når målet när målet nås; nära målet fram till "
        f"{swedish_value(kpi.amber, kpi.unit)}; långt från målet bortom det."
    )


def provenance_of(ask: Ask, kpi_id: str, kpi: Kpi, units: tuple[str, ...], config: Config) -> pd.DataFrame:
    """The latest values of one KPI with where each came from (every KPI's are asked at once, and cached)."""
    sources = ask(status_queries.kpi_provenance, units)
    return provenance_table(sources[sources["kpi"] == kpi_id], kpi, config)


def provenance_table(rows: pd.DataFrame, kpi: Kpi, config: Config) -> pd.DataFrame:
    """Each value with the import and the row it came from, so a figure can be traced."""
    from domain.formatting import swedish_datetime

    return pd.DataFrame(
        {
            "Period": rows["period"],
            "Enhet": rows["unit"].map(lambda u: config.unit_names.get(u, u)),
            "Värde": [swedish_value(v, kpi.unit) for v in rows["value"]],
            "Import": [
                f"nr {b}, {swedish_datetime(t)}, {u}"
                for b, t, u in zip(rows["batch"], rows["created_at"], rows["user_name"], strict=True)
            ],
            "Fil och rad": [
                f"{s}, rad {int(r)}"
                if pd.notna(r)
                else f"{s}: räknat ur registret, {swedish_int(n)} av {swedish_int(d)}"
                for s, r, n, d in zip(
                    rows["source"], rows["source_row"], rows["numerator"], rows["denominator"], strict=True
                )
            ],
        }
    )


QUARTERS_ON_A_SLIDE = 4


def compose(ask: Ask, scope: Scope, config: Config) -> ViewContent:
    """The first unit's areas × quarters up to the scope's quarter, each KPI of the units over time against
    its target with what it is and where each value came from, and the quarter's comments."""
    view = VIEW_NAMED["status"]
    unit = scope.units[0] if scope.units else scope.body
    names = config.unit_names
    period = scope.quarter or ""
    sections: list[Section] = []
    if len(scope.units) > 1:
        sections.append(Text(f"Översikten per område visar {names[unit]}; nyckeltalen gäller alla valda enheter."))
    cells = ask(status_queries.status_matrix, unit)
    cells = cells[cells["period"] <= period]
    heading = f"Status per område och kvartal – {names[unit]}"
    if cells.empty:
        sections += [Heading(heading), Text("Ingen status är rapporterad för enheten.")]
    else:
        quarters = QUARTERS_ON_A_SLIDE if scope.in_deck else QUARTERS_SHOWN
        shown = recent_quarters(cells, quarters)  # ten years of quarters would not be readable
        summary = heatmap_summary(cells, period, config)
        note = (
            f" Kartan visar de senaste {quarters} kvartalen; alla finns i tabellen." if len(shown) < len(cells) else ""
        )
        sections.append(
            Chart(
                "Status per område och kvartal",
                status_heatmap(shown, config.area_names),
                summary + ("" if scope.in_deck else note),
                heatmap_table(cells, config),
                f"status-{unit}.csv",
                fit="rows",
                heading=heading,
                datasets=(STATUS.name,),
            )
        )
    values = quarterly_values(ask(status_queries.kpi_series, scope.units or (unit,)), config.kpis)
    values = values[values["period"] <= period]
    sections.append(Heading("Nyckeltal över tid"))
    for kpi_id, kpi in config.kpis.items():
        series = values[values["kpi"] == kpi_id]
        if series.empty:
            continue
        provenance = None
        if not scope.in_deck:
            sources = partial(provenance_of, ask, kpi_id, kpi, scope.units or (unit,), config)
            provenance = About("Om nyckeltalet: definition, källa och import", kpi_definition(kpi), sources)
        sections.append(
            Chart(
                kpi.name,
                kpi_chart(series, kpi),
                kpi_summary(series, kpi),
                kpi_table(series, kpi),
                f"{kpi_id}.csv",
                fit="pair",
                slide_title="Nyckeltal över tid",
                about=provenance,
                minor=True,
                datasets=(KPIS.name,),
            )
        )
    if not scope.in_deck:
        comments = comment_rows(ask(status_queries.status_by_quarter, scope.units or (unit,), (period,)), config)
        sections.append(Heading(f"Kommentarer {period}"))
        sections.append(Text("Inga kommentarer detta kvartal.") if comments.empty else Table("", comments))
    return ViewContent(view, names.get(unit, unit), tuple(sections))
