"""The risk heat map: likelihood × consequence, each cell coloured by its band and written with the number
of risks in it and the band's name (never colour alone)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.theme import STATUS_COLOURS
from domain.configuration import RiskScale

# Okabe–Ito from green to vermillion (and purple for a fifth band): lowest band first.
BAND_COLOURS = (STATUS_COLOURS["green"], STATUS_COLOURS["amber"], "#E69F00", STATUS_COLOURS["red"], "#CC79A7")


def band_colours(scale: RiskScale) -> list[str]:
    """One colour per band, the highest always the red."""
    n = len(scale.bands)
    return [*BAND_COLOURS[: n - 1], STATUS_COLOURS["red"]] if n < 4 else list(BAND_COLOURS[:n])


def risk_heatmap(grid: pd.DataFrame, scale: RiskScale) -> alt.LayerChart | alt.FacetChart:
    """grid: every cell's Sannolikhet, Konsekvens ('3 Sannolik'), Riskvärde, Riskklass and Antal risker."""
    frame = grid.assign(
        Etikett=[
            f"{n} {'risk' if n == 1 else 'risker'}\n{band}" if n else band
            for n, band in zip(grid["Antal risker"], grid["Riskklass"], strict=True)
        ]
    )
    likelihood = [f"{n} {name}" for n, name in reversed(scale.likelihood.items())]  # the most likely on top
    consequence = [f"{n} {name}" for n, name in scale.consequence.items()]
    base = alt.Chart(frame).encode(
        x=alt.X("Konsekvens:O", sort=consequence, axis=alt.Axis(labelAngle=0, orient="bottom")),
        y=alt.Y("Sannolikhet:O", sort=likelihood),
    )
    cells = base.mark_rect(stroke="white", strokeWidth=3).encode(
        color=alt.Color(
            "Riskklass:N",
            scale=alt.Scale(domain=[b.name for b in scale.bands], range=band_colours(scale)),
            legend=alt.Legend(title="Riskklass"),
        ),
        tooltip=[
            alt.Tooltip("Sannolikhet:N"),
            alt.Tooltip("Konsekvens:N"),
            alt.Tooltip("Riskvärde:Q"),
            alt.Tooltip("Riskklass:N"),
            alt.Tooltip("Antal risker:Q"),
        ],
    )
    text = alt.Text("Etikett:N")
    counted = base.transform_filter(alt.datum["Antal risker"] > 0).mark_text(
        color="black", lineBreak="\n", fontWeight="bold"
    )
    empty = base.transform_filter(alt.datum["Antal risker"] == 0).mark_text(color="black")
    return alt.layer(
        cells, counted.encode(text=text), empty.encode(text=text), height=alt.Step(72), width=alt.Step(150)
    )
