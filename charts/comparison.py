"""One figure across organisations: a bar each, the value written at its end, each organisation's own
target as a tick (targets may differ per organisation)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.theme import SERIES_COLOURS


def across_organisations(rows: pd.DataFrame, axis_title: str, top: float | None) -> alt.LayerChart | alt.FacetChart:
    """rows: Organisation, Värde, Visas (the value in words), Mål (None where there is none)."""
    order = rows["Organisation"].tolist()
    x = alt.X("Värde:Q", title=axis_title, scale=alt.Scale(domain=[0, top]) if top else alt.Undefined)
    y = alt.Y("Organisation:N", title=None, sort=order)
    bars = (
        alt.Chart(rows)
        .mark_bar(color=SERIES_COLOURS[0])
        .encode(y=y, x=x, tooltip=["Organisation:N", "Visas:N", "Mål:Q"])
    )
    labels = bars.mark_text(align="left", dx=6, fontSize=16).encode(text="Visas:N")
    with_target = rows.dropna(subset=["Mål"])
    if with_target.empty:  # a status area has no target (an empty layer would be an unlabelled graphic)
        return alt.layer(bars, labels, height=alt.Step(56))
    targets = (
        alt.Chart(with_target)
        .mark_tick(color="black", thickness=3, size=34)
        .encode(y=y, x=alt.X("Mål:Q"), tooltip=["Organisation:N", "Mål:Q"])
    )
    return alt.layer(bars, labels, targets, height=alt.Step(56))
