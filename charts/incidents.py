"""Incident charts: per month by severity, year against year, and the category split."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.theme import CATEGORY_COLOURS, SEVERITY_COLOURS, scale
from domain import vocabulary

SEVERITY_WORDS, CATEGORY_WORDS = vocabulary.SEVERITY_WORDS, vocabulary.CATEGORY_WORDS


SELECTION = "rader"


def monthly_by_severity(frame: pd.DataFrame, selectable: bool = False) -> alt.Chart:
    """frame: month ('YYYY-MM'), severity, count. With `selectable` a click on a bar picks its month and
    severity (selection "rader"), so the page can show the rows behind it."""
    order = list(SEVERITY_WORDS)
    data = frame.assign(
        Månadskod=frame["month"],
        Månad=pd.to_datetime(frame["month"] + "-01"),
        Allvarlighetsgrad=frame["severity"].map(SEVERITY_WORDS),
        Ordning=frame["severity"].map(order.index),
        Antal=frame["count"],
    )
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            # A month is a band of its own: the axis names the months shown and no month after the last.
            x=alt.X("yearmonth(Månad):O", title=None, axis=alt.Axis(format="%b %Y", labelAngle=-45)),
            y=alt.Y("Antal:Q", title="Antal incidenter", axis=alt.Axis(format=",d"), stack="zero"),
            color=alt.Color("Allvarlighetsgrad:N", scale=scale(SEVERITY_COLOURS, SEVERITY_WORDS)),
            order=alt.Order("Ordning:Q"),  # stacked from the axis up in the legend's order: Kritisk first
            detail=alt.Detail(
                "Månadskod:N"
            ),  # one bar segment per row (the frame is already one row per month and severity)
            tooltip=[
                alt.Tooltip("yearmonth(Månad):T", title="Månad", format="%B %Y"),
                alt.Tooltip("Allvarlighetsgrad:N"),
                alt.Tooltip("Antal:Q", title="Antal", format=",d"),
            ],
        )
        .properties(height=300)
    )
    if selectable:
        chart = chart.add_params(alt.selection_point(name=SELECTION, fields=["Månadskod", "Allvarlighetsgrad"]))
    return chart


def yearly_totals(frame: pd.DataFrame, column: str, title: str) -> alt.Chart:
    """frame: year and a count column; one labelled bar per year."""
    data = frame.assign(År=frame["year"].astype(str), Antal=frame[column])
    bars = (
        alt.Chart(data)
        .mark_bar(color="#0072B2")
        .encode(
            x=alt.X("År:O", title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("Antal:Q", title=title, axis=alt.Axis(format=",d")),
            tooltip=[alt.Tooltip("År:N"), alt.Tooltip("Antal:Q", format=",d")],
        )
    )
    labels = bars.mark_text(dy=-8, color="black").encode(text=alt.Text("Antal:Q", format=",d"))
    return (bars + labels).properties(height=240)


def category_split(frame: pd.DataFrame) -> alt.Chart:
    """frame: year, category, count."""
    data = frame.assign(
        År=frame["year"].astype(str), Kategori=frame["category"].map(CATEGORY_WORDS), Antal=frame["count"]
    )
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("År:O", title=None),
            x=alt.X("sum(Antal):Q", stack="normalize", title="Andel av årets incidenter", axis=alt.Axis(format="%")),
            color=alt.Color("Kategori:N", scale=scale(CATEGORY_COLOURS, CATEGORY_WORDS)),
            tooltip=[
                alt.Tooltip("År:N"),
                alt.Tooltip("Kategori:N"),
                alt.Tooltip("sum(Antal):Q", title="Antal", format=",d"),
            ],
        )
        .properties(height=alt.Step(40))
    )


def by_unit(frame: pd.DataFrame, unit_names: dict[str, str]) -> alt.Chart:
    """frame: unit, severity, count."""
    data = frame.assign(
        Enhet=frame["unit"].map(unit_names),
        Allvarlighetsgrad=frame["severity"].map(SEVERITY_WORDS),
        Antal=frame["count"],
    )
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("Enhet:N", sort="-x", title=None),
            x=alt.X("sum(Antal):Q", title="Antal incidenter", axis=alt.Axis(format=",d")),
            color=alt.Color("Allvarlighetsgrad:N", scale=scale(SEVERITY_COLOURS, SEVERITY_WORDS)),
            tooltip=[
                alt.Tooltip("Enhet:N"),
                alt.Tooltip("Allvarlighetsgrad:N"),
                alt.Tooltip("sum(Antal):Q", title="Antal", format=",d"),
            ],
        )
        .properties(height=alt.Step(24))
    )


def on_time_by_year_chart(by_year: pd.DataFrame, target: float) -> alt.LayerChart | alt.FacetChart:
    """by_year (year, share): a bar per year of the deadlines met on time, the target as a dashed rule."""
    frame = by_year.assign(År=by_year["year"].astype(str), Andel=by_year["share"].round(1))
    bars = (
        alt.Chart(frame)
        .mark_bar(color="#0072B2")
        .encode(
            x=alt.X("År:O", title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("Andel:Q", title="Rapporterat i tid (%)", scale=alt.Scale(domain=[0, 100])),
            tooltip=["År:N", alt.Tooltip("Andel:Q", format=".0f")],
        )
    )
    labels = bars.mark_text(dy=-8, color="black").encode(text=alt.Text("Andel:Q", format=".0f"))
    rule = (
        alt.Chart(alt.InlineData(values=[{"mål": target, "Mål": f"Mål {target:g} %"}]))
        .mark_rule(strokeDash=[6, 4], color="black", strokeWidth=2)
        .encode(y="mål:Q", tooltip=["Mål:N"])
    )
    return alt.layer(bars, labels, rule, height=220)
