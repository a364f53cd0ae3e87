"""Charts of the exploration view: bar, line or heat map over one or two groupings."""

from __future__ import annotations

import altair as alt
import pandas as pd

PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


def explore_chart(
    frame: pd.DataFrame,
    kind: str,
    first: str,
    second: str | None,
    value_title: str,
    value_format: str,
    colours: dict[str, str] | None = None,
) -> alt.Chart:
    """frame: the labelled grouping columns `first` (and `second`) and `Värde`; `colours` maps the second
    grouping's labels to the colours the board views use for them (severity, category, status, rating)."""
    tooltip = [
        alt.Tooltip(f"{first}:N"),
        *([alt.Tooltip(f"{second}:N")] if second else []),
        alt.Tooltip("Värde:Q", format=value_format),
    ]
    if kind == "heatmap" and second:
        base = alt.Chart(frame).encode(x=alt.X(f"{first}:O", title=first), y=alt.Y(f"{second}:N", title=second))
        cells = base.mark_rect().encode(
            color=alt.Color("Värde:Q", scale=alt.Scale(scheme="blues"), title=value_title), tooltip=tooltip
        )
        text = base.mark_text().encode(text=alt.Text("Värde:Q", format=value_format))
        return (cells + text).properties(height=alt.Step(26))
    encoding = {
        "x": alt.X(f"{first}:O", title=first, axis=alt.Axis(labelAngle=-45 if len(frame) > 12 else 0)),
        "y": alt.Y("Värde:Q", title=value_title, axis=alt.Axis(format=value_format)),
        "tooltip": tooltip,
    }
    if second:
        scale = alt.Scale(domain=list(colours), range=list(colours.values())) if colours else alt.Scale(range=PALETTE)
        encoding["color"] = alt.Color(f"{second}:N", title=second, scale=scale)
    mark = alt.Chart(frame).mark_line(point=True) if kind == "line" else alt.Chart(frame).mark_bar()
    return mark.encode(**encoding).properties(height=340)
