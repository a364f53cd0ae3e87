"""The status view's words and tables: summaries of the heat map and the KPIs, in Swedish formats."""

from __future__ import annotations

import pandas as pd

from domain.configuration import Config, Kpi
from domain.formatting import swedish_int, swedish_value
from domain.vocabulary import BAND_SYMBOLS, BAND_WORDS, STATUS_SYMBOLS, STATUS_WORDS

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
                f"{s}, rad {r}" if r else s for s, r in zip(rows["source"], rows["source_row"], strict=True)
            ],
        }
    )
