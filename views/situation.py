"""Lägesbild (/): the situation picture of one quarter, on one screen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

import streamlit as st

from data_sources import meetings
from domain.clock import today
from domain.formatting import inert
from domain.periods import previous_quarter
from queries import incidents, recommendations, self_assessments, status
from queries.data_overview import imports_after
from rules.changes import changes_between_meetings
from rules.kpis import quarterly_values
from rules.recommendations import with_overdue
from rules.self_assessments import shares_by_year
from ui.frame import empty_state, view_frame
from ui.widgets import choose_quarter
from view_models.meetings import corrections, imports_since
from view_models.situation import SituationPicture, build_situation

BADGE = {"green": "green", "amber": "orange", "red": "red"}

f = view_frame("situation", "Lägesbild", "")
period = choose_quarter(f, f.ask(status.quarters_with_data, f.units))
if period is None:
    empty_state(f, "kvartalsrapporter")
    st.stop()


def picture_as(ask: Callable[..., Any], on: dt.date) -> SituationPicture:
    """The situation picture from the answers of `ask` (as of the meeting's batch, or today's)."""
    return build_situation(
        period=period,
        statuses=ask(status.status_by_quarter, f.units, (period, previous_quarter(period))),
        kpi_values=quarterly_values(ask(status.kpi_series, f.units), f.config.kpis),
        critical=ask(incidents.critical_incidents, f.units),
        critical_by_year=ask(incidents.critical_incidents_by_year),
        recommendations=with_overdue(ask(recommendations.recommendations_with_progress), on),
        self_assessment_shares=shares_by_year(ask(self_assessments.rating_counts_by_year, "internal_control", ())),
        config=f.config,
        today=on,
    )


# At a meeting, what was overdue is judged on the meeting's date.
picture = picture_as(f.ask, f.meeting.meeting_date if f.meeting else today())
st.subheader(f"{inert(f.unit_label)} · {period}")
st.markdown(inert(picture.summary()))

st.header("Status per område")
columns = st.columns(5)
for i, tile in enumerate(picture.areas):
    with columns[i % 5].container(border=True):
        st.markdown(
            f"**{inert(tile.area)}**  \n:{BADGE[tile.status]}-badge[{tile.symbol} {tile.word}]  {tile.movement}"
        )

st.header("Nyckeltal mot mål")
columns = st.columns(3)
for i, kpi in enumerate(picture.kpis):
    with columns[i % 3].container(border=True):
        st.markdown(f"**{inert(kpi.name)}**")
        st.markdown(f"### {inert(kpi.value)}")
        st.markdown(f"Mål {inert(kpi.target)} · :{BADGE[kpi.band]}-badge[{kpi.judgement}]")
        if kpi.counts:
            st.markdown(f"Beräknat av {inert(kpi.counts)}")
        if kpi.change:
            st.markdown(inert(kpi.change))

left, middle, right = st.columns(3)
with left.container(border=True):
    st.subheader("Kritiska incidenter")
    year_counts = " · ".join(f"{y}: {n}" for y, n in sorted(picture.critical_by_year.items(), reverse=True))
    st.markdown(f"### {picture.critical_by_year.get(picture.critical_year, 0)} hittills {picture.critical_year}")
    st.markdown(year_counts or "Inga kritiska incidenter registrerade.")
with middle.container(border=True):
    st.subheader("Revisionens rekommendationer")
    counts = picture.recommendation_counts
    st.markdown(
        f"Genomförda {counts['done'] + counts['closed']} · pågår {counts['in_progress']} · "
        f"avvaktar {counts['on_hold']} · ej påbörjade {counts['not_started']}"
    )
    for line in picture.overdue:
        st.markdown(f":red-badge[■ Försenad] {inert(line)}")
with right.container(border=True):
    st.subheader("Självskattning")
    st.markdown(inert(picture.self_assessment or "Inga självskattningar ännu."))

SYMBOL = {"better": ":green-badge[↑ Bättre]", "worse": ":red-badge[↓ Sämre]", "info": ":blue-badge[Info]"}


def figures(ask: Callable[..., Any], quarter: str, on: dt.date) -> dict[str, Any]:
    """The figures 'Sedan förra mötet' compares, from the answers of `ask`."""
    return {
        "statuses": ask(status.status_by_quarter, f.units, (quarter,)),
        "kpi_values": quarterly_values(ask(status.kpi_series, f.units), f.config.kpis),
        "critical": ask(incidents.critical_incidents, f.units),
        "recommendations": with_overdue(ask(recommendations.recommendations_with_progress), on),
    }


earlier = meetings.previous(f.engine, f.meeting) if f.meeting is not None else None
if f.meeting is not None and earlier is not None:
    st.header(f"Sedan förra mötet ({earlier.meeting_date.isoformat()}, {inert(earlier.item)})")
    moved = changes_between_meetings(
        before=figures(partial(f.ask_as_of, earlier.batch_id), earlier.quarter, earlier.meeting_date),
        now=figures(f.ask, f.meeting.quarter, f.meeting.meeting_date),
        before_quarter=earlier.quarter,
        now_quarter=f.meeting.quarter,
        config=f.config,
    )
    if moved:
        st.markdown("\n".join(f"- {SYMBOL[c.kind]} {inert(c.text)}" for c in moved))
    else:
        st.markdown("Inga förändringar sedan förra mötet.")
else:
    st.header("Sedan förra kvartalet")
    if picture.changes:
        st.markdown("\n".join(f"- {SYMBOL[c.kind]} {inert(c.text)}" for c in picture.changes))
    else:
        st.markdown(f"Inga förändringar sedan {picture.previous}.")

if f.meeting is not None:
    st.header("Rättat efter mötet")
    corrected = corrections(picture, picture_as(f.ask_now, today()))
    if corrected:
        since = imports_since(f.ask_now(imports_after, f.meeting.batch_id))
        st.markdown("\n".join(f"- {inert(line)}" for line in corrected))
        st.caption(inert(since))
    else:
        st.markdown("Inget av det som visades har ändrats sedan mötet.")
