"""Incidenter (/incidenter): per month by severity, year against year, categories, units, critical ones."""

from __future__ import annotations

from typing import Any

import streamlit as st

from domain.formatting import row_words
from domain.vocabulary import CATEGORY_WORDS, SEVERITY_WORDS
from queries import incidents as q
from ui.blocks import table_of
from ui.frame import view_frame
from ui.sections import present
from ui.widgets import code_filter, year_range
from view_models.incidents import MONTHLY, compose, rows_table, selected_bar, years_with_incidents

f = view_frame(__file__)
filters = {
    "severity": code_filter(f, "severity", "Allvarlighetsgrad", SEVERITY_WORDS),
    "category": code_filter(f, "category", "Kategori", CATEGORY_WORDS),
}
years = years_with_incidents(f.ask, f.scope(filters=filters))
scope = f.scope(filters=filters, years=year_range(f, years) if years else None)


def rows_behind(event: Any) -> None:
    """A click on a bar: the rows behind it, each with the file and row it was imported from."""
    if (picked := selected_bar(event)) is None:
        st.markdown("Klicka på en stapel för att se raderna bakom den.")
        return
    month, severity = picked
    rows = f.ask(q.incident_rows, f.units, month, severity, scope.filter("category"))
    st.subheader(f"Raderna bakom stapeln: {SEVERITY_WORDS[severity].lower()} {month}")
    st.markdown(f"{row_words(len(rows))} visas (högst 200), med fil och rad de importerades från.")
    table_of(rows_table(rows, f.config.unit_names))


present(f, compose, scope, what="incidenter", after={MONTHLY: rows_behind})
