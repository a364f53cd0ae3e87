"""A KPI over time: its values, the target as a dashed line and the threshold bands behind them."""

from __future__ import annotations

from functools import lru_cache

import altair as alt
import pandas as pd

from charts.render import Filled, Grammar
from charts.theme import STATUS_COLOURS
from domain.configuration import Kpi
from domain.vocabulary import BAND_SYMBOLS, BAND_WORDS

TILTED_FROM = 13  # quarters: more labels than this are set at an angle


def kpi_chart(values: pd.DataFrame, kpi: Kpi) -> Filled:
    """values: period, value, band. The y axis runs from 0 to the top of the zones: 100 for a percentage,
    otherwise past the amber threshold, the target and every value."""
    top = 100.0 if kpi.unit == "percent" else max([kpi.amber * 1.5, kpi.target, *values["value"].tolist(), 1.0])
    # The zones are the verdicts: the target met, near it (up to the amber threshold), far from it.
    if kpi.better == "higher":
        bands = [(0, kpi.amber, "red"), (kpi.amber, kpi.target, "amber"), (kpi.target, top, "green")]
    else:
        bands = [(0, kpi.target, "green"), (kpi.target, kpi.amber, "amber"), (kpi.amber, top, "red")]
    frame = values.assign(
        Kvartal=values["period"],
        Värde=values["value"],
        Bedömning=values["band"].map(lambda b: f"{BAND_SYMBOLS[b]} {BAND_WORDS[b]}"),
    )
    zones = [{"från": lo, "till": hi, "Zon": BAND_WORDS[b], "band": b} for lo, hi, b in bands if hi > lo]
    return Filled(_grammar(kpi, len(frame) >= TILTED_FROM), {"zones": zones, "values": frame})


@lru_cache(maxsize=512)  # bounded: each organisation may have its own targets
def _grammar(kpi: Kpi, tilted: bool) -> Grammar:
    """The chart of a KPI with its zones and values named: the same for every unit. The zones span the
    y scale (no fixed domain), so each unit's chart reaches as high as its own values."""
    unit_title = {"percent": "Procent", "count": "Antal", "days": "Dagar", "hours": "Timmar"}[kpi.unit]
    fmt = ".0f" if kpi.unit != "percent" else ".1f"
    y_scale = alt.Scale(nice=False, zero=True)
    zones = (
        alt.Chart(alt.NamedData("zones"))
        .mark_rect(opacity=0.13)
        .encode(
            y=alt.Y("från:Q", scale=y_scale, title=unit_title),
            y2=alt.Y2("till:Q"),
            color=alt.Color(
                "band:N", scale=alt.Scale(domain=list(STATUS_COLOURS), range=list(STATUS_COLOURS.values())), legend=None
            ),
        )
    )
    line = (
        alt.Chart(alt.NamedData("values"))
        .mark_line(point=alt.OverlayMarkDef(size=80, filled=True), color="#0072B2")
        .encode(
            x=alt.X("Kvartal:O", title=None, axis=alt.Axis(labelAngle=-45 if tilted else 0, labelOverlap="greedy")),
            y=alt.Y("value:Q", title=unit_title, scale=y_scale),
            tooltip=[alt.Tooltip("Kvartal:N"), alt.Tooltip("Värde:Q", format=fmt), alt.Tooltip("Bedömning:N")],
        )
    )
    # The target is a fixed value of the KPI: inline, not a data frame to convert and hash.
    target = (
        alt.Chart(alt.InlineData(values=[{"mål": kpi.target, "Mål": f"Mål {kpi.target:g}"}]))
        .mark_rule(strokeDash=[6, 4], color="black", strokeWidth=2)
        .encode(y=alt.Y("mål:Q"), tooltip=[alt.Tooltip("Mål:N")])
    )
    return Grammar(alt.layer(zones, target, line, height=260))  # layers share the y scale
