"""Status (/status): area × quarter, each KPI over time against its target, the quarter's comments."""

from __future__ import annotations

import streamlit as st

from charts.kpis import kpi_chart
from charts.status import status_heatmap
from domain.formatting import inert
from queries import status as q
from rules.kpis import quarterly_values
from ui.blocks import chart_block, table_of
from ui.frame import empty_state, view_frame
from ui.slides import corrections_section
from ui.widgets import choose_quarter
from view_models.status import (
    QUARTERS_SHOWN,
    comment_rows,
    heatmap_summary,
    heatmap_table,
    kpi_definition,
    kpi_summary,
    kpi_table,
    provenance_table,
    recent_quarters,
)

f = view_frame("status", "Status", "status")
period = choose_quarter(f, f.ask(q.quarters_with_data, f.units))
if period is None:
    empty_state(f, "kvartalsrapporter")
    st.stop()

unit = f.units[0]
if len(f.units) > 1:
    st.markdown(
        f"Översikten per område visar {inert(f.config.unit_names[unit])}; nyckeltalen gäller alla valda enheter."
    )
cells = f.ask(q.status_matrix, unit)
cells = cells[cells["period"] <= period]
st.header(f"Status per område och kvartal – {inert(f.config.unit_names[unit])}")
if cells.empty:
    st.info("Ingen status är rapporterad för enheten.")
else:
    shown = recent_quarters(cells, QUARTERS_SHOWN)  # ten years of quarters would not be readable
    summary = heatmap_summary(cells, period, f.config)
    if len(shown) < len(cells):
        summary += f" Kartan visar de senaste {QUARTERS_SHOWN} kvartalen; alla finns i tabellen."
    chart_block(
        f,
        status_heatmap(shown, f.config.area_names),
        summary,
        heatmap_table(cells, f.config),
        f"status-{unit}.csv",
    )

st.header("Nyckeltal över tid")
values = quarterly_values(f.ask(q.kpi_series, f.units), f.config.kpis)
values = values[values["period"] <= period]
for kpi_id, kpi in f.config.kpis.items():
    series = values[values["kpi"] == kpi_id]
    if series.empty:
        continue
    st.subheader(inert(kpi.name))
    chart_block(f, kpi_chart(series, kpi), kpi_summary(series, kpi), kpi_table(series, kpi), f"{kpi_id}.csv")
    with st.expander("Om nyckeltalet: definition, källa och import"):
        st.markdown(inert(kpi_definition(kpi)))
        table_of(provenance_table(f.ask(q.kpi_provenance, kpi_id, f.units).head(8), kpi, f.config), hide_index=True)

st.header(f"Kommentarer {period}")
comments = comment_rows(f.ask(q.status_by_quarter, f.units, (period,)), f.config)
if comments.empty:
    st.markdown("Inga kommentarer detta kvartal.")
else:
    table_of(comments)

corrections_section(f)
