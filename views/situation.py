"""Lägesbild (/): the situation picture of one quarter, on one screen."""

from __future__ import annotations

import streamlit as st

from page_parts import board, choose_quarter, empty_state, presentation_footer
from queries import board as q
from queries.facts import critical_incidents_by_year
from rules.kpis import quarterly_values
from rules.periods import previous_quarter
from rules.recommendations import with_overdue
from rules.self_assessments import shares_by_year
from situation_picture import build_situation

BADGE = {"green": "green", "amber": "orange", "red": "red"}

b = board("Lägesbild", "")
period = choose_quarter(b, b.ask(q.quarters_with_data, b.units, None))
if period is None:
    empty_state(b, "kvartalsrapporter")
    st.stop()

picture = build_situation(
    period=period,
    statuses=b.ask(q.status_by_quarter, b.units, (period, previous_quarter(period)), None),
    kpi_values=quarterly_values(b.ask(q.kpi_series, b.units, None), b.config.kpis),
    critical=b.ask(q.critical_incidents, b.units, None),
    critical_by_year=b.ask(critical_incidents_by_year, None),
    recommendations=with_overdue(b.ask(q.recommendations_with_progress, None), q.today()),
    self_assessment_shares=shares_by_year(b.ask(q.rating_counts_by_year, "internal_control", (), None)),
    config=b.config,
    today=q.today(),
)
st.subheader(f"{b.unit_label} · {period}")
st.markdown(picture.summary())

st.header("Status per område")
columns = st.columns(5)
for i, tile in enumerate(picture.areas):
    with columns[i % 5].container(border=True):
        st.markdown(f"**{tile.area}**  \n:{BADGE[tile.status]}-badge[{tile.symbol} {tile.word}]  {tile.movement}")

st.header("Nyckeltal mot mål")
columns = st.columns(3)
for i, kpi in enumerate(picture.kpis):
    with columns[i % 3].container(border=True):
        st.markdown(f"**{kpi.name}**")
        st.markdown(f"### {kpi.value}")
        st.markdown(f"Mål {kpi.target} · :{BADGE[kpi.band]}-badge[{kpi.judgement}]")
        if kpi.counts:
            st.markdown(f"Beräknat av {kpi.counts}")
        if kpi.change:
            st.markdown(kpi.change)

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
        st.markdown(f":red-badge[■ Försenad] {line}")
with right.container(border=True):
    st.subheader("Självskattning")
    st.markdown(picture.self_assessment or "Inga självskattningar ännu.")

st.header("Sedan förra kvartalet")
SYMBOL = {"better": ":green-badge[↑ Bättre]", "worse": ":red-badge[↓ Sämre]", "info": ":blue-badge[Info]"}
if picture.changes:
    st.markdown("\n".join(f"- {SYMBOL[c.kind]} {c.text}" for c in picture.changes))
else:
    st.markdown(f"Inga förändringar sedan {picture.previous}.")

presentation_footer(b, "views/situation.py")
