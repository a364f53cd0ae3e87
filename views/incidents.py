"""Incidenter (/incidenter): per month by severity, year against year, categories, units, critical ones."""

from __future__ import annotations

import streamlit as st

from charts.incidents import by_unit, category_split, monthly_by_severity, yearly_totals
from formatting import swedish_int
from incident_view import (
    CATEGORY_WORDS,
    SEVERITY_WORDS,
    category_summary,
    category_table,
    code_filter,
    critical_summary,
    critical_table,
    monthly_summary,
    monthly_table,
    rows_table,
    selected_bar,
    unit_summary,
    unit_table,
    year_range,
    yearly_summary,
)
from page_parts import TABLE_ROWS_SHOWN, board, chart_block, empty_state, presentation_footer, table_with_limit
from queries import board as q

b = board("Incidenter", "incidenter", all_units_by_default=True)
severities = code_filter(b, "severity", "Allvarlighetsgrad", SEVERITY_WORDS)
categories = code_filter(b, "category", "Kategori", CATEGORY_WORDS)
by_year = b.ask(q.incidents_by_year_and_category, b.units, None, severities, categories)
if by_year.empty:
    empty_state(b, "incidenter")
    st.stop()

first, last = year_range(b, sorted(by_year["year"].unique().tolist()))
monthly = b.ask(q.incidents_by_month, b.units, f"{first}-01", f"{last}-12", None, severities, categories)
st.header(f"Incidenter per månad {first}–{last}" if first != last else f"Incidenter per månad {first}")
event = chart_block(
    b,
    monthly_by_severity(monthly, selectable=not b.present),
    monthly_summary(monthly, b.unit_label),
    monthly_table(monthly),
    "incidenter-per-manad.csv",
    select_key=None if b.present else "monthly_selection",
)
if (picked := selected_bar(event)) is not None:
    month, severity = picked
    rows = b.ask(q.incident_rows, b.units, month, severity, None, categories)
    st.subheader(f"Raderna bakom stapeln: {SEVERITY_WORDS[severity].lower()} {month}")
    st.markdown(f"{len(rows)} rader visas (högst 200), med fil och rad de importerades från.")
    st.table(rows_table(rows, b.config.unit_names), hide_index=True)
elif not b.present:
    st.markdown("Klicka på en stapel för att se raderna bakom den.")

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
table_with_limit(
    critical_table(critical.head(TABLE_ROWS_SHOWN), b.config.unit_names),
    total=len(critical),
    note=f"De {TABLE_ROWS_SHOWN} senaste av {swedish_int(len(critical))} kritiska incidenter visas.",
)

presentation_footer(b, "views/incidents.py")
