"""Lägesbild (/): the situation picture of one quarter, on one screen."""

from __future__ import annotations

import streamlit as st

from queries import status
from store import meetings
from ui.frame import empty_state, view_frame
from ui.sections import present
from ui.widgets import choose_quarter
from view_models.situation import compose, since_meeting

f = view_frame(__file__)
period = choose_quarter(f, f.ask(status.quarters_with_data, f.units))
if period is None:
    empty_state(f, "kvartalsrapporter")
    st.stop()
earlier = meetings.previous(f.engine, f.meeting) if f.meeting is not None else None
since = None
if f.meeting is not None and earlier is not None:
    since = since_meeting(f.ask_as_of(earlier.batch_id), earlier, f.ask, f.meeting, f.config)
present(f, compose, f.scope(quarter=period, since=since), what="kvartalsrapporter")
