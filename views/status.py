"""Status (/status): area × quarter, each KPI over time against its target, the quarter's comments."""

from __future__ import annotations

import streamlit as st

from charts.kpis import kpi_chart
from charts.status import status_heatmap
from page_parts import board, chart_block, choose_quarter, empty_state, presentation_footer
from queries import board as q
from rules.kpis import quarterly_values
from status_view import (
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

b = board("Status", "status")
period = choose_quarter(b, b.ask(q.quarters_with_data, b.units, None))
if period is None:
    empty_state(b, "kvartalsrapporter")
    st.stop()

unit = b.units[0]
if len(b.units) > 1:
    st.markdown(f"Översikten per område visar {b.config.unit_names[unit]}; nyckeltalen gäller alla valda enheter.")
cells = b.ask(q.status_matrix, unit, None)
cells = cells[cells["period"] <= period]
st.header(f"Status per område och kvartal – {b.config.unit_names[unit]}")
if cells.empty:
    st.info("Ingen status är rapporterad för enheten.")
else:
    shown = recent_quarters(cells, QUARTERS_SHOWN)  # ten years of quarters would not be readable
    summary = heatmap_summary(cells, period, b.config)
    if len(shown) < len(cells):
        summary += f" Kartan visar de senaste {QUARTERS_SHOWN} kvartalen; alla finns i tabellen."
    chart_block(
        b,
        status_heatmap(shown, b.config.area_names),
        summary,
        heatmap_table(cells, b.config),
        f"status-{unit}.csv",
    )

st.header("Nyckeltal över tid")
values = quarterly_values(b.ask(q.kpi_series, b.units, None), b.config.kpis)
values = values[values["period"] <= period]
for kpi_id, kpi in b.config.kpis.items():
    series = values[values["kpi"] == kpi_id]
    if series.empty:
        continue
    st.subheader(kpi.name)
    chart_block(b, kpi_chart(series, kpi), kpi_summary(series, kpi), kpi_table(series, kpi), f"{kpi_id}.csv")
    with st.expander("Om nyckeltalet: definition, källa och import"):
        st.markdown(kpi_definition(kpi))
        st.table(
            provenance_table(b.ask(q.kpi_provenance, kpi_id, b.units, None).head(8), kpi, b.config), hide_index=True
        )

st.header(f"Kommentarer {period}")
comments = comment_rows(b.ask(q.status_by_quarter, b.units, (period,), None), b.config)
if comments.empty:
    st.markdown("Inga kommentarer detta kvartal.")
else:
    st.table(comments, hide_index=True)

presentation_footer(b, "views/status.py")
