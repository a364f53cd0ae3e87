"""A KPI over time: its values, the target as a dashed line and the threshold bands behind them."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.theme import STATUS_COLOURS
from domain.configuration import Kpi
from domain.vocabulary import BAND_SYMBOLS, BAND_WORDS


def kpi_chart(values: pd.DataFrame, kpi: Kpi) -> alt.LayerChart | alt.FacetChart:
    """values: period, value, band."""
    unit_title = {"percent": "Procent", "count": "Antal", "days": "Dagar", "hours": "Timmar"}[kpi.unit]
    top = 100.0 if kpi.unit == "percent" else max([kpi.amber * 1.5, *values["value"].tolist(), 1.0])
    # The zones are the verdicts: the target met, near it (up to the amber threshold), far from it.
    if kpi.better == "higher":
        bands = [(0, kpi.amber, "red"), (kpi.amber, kpi.target, "amber"), (kpi.target, top, "green")]
    else:
        bands = [(0, kpi.target, "green"), (kpi.target, kpi.amber, "amber"), (kpi.amber, top, "red")]
    # The zones and the target are a few fixed values: inline, not a data frame to convert and hash.
    band_rows = alt.InlineData(
        values=[{"från": lo, "till": hi, "Zon": BAND_WORDS[b], "band": b} for lo, hi, b in bands if hi > lo]
    )
    fmt = ".0f" if kpi.unit != "percent" else ".1f"
    y = alt.Y("value:Q", title=unit_title, scale=alt.Scale(domain=[0, top], nice=False))
    zones = (
        alt.Chart(band_rows)
        .mark_rect(opacity=0.13)
        .encode(
            y=alt.Y("från:Q", scale=alt.Scale(domain=[0, top], nice=False), title=unit_title),
            y2=alt.Y2("till:Q"),
            color=alt.Color(
                "band:N", scale=alt.Scale(domain=list(STATUS_COLOURS), range=list(STATUS_COLOURS.values())), legend=None
            ),
        )
    )
    frame = values.assign(
        Kvartal=values["period"],
        Värde=values["value"],
        Bedömning=values["band"].map(lambda b: f"{BAND_SYMBOLS[b]} {BAND_WORDS[b]}"),
    )
    line = (
        alt.Chart(frame)
        .mark_line(point=alt.OverlayMarkDef(size=80, filled=True), color="#0072B2")
        .encode(
            x=alt.X(
                "Kvartal:O",
                title=None,
                axis=alt.Axis(labelAngle=0 if len(frame) <= 12 else -45, labelOverlap="greedy"),
            ),
            y=y,
            tooltip=[alt.Tooltip("Kvartal:N"), alt.Tooltip("Värde:Q", format=fmt), alt.Tooltip("Bedömning:N")],
        )
    )
    target = (
        alt.Chart(alt.InlineData(values=[{"mål": kpi.target, "Mål": f"Mål {kpi.target:g}"}]))
        .mark_rule(strokeDash=[6, 4], color="black", strokeWidth=2)
        .encode(y=alt.Y("mål:Q"), tooltip=[alt.Tooltip("Mål:N")])
    )
    return alt.layer(zones, target, line, height=260)  # layers share the y scale
