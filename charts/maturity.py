"""Maturity: the units on each step per year, and each unit's step in two years."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.theme import SERIES_COLOURS, wrapped


def step_label(level: int, steps: tuple[str, ...]) -> str:
    """'2 Utforskare'; a step named only by its number ('Steg 3') is not numbered twice."""
    if not 0 < level <= len(steps):
        return str(level)
    name = steps[level - 1]
    return name if name.casefold() == f"steg {level}" else f"{level} {name}"


def distribution_by_year(distribution: pd.DataFrame, steps: tuple[str, ...]) -> alt.Chart:
    """distribution (year, level, units): a bar per step and year, every step shown even when empty."""
    years = sorted(distribution["year"].unique())
    full = pd.MultiIndex.from_product([years, range(1, len(steps) + 1)], names=["year", "level"])
    counts = distribution.set_index(["year", "level"])["units"].reindex(full, fill_value=0).reset_index()
    order = [step_label(i, steps) for i in range(1, len(steps) + 1)]
    names = [str(y) for y in years]
    data = counts.assign(
        Steg=counts["level"].map(lambda level: step_label(int(level), steps)),
        År=counts["year"].astype(str),
        Enheter=counts["units"],
    )
    base = alt.Chart(data).encode(
        x=alt.X("Steg:N", sort=order, title=None, axis=alt.Axis(labelAngle=0, labelExpr=wrapped(14))),
        xOffset=alt.XOffset("År:N", sort=names),
        y=alt.Y("Enheter:Q", title="Antal enheter", axis=alt.Axis(tickMinStep=1)),
    )
    colour = alt.Color("År:N", sort=names, scale=alt.Scale(domain=names, range=SERIES_COLOURS[: len(names)]))
    bars = base.mark_bar().encode(color=colour, tooltip=["Steg:N", "År:N", "Enheter:Q"])
    labels = base.mark_text(dy=-8, fontSize=12).encode(text="Enheter:Q")
    return (bars + labels).properties(height=280)


def unit_moves(
    moved: pd.DataFrame, first: int, last: int, steps: tuple[str, ...], unit_names: dict[str, str]
) -> alt.Chart:
    """moved (unit, before, after): a point per year on each unit's line, joined where it moved."""
    names = moved["unit"].map(lambda u: unit_names.get(u, u))
    points = pd.concat(
        [
            pd.DataFrame({"Enhet": names, "År": str(first), "Nivå": moved["before"]}),
            pd.DataFrame({"Enhet": names, "År": str(last), "Nivå": moved["after"]}),
        ]
    )
    points["Steg"] = points["Nivå"].map(lambda level: step_label(int(level), steps))
    years = [str(first), str(last)]
    x = alt.X(
        "Nivå:Q",
        title="Steg",
        scale=alt.Scale(domain=[1, len(steps)]),
        axis=alt.Axis(values=list(range(1, len(steps) + 1)), format="d"),
    )
    y = alt.Y("Enhet:N", title=None, sort=list(names))
    line = alt.Chart(points).mark_line(color="#666666").encode(x=x, y=y, detail="Enhet:N")
    dots = (
        alt.Chart(points)
        .mark_point(size=110, filled=True, opacity=1)
        .encode(
            x=x,
            y=y,
            color=alt.Color("År:N", sort=years, scale=alt.Scale(domain=years, range=SERIES_COLOURS[:2])),
            shape=alt.Shape("År:N", sort=years, scale=alt.Scale(domain=years, range=["circle", "triangle-right"])),
            tooltip=["Enhet:N", "År:N", "Steg:N"],
        )
    )
    return (line + dots).properties(height=alt.Step(20))
