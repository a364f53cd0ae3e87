"""Ledningens ansvar (/ledningsansvar): the body's duties under the Cybersecurity Act in one place — its
measures, their approval and review, its quarterly reports, its members' training and reporting on time."""

from __future__ import annotations

import streamlit as st

from queries import measures as q
from queries import status
from ui.frame import empty_state, view_frame
from ui.sections import present
from ui.widgets import choose_quarter
from view_models.measures import compose

f = view_frame(__file__)
body = f.scope().body
quarters = sorted(set(f.ask(status.quarters_with_data, (body,))) | set(f.ask(q.quarters, body)))
period = choose_quarter(f, quarters)
if period is None:
    empty_state(f, "åtgärder enligt cybersäkerhetslagen")
    st.stop()
present(f, compose, f.scope(quarter=period), what="åtgärder enligt cybersäkerhetslagen")
