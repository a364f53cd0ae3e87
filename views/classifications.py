"""Informationsklassning (/klassning): per unit the share of systems classified, risk-analysed and with
their measures followed up, and each classification older than the configured age flagged."""

from __future__ import annotations

import streamlit as st

from charts.classifications import coverage_by_unit
from domain.clock import today
from domain.formatting import inert
from queries import classifications as q
from rules.classifications import older_than, with_shares
from ui.blocks import chart_block, table_block
from ui.frame import empty_state, view_frame
from ui.slides import corrections_section
from view_models.classifications import coverage_summary, coverage_table, register_table

f = view_frame("classifications", "Informationsklassning", "klassning", all_units_by_default=True)
months = f.config.app.classification_max_age_months
# At a meeting, what was too old is judged on the meeting's date.
cutoff = older_than(f.meeting.meeting_date if f.meeting is not None else today(), months)
coverage = f.ask(q.coverage_by_unit, f.units, cutoff)
if coverage.empty:
    empty_state(f, "klassade system")
    st.stop()

coverage = with_shares(coverage)
st.markdown(f"**{inert(coverage_summary(coverage, months))}**")
st.header("Klassning, riskanalys och uppföljning per enhet")
chart_block(
    f,
    coverage_by_unit(coverage, f.config.unit_names),
    coverage_summary(coverage, months),
    coverage_table(coverage, f.config, months),
    "klassning-per-enhet.csv",
)
st.header("Varje system")
register = f.ask(q.register, f.units, cutoff)
table_block(f, register_table(register, f.config, months), "klassning-system.csv")
corrections_section(f)
