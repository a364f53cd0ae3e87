"""The register as a timeline: each document from its decision to its next revision, today as a rule,
and the overdue ones marked with a word and a symbol as well as a colour."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from charts.theme import STATUS_COLOURS, wrapped

STATES = {"overdue": "■ Revision försenad", "in_time": "● Inom tid"}


def revision_timeline(register: pd.DataFrame, on: dt.date) -> alt.LayerChart | alt.FacetChart:
    """register with overdue: a bar from decided_date to next_revision per document."""
    known = register.dropna(subset=["next_revision"])
    frame = pd.DataFrame(
        {
            "Dokument": known["title"],
            "Beslutat": pd.to_datetime(known["decided_date"].fillna(known["next_revision"])),
            "Revideras": pd.to_datetime(known["next_revision"]),
            "Läge": known["overdue"].map({True: STATES["overdue"], False: STATES["in_time"]}),
        }
    )
    order = list(frame["Dokument"])
    bars = (
        alt.Chart(frame)
        .mark_bar(height=14)
        .encode(
            y=alt.Y("Dokument:N", title=None, sort=order, axis=alt.Axis(labelExpr=wrapped(45))),
            x=alt.X("Beslutat:T", title=None, axis=alt.Axis(format="%Y")),
            x2="Revideras:T",
            color=alt.Color(
                "Läge:N",
                scale=alt.Scale(
                    domain=[STATES["overdue"], STATES["in_time"]],
                    range=[STATUS_COLOURS["red"], STATUS_COLOURS["green"]],
                ),
                title=None,
            ),
            tooltip=[
                "Dokument:N",
                alt.Tooltip("Beslutat:T", format="%Y-%m-%d"),
                alt.Tooltip("Revideras:T", format="%Y-%m-%d"),
                "Läge:N",
            ],
        )
    )
    words = bars.mark_text(align="left", dx=6).encode(x="Revideras:T", text="Läge:N", color=alt.value("black"))
    today = (
        alt.Chart(alt.InlineData(values=[{"idag": on.isoformat(), "Idag": f"I dag {on.isoformat()}"}]))
        .mark_rule(strokeDash=[6, 4], color="black", strokeWidth=2)
        .encode(x="idag:T", tooltip=["Idag:N"])
    )
    return alt.layer(bars, words, today).properties(height=alt.Step(30))
