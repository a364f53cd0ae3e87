"""Utbildning (/utbildning): completion per unit and audience, the history, and the boards' own members."""

from __future__ import annotations

import streamlit as st

from charts.training import completion_by_unit, completion_over_years
from domain.formatting import inert
from queries import training as q
from rules.training import by_year_and_audience, with_completion
from ui.blocks import chart_block
from ui.frame import empty_state, view_frame
from ui.slides import corrections_section
from view_models.training import course_table, history_summary, latest_summary

f = view_frame("training", "Utbildning", "utbildning", all_units_by_default=True)
rows = f.ask(q.courses, f.units)
if rows.empty:
    empty_state(f, "utbildningar")
    st.stop()

rows = with_completion(rows)
st.markdown(f"**{inert(latest_summary(rows))}**")
year = int(rows["year"].max())
latest = rows[rows["year"] == year]
st.header(f"Genomförd utbildning per enhet och målgrupp {year}")
chart_block(
    f,
    completion_by_unit(latest, f.config.unit_names),
    latest_summary(rows),
    course_table(latest, f.config),
    f"utbildning-{year}.csv",
)
st.header("Över åren")
chart_block(
    f,
    completion_over_years(by_year_and_audience(rows)),
    history_summary(rows),
    course_table(rows, f.config),
    "utbildning.csv",
)
corrections_section(f)
