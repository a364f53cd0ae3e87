"""Surveys: a chart per question with a bar per unit and the average of everyone (as the 2020
confidentiality review drew them, lying down so the units' names are read whole), and one question's
positive share over the years."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.theme import SERIES_COLOURS, wrapped
from rules.survey_results import ALL

AVERAGE = "Medelvärde (alla svarande)"
ANSWER_COLOURS = ["#0072B2", "#56B4E9", "#E69F00", "#999999", "#D55E00", "#CC79A7", "#009E73"]


def unit_label(unit: str, unit_names: dict[str, str]) -> str:
    return AVERAGE if unit == ALL else unit_names.get(unit, unit)


def _unit_order(units: pd.Series, unit_names: dict[str, str]) -> list[str]:
    """Units by name, the average last."""
    return [*sorted({unit_label(u, unit_names) for u in units if u != ALL}), AVERAGE]


def answers_by_unit(
    shares: pd.DataFrame, scale: tuple[str, ...], positive: tuple[str, ...], unit_names: dict[str, str]
) -> alt.LayerChart:
    """shares (unit, answer, respondents, share) of one question: a stacked bar per unit lying down, so each
    unit's full name is read without turning the head, the average of everyone last, the positive answers'
    share written in the bar."""
    order = _unit_order(shares["unit"], unit_names)
    data = shares.assign(
        Enhet=shares["unit"].map(lambda u: unit_label(u, unit_names)),
        Svar=shares["answer"],
        Andel=(shares["share"] / 100).fillna(0),
        Ordning=shares["answer"].map({a: i for i, a in enumerate(scale)}),
        Antal=shares["respondents"],
    )
    unit = alt.Y("Enhet:N", sort=order, title=None, axis=alt.Axis(labelExpr=wrapped(40)))
    share = alt.X(
        "Andel:Q",
        title="Andel av de svarande",
        axis=alt.Axis(format="%"),
        stack="zero",
        scale=alt.Scale(domain=[0, 1], nice=False),
    )
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            unit,
            share,
            color=alt.Color(
                "Svar:N",
                sort=list(scale),
                scale=alt.Scale(domain=list(scale), range=ANSWER_COLOURS[: len(scale)]),
                legend=alt.Legend(orient="right"),
            ),
            order=alt.Order("Ordning:Q"),
            tooltip=["Enhet:N", "Svar:N", alt.Tooltip("Andel:Q", format=".0%"), "Antal:Q"],
        )
    )
    positive_share = data[data["Svar"].isin(positive)].groupby("Enhet", as_index=False)["Andel"].sum()
    positive_share = positive_share.rename(columns={"Andel": "Positiva"})
    labels = (
        alt.Chart(positive_share)
        .mark_text(align="right", dx=-4, fontSize=12, color="white")
        .encode(y=unit, x="Positiva:Q", text=alt.Text("Positiva:Q", format=".0%"))
    )
    return bars + labels


def positive_over_years(shares: pd.DataFrame, unit_names: dict[str, str], answer_words: str) -> alt.Chart:
    """shares (year, unit, share): per unit a bar per year, the average at the right."""
    order = _unit_order(shares["unit"], unit_names)
    years = [str(y) for y in sorted(shares["year"].unique())]
    data = shares.assign(
        Enhet=shares["unit"].map(lambda u: unit_label(u, unit_names)),
        År=shares["year"].astype(str),
        Andel=(shares["share"] / 100),
    )
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("Enhet:N", sort=order, title=None, axis=alt.Axis(labelAngle=-40)),
            xOffset=alt.XOffset("År:N", sort=years),
            y=alt.Y("Andel:Q", title=f"Andel som svarat {answer_words}", axis=alt.Axis(format="%")),
            color=alt.Color("År:N", sort=years, scale=alt.Scale(domain=years, range=SERIES_COLOURS[: len(years)])),
            tooltip=["Enhet:N", "År:N", alt.Tooltip("Andel:Q", format=".0%")],
        )
        .properties(height=480)
    )
