"""Recommendation charts: status counts per audit and addressee, and the timeline audit → due → done."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.theme import RECOMMENDATION_COLOURS, scale, wrapped
from domain import vocabulary

STATUS_WORDS = vocabulary.RECOMMENDATION_WORDS


def status_per_audit(frame: pd.DataFrame, unit_names: dict[str, str]) -> alt.Chart:
    """frame: audit, addressee, status (one row per recommendation)."""
    data = frame.assign(
        Granskning=frame["audit"] + " – " + frame["addressee"].map(unit_names),
        Status=frame["status"].map(STATUS_WORDS),
    )
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("Granskning:N", title=None, axis=alt.Axis(labelExpr=wrapped(30))),
            x=alt.X("count():Q", title="Antal rekommendationer", axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color("Status:N", scale=scale(RECOMMENDATION_COLOURS, STATUS_WORDS)),
            tooltip=[alt.Tooltip("Granskning:N"), alt.Tooltip("Status:N"), alt.Tooltip("count():Q", title="Antal")],
        )
    )
    return bars.properties(height=alt.Step(44))


def status_per_year(frame: pd.DataFrame) -> alt.Chart:
    """frame: audit_date, status (one row per recommendation): the recommendations of each year's audits."""
    data = frame.assign(
        År=pd.to_datetime(frame["audit_date"]).dt.year.astype(str), Status=frame["status"].map(STATUS_WORDS)
    )
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("År:O", title="Granskningsår", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("count():Q", title="Antal rekommendationer", axis=alt.Axis(tickMinStep=1, format=",d")),
            color=alt.Color("Status:N", scale=scale(RECOMMENDATION_COLOURS, STATUS_WORDS)),
            tooltip=[alt.Tooltip("År:N"), alt.Tooltip("Status:N"), alt.Tooltip("count():Q", title="Antal")],
        )
        .properties(height=300)
    )


def timeline(frame: pd.DataFrame) -> alt.LayerChart | alt.FacetChart:
    """frame: recommendation_id, audit_date, due_date, done_date, status, overdue."""
    data = frame.assign(
        Rekommendation=frame["recommendation_id"],
        Granskad=pd.to_datetime(frame["audit_date"]),
        Slutdatum=pd.to_datetime(frame["due_date"]),
        Genomförd=pd.to_datetime(frame["done_date"]),
        Status=frame["status"].map(STATUS_WORDS) + frame["overdue"].map({True: " – försenad", False: ""}),
    )
    base = alt.Chart(data).encode(y=alt.Y("Rekommendation:N", title=None))
    span = base.mark_rule(strokeWidth=3, color="#999999").encode(
        # One tick a month at most: a wide screen would otherwise label the same month several times.
        x=alt.X("Granskad:T", title=None, axis=alt.Axis(format="%Y-%m", tickCount={"interval": "month", "step": 1})),
        x2=alt.X2("Slutdatum:T"),
    )
    start = base.mark_point(shape="circle", size=120, filled=True, color="#0072B2").encode(
        x=alt.X("Granskad:T"), tooltip=[alt.Tooltip("Granskad:T", format="%Y-%m-%d"), alt.Tooltip("Rekommendation:N")]
    )
    due = base.mark_point(shape="diamond", size=160, filled=True, color="#E69F00").encode(
        x=alt.X("Slutdatum:T"), tooltip=[alt.Tooltip("Slutdatum:T", format="%Y-%m-%d"), alt.Tooltip("Status:N")]
    )
    done = base.mark_point(shape="square", size=140, filled=True, color="#009E73").encode(
        x=alt.X("Genomförd:T"), tooltip=[alt.Tooltip("Genomförd:T", format="%Y-%m-%d"), alt.Tooltip("Status:N")]
    )
    words = base.mark_text(align="left", dx=12, color="black").encode(x=alt.X("Slutdatum:T"), text=alt.Text("Status:N"))
    return alt.layer(span, start, due, done, words).properties(height=alt.Step(44))
