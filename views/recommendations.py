"""Rekommendationer (/rekommendationer): audits' recommendations, their progress and what is overdue."""

from __future__ import annotations

import streamlit as st

from charts.recommendations import status_per_audit, status_per_year, timeline
from domain.clock import today
from domain.formatting import inert, swedish_int
from queries import recommendations as q
from rules.recommendations import with_overdue
from ui.blocks import chart_block, table_of
from ui.frame import empty_state, view_frame
from ui.slides import corrections_section
from view_models.recommendations import history_table, overview_table, status_summary, timeline_summary

LISTED_AT_MOST = 50

f = view_frame("recommendations", "Rekommendationer", "rekommendationer", all_units_by_default=True)
recs = with_overdue(f.ask(q.recommendations_with_progress), today())
if f.units:
    recs = recs[recs["addressee"].isin(f.units)]
if recs.empty:
    empty_state(f, "granskningsrekommendationer")
    st.stop()

many = len(recs) > LISTED_AT_MOST  # a city's years of audits: a year per bar, then one audit at a time
st.header("Status per granskningsår" if many else "Status per granskning och mottagare")
chart_block(
    f,
    status_per_year(recs) if many else status_per_audit(recs, f.config.unit_names),
    status_summary(recs),
    overview_table(recs, f.config),
    "rekommendationer.csv",
)

listed = recs
if many:
    audits = list(dict.fromkeys(recs.sort_values("audit_date", ascending=False)["audit"]))
    audit = st.selectbox("Granskning", audits, key="recommendation_audit")
    listed = recs[recs["audit"] == audit]
    st.caption(
        f"{swedish_int(len(listed))} av {swedish_int(len(recs))} rekommendationer, från granskningen {audit}. "
        "Alla finns i tabellen ovan."
    )

st.header("Från granskning till slutdatum")
chart_block(f, timeline(listed), timeline_summary(listed), overview_table(listed, f.config), "tidslinje.csv")

st.header("Varje rekommendation och dess historik")
history = f.ask(q.recommendation_history, tuple(listed["recommendation_id"]))
for rec in listed.itertuples():
    flag = " – :red-badge[■ Försenad]" if rec.overdue else ""
    committed = {True: "nämnden har åtagit sig att genomföra den", False: "nämnden har inte åtagit sig den"}.get(
        rec.committed, "åtagande ej angivet"
    )
    with st.expander(
        inert(f"{rec.recommendation_id}: {rec.area or rec.audit}{' (försenad)' if rec.overdue else ''}"),
        expanded=rec.overdue,
    ):
        st.markdown(f"**{inert(rec.recommendation)}**{flag}")
        st.markdown(
            inert(
                f"{rec.audit}, {rec.auditor}, {rec.audit_date}. Mottagare: "
                f"{f.config.unit_names.get(rec.addressee, rec.addressee)}; {committed}. "
                f"Ansvarig: {rec.owner or '–'}. Slutdatum: {rec.due_date or '–'}."
            )
        )
        if rec.response:
            st.markdown(f"Yttrande: {inert(rec.response)}")
        table_of(history_table(history[history["recommendation_id"] == rec.recommendation_id]))

corrections_section(f)
