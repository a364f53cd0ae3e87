"""Incidenter (/incidenter): per month by severity, year against year, categories, units, critical ones."""

from __future__ import annotations

import streamlit as st

from charts.incidents import by_unit, category_split, monthly_by_severity, yearly_totals
from incident_view import (
    category_summary,
    category_table,
    critical_summary,
    critical_table,
    monthly_summary,
    monthly_table,
    unit_summary,
    unit_table,
    year_range,
    yearly_summary,
)
from page_parts import board, chart_block, empty_state, presentation_footer
from queries import board as q

b = board("Incidenter", all_units_by_default=True)
by_year = b.ask(q.incidents_by_year_and_category, b.units, None)
if by_year.empty:
    empty_state(b, "incidenter")
    st.stop()

first, last = year_range(b, sorted(by_year["year"].unique().tolist()))
monthly = b.ask(q.incidents_by_month, b.units, f"{first}-01", f"{last}-12", None)
st.header(f"Incidenter per månad {first}–{last}" if first != last else f"Incidenter per månad {first}")
chart_block(
    b,
    monthly_by_severity(monthly),
    monthly_summary(monthly, b.unit_label),
    monthly_table(monthly),
    "incidenter-per-manad.csv",
)

totals = by_year.groupby("year", as_index=False)[["count", "critical"]].sum()
left, right = st.columns(2)
with left:
    st.header("År mot år")
    chart_block(
        b,
        yearly_totals(totals, "count", "Antal incidenter"),
        yearly_summary(totals, "count"),
        totals.rename(columns={"year": "År", "count": "Antal", "critical": "Kritiska"}),
        "incidenter-per-ar.csv",
    )
with right:
    st.header("Kritiska incidenter per år")
    chart_block(
        b,
        yearly_totals(totals, "critical", "Kritiska incidenter"),
        yearly_summary(totals, "critical"),
        totals[["year", "critical"]].rename(columns={"year": "År", "critical": "Kritiska"}),
        "kritiska-per-ar.csv",
    )

st.header("Kategorier")
chart_block(b, category_split(by_year), category_summary(by_year), category_table(by_year), "kategorier.csv")

st.header(f"Per enhet {last}")
units = b.ask(q.incidents_by_unit, last, None)
chart_block(
    b,
    by_unit(units, b.config.unit_names),
    unit_summary(units, b.config.unit_names, last),
    unit_table(units, b.config.unit_names),
    f"incidenter-per-enhet-{last}.csv",
)

st.header("Kritiska incidenter och deras rapporter")
critical = b.ask(q.critical_incidents, b.units, None)
st.markdown(critical_summary(critical))
st.table(critical_table(critical, b.config.unit_names), hide_index=True)

presentation_footer(b, "pages/incidents.py")
