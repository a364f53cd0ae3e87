"""Information classification: per unit, the share of systems classified, risk-analysed and followed up."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.theme import SERIES_COLOURS

STEP_WORDS = {
    "classified": "Klassade",
    "risk_analysed": "Med riskanalys",
    "followed_up": "Åtgärder uppföljda",
}


def coverage_by_unit(coverage: pd.DataFrame, unit_names: dict[str, str]) -> alt.Chart:
    """coverage (with shares): a bar per unit and step, the step's share of the unit's systems."""
    long = coverage.melt(
        id_vars=["unit", "systems"],
        value_vars=[f"{s}_share" for s in STEP_WORDS],
        var_name="step",
        value_name="share",
    )
    steps = list(STEP_WORDS.values())
    data = long.assign(
        Enhet=long["unit"].map(lambda u: unit_names.get(u, u)),
        Steg=long["step"].str.removesuffix("_share").map(STEP_WORDS),
        Andel=long["share"].round(0),
        System=long["systems"],
    )
    colour = alt.Color("Steg:N", sort=steps, scale=alt.Scale(domain=steps, range=SERIES_COLOURS[:3]))
    base = alt.Chart(data).encode(
        y=alt.Y("Enhet:N", title=None),
        yOffset=alt.YOffset("Steg:N", sort=steps),
        x=alt.X("Andel:Q", title="Andel av enhetens system (%)", scale=alt.Scale(domain=[0, 100])),
    )
    bars = base.mark_bar().encode(
        color=colour, tooltip=["Enhet:N", "Steg:N", alt.Tooltip("Andel:Q", format=".0f"), "System:Q"]
    )
    labels = base.mark_text(align="left", dx=3, fontSize=11).encode(text=alt.Text("Andel:Q", format=".0f"))
    return (bars + labels).properties(height=alt.Step(14))
