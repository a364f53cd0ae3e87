"""Självskattningar (/sjalvskattningar): rating shares over the years, units × categories, each statement."""

from __future__ import annotations

import streamlit as st

from charts.self_assessments import shares_over_years, statements_compared, unit_category_matrix
from domain.formatting import inert
from queries import self_assessments as q
from rules.self_assessments import (
    satisfactory_by_unit_and_category,
    shares_by_year,
    statement_comparison,
    statement_results,
)
from ui.blocks import chart_block, table_of
from ui.frame import empty_state, view_frame
from ui.slides import corrections_section
from ui.widgets import choose_assessment
from view_models.self_assessments import (
    comparison_summary,
    comparison_table,
    matrix_summary,
    matrix_table,
    shares_summary,
    shares_table,
    statement_table,
)

f = view_frame("self_assessments", "Självskattningar", "sjalvskattningar", all_units_by_default=True)
assessment = choose_assessment(f)
years = f.ask(q.assessment_years, assessment.id)
if not years:
    empty_state(f, "självskattningar")
    st.stop()

shares = shares_by_year(f.ask(q.rating_counts_by_year, assessment.id, f.units))
st.header(f"{inert(assessment.name)} – bedömningar per år")
chart_block(f, shares_over_years(shares), shares_summary(shares), shares_table(shares), f"{assessment.id}-per-ar.csv")

year = years[-1]
ratings = f.ask(q.ratings_by_unit_and_statement, assessment.id, year)
if f.units:
    ratings = ratings[ratings["unit"].isin(f.units)]
matrix = satisfactory_by_unit_and_category(ratings, assessment)
st.header(f"Andel tillfredsställande per enhet och kategori {year}")
categories = [c.name for c in assessment.categories]
chart_block(
    f,
    unit_category_matrix(matrix, f.config.unit_names, categories),
    matrix_summary(matrix, f.config),
    matrix_table(matrix, f.config, categories),
    f"{assessment.id}-matris-{year}.csv",
)

st.header(f"Varje påstående {year}")
table_of(statement_table(statement_results(ratings, assessment)))

if len(years) > 1:
    first = years[0]
    texts = {s.id: s.text for s in assessment.statements}
    comparison = statement_comparison(f.ask(q.satisfactory_by_statement, assessment.id, f.units), first, year)
    st.header(f"Varje påstående {first} och {year}")
    chart_block(
        f,
        statements_compared(comparison, first, year, texts),
        comparison_summary(comparison, first, year),
        comparison_table(comparison, first, year, texts),
        f"{assessment.id}-pastaenden-{first}-{year}.csv",
    )

corrections_section(f)
