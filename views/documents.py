"""Styrdokument (/styrdokument): the register of governing documents, those past their revision date
flagged in words and symbol, each from its decision to its next revision."""

from __future__ import annotations

import streamlit as st

from charts.documents import revision_timeline
from domain.clock import today
from domain.formatting import inert
from queries import documents as q
from rules.documents import with_revision_state
from ui.blocks import chart_block
from ui.frame import empty_state, view_frame
from ui.slides import corrections_section
from view_models.documents import overdue_summary, register_table

f = view_frame("documents", "Styrdokument", "styrdokument", all_units_by_default=True)
register = f.ask(q.register, f.units)
if register.empty:
    empty_state(f, "styrdokument")
    st.stop()

# At a meeting, what was overdue is judged on the meeting's date.
on = f.meeting.meeting_date if f.meeting is not None else today()
register = with_revision_state(register, on)
st.markdown(f"**{inert(overdue_summary(register))}**")
st.header("Från beslut till nästa revision")
chart_block(
    f,
    revision_timeline(register, on),
    overdue_summary(register),
    register_table(register, f.config),
    "styrdokument.csv",
)
corrections_section(f)
