"""Tillgänglighet (/tillganglighet): the digital accessibility review per service, in the report's terms,
and the years side by side."""

from __future__ import annotations

import streamlit as st

from charts.accessibility_reviews import failed_by_service
from domain.formatting import inert
from queries import accessibility_reviews as q
from ui.blocks import chart_block, table_of
from ui.frame import empty_state, view_frame
from ui.slides import corrections_section
from ui.widgets import choose_one
from view_models.accessibility_reviews import services_table, year_summary, years_table

f = view_frame("accessibility_reviews", "Tillgänglighet", "tillganglighet", all_units_by_default=True)
totals = f.ask(q.totals_by_year, f.units)
if totals.empty:
    empty_state(f, "tillgänglighetsgranskningar")
    st.stop()

criteria = f.config.app.accessibility_criteria
years = [str(int(y)) for y in reversed(totals["year"].tolist())]
year = int(choose_one("year", "År", {y: y for y in years}, "Välj år"))
of_year = totals[totals["year"] == year].iloc[0]
st.markdown(f"**{inert(year_summary(of_year, criteria))}**")
services = f.ask(q.services, year, f.units)
st.header(f"Underkända kriterier per tjänst {year}")
chart_block(
    f,
    failed_by_service(services, f.config.unit_names),
    year_summary(of_year, criteria),
    services_table(services, f.config),
    f"tillganglighet-{year}.csv",
)
st.header("Granskningarna år för år")
table_of(years_table(totals, criteria))
corrections_section(f)
