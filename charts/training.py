"""Training: completion per unit and audience in a year, and each audience's completion over the years."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.theme import SERIES_COLOURS
from domain.vocabulary import AUDIENCE_WORDS


def completion_by_unit(rows: pd.DataFrame, unit_names: dict[str, str]) -> alt.Chart:
    """rows (with share) of one year: a bar per unit and audience, the share completed."""
    frame = rows.assign(
        Enhet=rows["unit"].map(lambda u: unit_names.get(u, u)),
        Målgrupp=rows["audience"].map(AUDIENCE_WORDS),
        Andel=rows["share"].round(1),
        Utbildning=rows["course"],
    )
    audiences = [AUDIENCE_WORDS[a] for a in AUDIENCE_WORDS if a in set(rows["audience"])]
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("Enhet:N", title=None),
            yOffset=alt.YOffset("Målgrupp:N", sort=audiences),
            x=alt.X("Andel:Q", title="Andel som genomfört (%)", scale=alt.Scale(domain=[0, 100])),
            color=alt.Color(
                "Målgrupp:N", sort=audiences, scale=alt.Scale(domain=audiences, range=SERIES_COLOURS[: len(audiences)])
            ),
            tooltip=["Enhet:N", "Målgrupp:N", "Utbildning:N", alt.Tooltip("Andel:Q", format=".1f")],
        )
        .properties(height=alt.Step(18))
    )


def completion_over_years(summed: pd.DataFrame) -> alt.Chart:
    """summed (year, audience, share): a line per audience, with a shape each, on a time axis: 2015, 2024 and
    2025 stand as far apart as they are, so the slope says how fast it went."""
    frame = summed.assign(
        År=summed["year"].astype(int), Målgrupp=summed["audience"].map(AUDIENCE_WORDS), Andel=summed["share"].round(1)
    )
    audiences = [AUDIENCE_WORDS[a] for a in AUDIENCE_WORDS if a in set(summed["audience"])]
    return (
        alt.Chart(frame)
        .mark_line(point=alt.OverlayMarkDef(size=90, filled=True))
        .encode(
            x=alt.X(
                "År:Q",
                title=None,
                scale=alt.Scale(zero=False, nice=False),
                axis=alt.Axis(format="d", tickMinStep=1, labelAngle=0),  # years with no thousands separator
            ),
            y=alt.Y("Andel:Q", title="Andel som genomfört (%)", scale=alt.Scale(domain=[0, 100])),
            color=alt.Color(
                "Målgrupp:N", sort=audiences, scale=alt.Scale(domain=audiences, range=SERIES_COLOURS[: len(audiences)])
            ),
            shape=alt.Shape("Målgrupp:N", sort=audiences),
            tooltip=[alt.Tooltip("År:Q", format="d"), "Målgrupp:N", alt.Tooltip("Andel:Q", format=".1f")],
        )
        .properties(height=280)
    )
