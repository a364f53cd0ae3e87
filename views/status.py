"""Status (/status): area × quarter, each KPI over time against its target, the quarter's comments."""

from __future__ import annotations

import streamlit as st

from queries import status as q
from ui.frame import empty_state, view_frame
from ui.sections import present
from ui.widgets import choose_quarter
from view_models.status import compose

f = view_frame(__file__)
period = choose_quarter(f, f.ask(q.quarters_with_data, f.units))
if period is None:
    empty_state(f, "kvartalsrapporter")
    st.stop()
present(f, compose, f.scope(quarter=period), what="kvartalsrapporter")
