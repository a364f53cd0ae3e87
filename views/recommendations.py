"""Rekommendationer (/rekommendationer): audits' recommendations, their progress and what is overdue."""

from __future__ import annotations

import streamlit as st

from charts.recommendations import status_per_audit, status_per_year, timeline
from formatting import swedish_int
from page_parts import board, chart_block, empty_state, presentation_footer
from queries import board as q
from recommendation_view import history_table, overview_table, status_summary, timeline_summary
from rules.recommendations import with_overdue

LISTED_AT_MOST = 50

b = board("Rekommendationer", "rekommendationer", all_units_by_default=True)
recs = with_overdue(b.ask(q.recommendations_with_progress, None), q.today())
if b.units:
    recs = recs[recs["addressee"].isin(b.units)]
if recs.empty:
    empty_state(b, "granskningsrekommendationer")
    st.stop()

many = len(recs) > LISTED_AT_MOST  # a city's years of audits: a year per bar, then one audit at a time
st.header("Status per granskningsår" if many else "Status per granskning och mottagare")
chart_block(
    b,
    status_per_year(recs) if many else status_per_audit(recs, b.config.unit_names),
    status_summary(recs),
    overview_table(recs, b.config),
    "rekommendationer.csv",
)

listed = recs
if many:
    audits = list(dict.fromkeys(recs.sort_values("audit_date", ascending=False)["audit"]))
    audit = audits[0] if b.present else st.selectbox("Granskning", audits, key="recommendation_audit")
    listed = recs[recs["audit"] == audit]
    st.caption(
        f"{swedish_int(len(listed))} av {swedish_int(len(recs))} rekommendationer, från granskningen {audit}. "
        "Alla finns i tabellen ovan."
    )

st.header("Från granskning till slutdatum")
chart_block(b, timeline(listed), timeline_summary(listed), overview_table(listed, b.config), "tidslinje.csv")

st.header("Varje rekommendation och dess historik")
history = b.ask(q.recommendation_history, tuple(listed["recommendation_id"]), None)
for rec in listed.itertuples():
    flag = " – :red-badge[■ Försenad]" if rec.overdue else ""
    committed = {True: "nämnden har åtagit sig att genomföra den", False: "nämnden har inte åtagit sig den"}.get(
        rec.committed, "åtagande ej angivet"
    )
    with st.expander(
        f"{rec.recommendation_id}: {rec.area or rec.audit}{' (försenad)' if rec.overdue else ''}",
        expanded=b.present is False and rec.overdue,
    ):
        st.markdown(f"**{rec.recommendation}**{flag}")
        st.markdown(
            f"{rec.audit}, {rec.auditor}, {rec.audit_date}. Mottagare: "
            f"{b.config.unit_names.get(rec.addressee, rec.addressee)}; {committed}. "
            f"Ansvarig: {rec.owner or '–'}. Slutdatum: {rec.due_date or '–'}."
        )
        if rec.response:
            st.markdown(f"Yttrande: {rec.response}")
        st.table(history_table(history[history["recommendation_id"] == rec.recommendation_id]), hide_index=True)

presentation_footer(b, "views/recommendations.py")
