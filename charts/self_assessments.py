"""Self-assessment charts: rating shares over the years and the unit × category matrix."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.theme import RATING_COLOURS, SERIES_COLOURS, scale, wrapped
from domain import vocabulary

RATING_WORDS = vocabulary.RATING_WORDS


def shares_over_years(shares: pd.DataFrame) -> alt.Chart:
    """shares: year, rating, count, share."""
    order = {r: i for i, r in enumerate(RATING_COLOURS)}
    data = shares.assign(
        År=shares["year"].astype(str),
        Bedömning=shares["rating"].map(RATING_WORDS),
        Andel=shares["share"] / 100,
        Ordning=shares["rating"].map(order),
    )
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("År:O", title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("Andel:Q", title="Andel av bedömningarna", axis=alt.Axis(format="%"), stack="zero"),
            color=alt.Color("Bedömning:N", scale=scale(RATING_COLOURS, RATING_WORDS)),
            order=alt.Order("Ordning:Q"),
            tooltip=[
                alt.Tooltip("År:N"),
                alt.Tooltip("Bedömning:N"),
                alt.Tooltip("Andel:Q", format=".0%"),
                alt.Tooltip("count:Q", title="Antal"),
            ],
        )
    )
    return bars.properties(height=300)


def unit_category_matrix(matrix: pd.DataFrame, unit_names: dict[str, str], categories: list[str]) -> alt.Chart:
    """matrix: unit, category, share: a cell per unit and category with its share written in it."""
    data = matrix.assign(Enhet=matrix["unit"].map(unit_names), Kategori=matrix["category"], Andel=matrix["share"] / 100)
    base = alt.Chart(data).encode(
        x=alt.X("Kategori:N", sort=categories, title=None, axis=alt.Axis(labelAngle=0, labelExpr=wrapped(16))),
        y=alt.Y("Enhet:N", title=None),
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color(
            "Andel:Q",
            scale=alt.Scale(scheme="blues", domain=[0, 1]),
            legend=alt.Legend(title="Andel tillfredsställande", format="%"),
        ),
        tooltip=[alt.Tooltip("Enhet:N"), alt.Tooltip("Kategori:N"), alt.Tooltip("Andel:Q", format=".0%")],
    )
    text = base.mark_text().encode(
        text=alt.Text("Andel:Q", format=".0%"),
        color=alt.condition("datum.Andel > 0.6", alt.value("white"), alt.value("black")),
    )
    return (cells + text).properties(height=alt.Step(24))


def statements_compared(comparison: pd.DataFrame, first: int, last: int, texts: dict[str, str]) -> alt.Chart:
    """comparison (year, statement, share): per statement a bar for each of the two years, the share
    rated satisfactory written at its end."""
    order = list(dict.fromkeys(s for s in texts if s in set(comparison["statement"])))
    labels = {s: f"{s} {texts[s]}" for s in order}
    years = [str(first), str(last)]
    data = comparison.assign(
        Påstående=comparison["statement"].map(labels),
        År=comparison["year"].astype(str),
        Andel=comparison["share"] / 100,
    )
    base = alt.Chart(data).encode(
        y=alt.Y("Påstående:N", sort=[labels[s] for s in order], title=None, axis=alt.Axis(labelExpr=wrapped(40))),
        yOffset=alt.YOffset("År:N", sort=years),
        x=alt.X("Andel:Q", title="Andel tillfredsställande", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
    )
    bars = base.mark_bar().encode(
        color=alt.Color("År:N", sort=years, scale=alt.Scale(domain=years, range=SERIES_COLOURS[:2])),
        tooltip=["Påstående:N", "År:N", alt.Tooltip("Andel:Q", format=".0%")],
    )
    text = base.mark_text(align="left", dx=3, fontSize=11).encode(text=alt.Text("Andel:Q", format=".0%"))
    return (bars + text).properties(height=alt.Step(14))
