"""Incidenter (/incidenter): per month by severity, year against year, categories, units, critical ones."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from charts.incidents import by_unit, category_split, monthly_by_severity, on_time_by_year_chart, yearly_totals
from domain.clock import swedish_now
from domain.formatting import inert, swedish_int
from domain.vocabulary import CATEGORY_WORDS, SEVERITY_WORDS
from queries import incidents as q
from rules.incidents import ON_TIME_TARGET, on_time_by_year, reporting_deadlines
from ui.blocks import TABLE_ROWS_SHOWN, chart_block, table_of, table_with_limit
from ui.frame import empty_state, view_frame
from ui.slides import corrections_section
from ui.widgets import code_filter, year_range
from view_models.incidents import (
    category_summary,
    category_table,
    critical_summary,
    critical_table,
    deadline_summary,
    deadline_table,
    monthly_summary,
    monthly_table,
    rows_table,
    selected_bar,
    unit_summary,
    unit_table,
    yearly_summary,
)

f = view_frame("incidents", "Incidenter", "incidenter", all_units_by_default=True)
severities = code_filter(f, "severity", "Allvarlighetsgrad", SEVERITY_WORDS)
categories = code_filter(f, "category", "Kategori", CATEGORY_WORDS)
by_year = f.ask(q.incidents_by_year_and_category, f.units, severities, categories)
if by_year.empty:
    empty_state(f, "incidenter")
    st.stop()

first, last = year_range(f, sorted(by_year["year"].unique().tolist()))
monthly = f.ask(q.incidents_by_month, f.units, f"{first}-01", f"{last}-12", severities, categories)
st.header(f"Incidenter per månad {first}–{last}" if first != last else f"Incidenter per månad {first}")
event = chart_block(
    f,
    monthly_by_severity(monthly, selectable=True),
    monthly_summary(monthly, f.unit_label),
    monthly_table(monthly),
    "incidenter-per-manad.csv",
    select_key="monthly_selection",
)
if (picked := selected_bar(event)) is not None:
    month, severity = picked
    rows = f.ask(q.incident_rows, f.units, month, severity, categories)
    st.subheader(f"Raderna bakom stapeln: {SEVERITY_WORDS[severity].lower()} {month}")
    st.markdown(f"{len(rows)} rader visas (högst 200), med fil och rad de importerades från.")
    table_of(rows_table(rows, f.config.unit_names))
else:
    st.markdown("Klicka på en stapel för att se raderna bakom den.")

totals = by_year.groupby("year", as_index=False)[["count", "critical"]].sum()
left, right = st.columns(2)
with left:
    st.header("År mot år")
    chart_block(
        f,
        yearly_totals(totals, "count", "Antal incidenter"),
        yearly_summary(totals, "count"),
        totals.rename(columns={"year": "År", "count": "Antal", "critical": "Kritiska"}),
        "incidenter-per-ar.csv",
    )
with right:
    st.header("Kritiska incidenter per år")
    chart_block(
        f,
        yearly_totals(totals, "critical", "Kritiska incidenter"),
        yearly_summary(totals, "critical"),
        totals[["year", "critical"]].rename(columns={"year": "År", "critical": "Kritiska"}),
        "kritiska-per-ar.csv",
    )

st.header("Kategorier")
chart_block(f, category_split(by_year), category_summary(by_year), category_table(by_year), "kategorier.csv")

st.header(f"Per enhet {last}")
units = f.ask(q.incidents_by_unit, last)
chart_block(
    f,
    by_unit(units, f.config.unit_names),
    unit_summary(units, f.config.unit_names, last),
    unit_table(units, f.config.unit_names),
    f"incidenter-per-enhet-{last}.csv",
)

st.header("Kritiska incidenter och deras rapporter")
critical = f.ask(q.critical_incidents, f.units)
st.markdown(inert(critical_summary(critical)))
table_with_limit(
    critical_table(critical.head(TABLE_ROWS_SHOWN), f.config.unit_names),
    total=len(critical),
    note=f"De {TABLE_ROWS_SHOWN} senaste av {swedish_int(len(critical))} kritiska incidenter visas.",
)

st.header("Rapporteringstider: cybersäkerhetslagen och IMY")
# At a meeting, what was still open is judged at the end of the meeting's day.
moment = dt.datetime.combine(f.meeting.meeting_date, dt.time(23, 59)) if f.meeting else swedish_now()
deadlines = reporting_deadlines(f.ask(q.reportable_incidents, f.units), moment)
on_time = on_time_by_year(deadlines)
if deadlines.empty:
    st.markdown("Inga incidenter med rapporteringsplikt är registrerade (kolumnerna *upptäckt* och *betydande*).")
else:
    chart_block(
        f,
        on_time_by_year_chart(on_time, ON_TIME_TARGET),
        deadline_summary(deadlines, on_time),
        deadline_table(deadlines, f.config.unit_names),
        "rapporteringstider.csv",
    )

corrections_section(f)
