"""Accessibility reviews: each service's failed criteria of those tested, its worst finding in words."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.theme import wrapped
from domain.vocabulary import FINDING_SYMBOLS, FINDING_WORDS
from rules.accessibility_reviews import worst_first

NONE = "Inga brister"
FINDING_COLOURS = {"critical": "#D55E00", "serious": "#E69F00", "minor": "#56B4E9", "none": "#009E73"}


def finding_label(severity: object, failed: int) -> str:
    """'■ Kritisk', or 'Inga brister' when no criterion failed."""
    if failed == 0:
        return NONE
    if not isinstance(severity, str) or severity not in FINDING_WORDS:
        return "Ej angiven"
    return f"{FINDING_SYMBOLS[severity]} {FINDING_WORDS[severity]}"


def failed_by_service(services: pd.DataFrame, unit_names: dict[str, str]) -> alt.Chart:
    """A bar per service in `worst_first` order: the criteria it failed, coloured and labelled by its worst
    finding."""
    ordered = worst_first(services)
    data = ordered.assign(
        Tjänst=ordered["service"],
        Enhet=ordered["unit"].map(lambda u: unit_names.get(u, u)),
        Underkända=ordered["criteria_failed"],
        Testade=ordered["criteria_tested"],
        Fynd=[finding_label(s, f) for s, f in zip(ordered["severity"], ordered["criteria_failed"], strict=True)],
    )
    present = set(data["Fynd"])
    every = [(finding_label(k, 1), FINDING_COLOURS[k]) for k in FINDING_WORDS] + [(NONE, FINDING_COLOURS["none"])]
    every.append(("Ej angiven", "#999999"))
    labels, colours = [label for label, _ in every if label in present], [c for label, c in every if label in present]
    # room after the longest bar for its finding in words
    room = alt.Scale(domain=[0, max(1, int(data["Underkända"].max())) * 1.3], nice=False)
    y = alt.Y("Tjänst:N", sort=list(data["Tjänst"]), title=None, axis=alt.Axis(labelExpr=wrapped(30)))
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=y,
            x=alt.X("Underkända:Q", title="Underkända kriterier", axis=alt.Axis(tickMinStep=1), scale=room),
            color=alt.Color(
                "Fynd:N",
                sort=labels,
                scale=alt.Scale(domain=labels, range=colours),
                legend=None,  # each bar says its finding in words at its end
            ),
            tooltip=["Tjänst:N", "Enhet:N", "Underkända:Q", "Testade:Q", "Fynd:N"],
        )
    )
    text = (
        alt.Chart(data)
        .mark_text(align="left", dx=4, fontSize=11)
        .encode(y=y, x=alt.X("Underkända:Q", scale=room), text="Fynd:N")
    )
    return (bars + text).properties(height=alt.Step(16))
