"""Status heat map: area × quarter, each cell its colour and its word (never colour alone)."""

from __future__ import annotations

from functools import lru_cache

import altair as alt
import pandas as pd

from charts.render import Filled, Grammar
from charts.theme import STATUS_COLOURS, scale
from domain.vocabulary import STATUS_SYMBOLS as SYMBOLS
from domain.vocabulary import STATUS_WORDS as WORDS


def status_heatmap(cells: pd.DataFrame, area_names: dict[str, str]) -> Filled:
    """cells: period, area, status."""
    frame = cells.assign(
        Område=cells["area"].map(area_names),
        Kvartal=cells["period"],
        Status=cells["status"].map(WORDS),
        Etikett=cells["status"].map(lambda s: f"{SYMBOLS[s]} {WORDS[s]}"),
    )
    return Filled(_grammar(tuple(area_names.values())), {"cells": frame})


@lru_cache(maxsize=512)  # bounded: each organisation may have its own areas
def _grammar(order: tuple[str, ...]) -> Grammar:
    """The heat map with its cells named, the areas in the configuration's order: the same for every unit."""
    base = alt.Chart(alt.NamedData("cells")).encode(
        x=alt.X("Kvartal:O", title=None, axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("Område:N", sort=list(order), title=None),
    )
    cells_layer = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color("Status:N", scale=scale(STATUS_COLOURS, WORDS), legend=alt.Legend(title="Status")),
        tooltip=[alt.Tooltip("Område:N"), alt.Tooltip("Kvartal:N"), alt.Tooltip("Status:N")],
    )
    words = base.mark_text(color="black").encode(text=alt.Text("Etikett:N"))
    return Grammar(alt.layer(cells_layer, words, height=alt.Step(34)))
