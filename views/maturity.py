"""Mognad (/mognad): the units on each step of a maturity model per year, and each unit's move between
the last two years."""

from __future__ import annotations

import streamlit as st

from charts.maturity import distribution_by_year, unit_moves
from domain.formatting import inert
from queries import maturity as q
from rules.maturity import moves
from ui.blocks import chart_block
from ui.frame import empty_state, view_frame
from ui.slides import corrections_section
from ui.widgets import choose_one
from view_models.maturity import distribution_summary, levels_table, moves_summary, moves_table

f = view_frame("maturity", "Mognad", "mognad", all_units_by_default=True)
models = {m: f.config.maturity_models[m].name for m in f.ask(q.models) if m in f.config.maturity_models}
if not models:
    empty_state(f, "mognadsnivåer")
    st.stop()
model = f.config.maturity_models[choose_one("model", "Mognadsmodell", models, "Välj modell")]
distribution = f.ask(q.distribution, model.id, f.units)
levels = f.ask(q.levels, model.id, f.units)
if distribution.empty:
    empty_state(f, "mognadsnivåer")
    st.stop()

st.markdown(f"**{inert(distribution_summary(distribution, model))}**")
st.header(f"{inert(model.name)}: enheter per steg och år")
chart_block(
    f,
    distribution_by_year(distribution, model.steps),
    distribution_summary(distribution, model),
    levels_table(levels, model, f.config),
    f"mognad-{model.id}.csv",
)
years = sorted(int(y) for y in levels["year"].unique())
if len(years) > 1:
    first, last = years[-2], years[-1]
    moved = moves(levels, first, last)
    st.header(f"Varje enhets steg {first} och {last}")
    chart_block(
        f,
        unit_moves(moved, first, last, model.steps, f.config.unit_names),
        moves_summary(moved, first, last, f.config),
        moves_table(moved, first, last, model, f.config),
        f"mognad-{model.id}-{first}-{last}.csv",
    )
corrections_section(f)
