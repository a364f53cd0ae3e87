"""Självskattningar (/sjalvskattningar): rating shares over the years, units × categories, each statement."""

from __future__ import annotations

import streamlit as st

from charts.self_assessments import shares_over_years, unit_category_matrix
from page_parts import board, chart_block, empty_state, presentation_footer
from queries import board as q
from rules.self_assessments import satisfactory_by_unit_and_category, shares_by_year, statement_results
from self_assessment_view import (
    choose_assessment,
    matrix_summary,
    matrix_table,
    shares_summary,
    shares_table,
    statement_table,
)

b = board("Självskattningar", "sjalvskattningar", all_units_by_default=True)
assessment = choose_assessment(b)
years = b.ask(q.assessment_years, assessment.id, None)
if not years:
    empty_state(b, "självskattningar")
    st.stop()

shares = shares_by_year(b.ask(q.rating_counts_by_year, assessment.id, b.units, None))
st.header(f"{assessment.name} – bedömningar per år")
chart_block(b, shares_over_years(shares), shares_summary(shares), shares_table(shares), f"{assessment.id}-per-ar.csv")

year = years[-1]
ratings = b.ask(q.ratings_by_unit_and_statement, assessment.id, year, None)
if b.units:
    ratings = ratings[ratings["unit"].isin(b.units)]
matrix = satisfactory_by_unit_and_category(ratings, assessment)
st.header(f"Andel tillfredsställande per enhet och kategori {year}")
categories = [c.name for c in assessment.categories]
chart_block(
    b,
    unit_category_matrix(matrix, b.config.unit_names, categories),
    matrix_summary(matrix, b.config),
    matrix_table(matrix, b.config, categories),
    f"{assessment.id}-matris-{year}.csv",
)

st.header(f"Varje påstående {year}")
st.table(statement_table(statement_results(ratings, assessment)), hide_index=True)

presentation_footer(b, "views/self_assessments.py")
