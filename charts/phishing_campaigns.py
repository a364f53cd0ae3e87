"""Phishing campaigns: the click rate of each campaign per unit against the KPI target, and the hours
each ran against its plan."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.theme import SERIES_COLOURS


def click_rates(campaigns: pd.DataFrame, unit_names: dict[str, str], target: float) -> alt.LayerChart | alt.FacetChart:
    """campaigns with click_rate: a line per unit over the campaigns, and the target as a dashed rule."""
    frame = campaigns.assign(
        Kampanj=campaigns["campaign"],
        Start=campaigns["start_date"].astype(str),
        Enhet=campaigns["unit"].map(lambda u: unit_names.get(u, u)),
        Klickade=campaigns["click_rate"].round(1),
    )
    units = list(dict.fromkeys(frame["Enhet"]))
    line = (
        alt.Chart(frame)
        .mark_line(point=alt.OverlayMarkDef(size=90, filled=True))
        .encode(
            x=alt.X("Start:O", title="Kampanjens start", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("Klickade:Q", title="Andel som klickade (%)", scale=alt.Scale(domainMin=0)),
            color=alt.Color(
                "Enhet:N", scale=alt.Scale(domain=units, range=SERIES_COLOURS[: len(units)]), title="Enhet"
            ),
            shape=alt.Shape("Enhet:N", scale=alt.Scale(domain=units), title="Enhet"),  # without colour too; one legend
            tooltip=["Kampanj:N", "Start:N", "Enhet:N", alt.Tooltip("Klickade:Q", format=".1f")],
        )
    )
    rule = (
        alt.Chart(alt.InlineData(values=[{"mål": target, "Mål": f"Mål {target:g} %"}]))
        .mark_rule(strokeDash=[6, 4], color="black", strokeWidth=2)
        .encode(y="mål:Q", tooltip=["Mål:N"])
    )
    return alt.layer(rule, line, height=280)


def durations(campaigns: pd.DataFrame, unit_names: dict[str, str]) -> alt.Chart:
    """Planned and actual hours per campaign and unit, side by side."""
    rows = []
    for r in campaigns.itertuples():
        label = f"{r.campaign} {unit_names.get(r.unit, r.unit)}"
        for kind, hours in (("Planerade", r.planned_hours), ("Faktiska", r.actual_hours)):
            if hours is not None and not pd.isna(hours):
                rows.append({"Kampanj": label, "Timmar": float(hours), "Tid": kind})
    frame = pd.DataFrame(rows, columns=["Kampanj", "Timmar", "Tid"])
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("Kampanj:N", title=None, sort=None),
            yOffset=alt.YOffset("Tid:N", sort=["Planerade", "Faktiska"]),
            x=alt.X("Timmar:Q", title="Timmar"),
            color=alt.Color(
                "Tid:N", scale=alt.Scale(domain=["Planerade", "Faktiska"], range=["#999999", "#0072B2"]), title=None
            ),
            tooltip=["Kampanj:N", "Tid:N", "Timmar:Q"],
        )
        .properties(height=alt.Step(16))
    )
