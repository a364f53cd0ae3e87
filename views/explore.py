"""Utforska (/utforska): a measure, one or two groupings, filters and a chart type; all in the link."""

from __future__ import annotations

from functools import partial

import streamlit as st

from charts.explore import explore_chart
from charts.render import vega_lite_spec
from domain.formatting import inert
from ingest.exports import csv_bytes, excel_bytes
from queries.explore import SPECS, distinct_values, explore
from ui.app_store import app_config, ask, current_store, latest_batch
from ui.blocks import folded, table_of
from ui.sign_in import require
from view_models.explore import (
    CHART_KINDS,
    display_table,
    label_colours,
    labelled,
    labeller,
    state_from_link,
    state_to_link,
)


def _label(labels: dict[str, str], value: object) -> str:
    return labels.get(str(value), str(value))


def _filters() -> None:
    for dimension in dims:
        values = ask(distinct_values, url, latest, state.dataset, dimension)
        labels = labeller(state.dataset, dimension, config)
        chosen = [v for v in values if str(v) in state.filters.get(dimension, [])]
        picked = st.multiselect(
            spec.dimensions[dimension],
            values,
            default=chosen,
            placeholder="Alla",
            format_func=partial(_label, labels),
            key=f"explore_f_{state.dataset}_{dimension}",
        )
        state.filters[dimension] = [str(v) for v in picked]


require("utforska")
config = app_config()
url, engine = current_store()
latest = latest_batch(engine)
st.title("Utforska")
state = state_from_link({k: st.query_params.get_all(k) for k in st.query_params})
spec_names = list(SPECS)

with st.sidebar:
    state.dataset = st.selectbox(
        "Datamängd",
        spec_names,
        index=spec_names.index(state.dataset),
        format_func=lambda d: SPECS[d].title,
        key="explore_dataset",
        placeholder="Välj",
    )
    spec = SPECS[state.dataset]
    if state.group_by[0] not in spec.dimensions:
        state = state_from_link({"ds": [state.dataset]})
    measures = {m.id: m for m in spec.measures}
    state.measure = st.selectbox(
        "Mått",
        list(measures),
        index=list(measures).index(state.measure),
        format_func=lambda m: measures[m].label,
        key=f"explore_measure_{state.dataset}",
        placeholder="Välj",
    )
    dims = list(spec.dimensions)
    first = st.selectbox(
        "Gruppera efter",
        dims,
        index=dims.index(state.group_by[0]),
        format_func=spec.dimensions.__getitem__,
        key=f"explore_by_{state.dataset}",
        placeholder="Välj",
    )
    others = ["", *(d for d in dims if d != first)]
    second = state.group_by[1] if len(state.group_by) > 1 and state.group_by[1] in others else ""
    second = st.selectbox(
        "och efter",
        others,
        index=others.index(second),
        key=f"explore_by2_{state.dataset}",
        format_func=lambda d: spec.dimensions.get(d, "(ingen)"),
        placeholder="Välj",
    )
    state.group_by = [first, *([second] if second else [])]
    kinds = list(CHART_KINDS)
    state.chart = (
        st.segmented_control(
            "Diagram",
            kinds,
            default=state.chart,
            format_func=CHART_KINDS.__getitem__,
            key="explore_chart",
            required=True,
        )
        or "bar"
    )
    # Each filter's choices are every value in the store: folded until used, so opening Utforska asks only
    # for its chart (at ten million incidents the choices were most of the first run).
    folded("Filter", f"explore_filters_{state.dataset}", _filters, expanded=any(state.filters.values()))

st.query_params.from_dict(state_to_link(state))
filters = tuple((d, tuple(chosen)) for d, chosen in state.filters.items() if chosen)
result = ask(explore, url, latest, state.dataset, state.measure, tuple(state.group_by), filters)
measure = measures[state.measure]
if result.empty:
    st.info("Inga rader matchar valet. Ta bort något filter.")
    st.stop()
table = labelled(result, state, config)
names = list(table.columns)
st.markdown(inert(f"{measure.label} per {' och '.join(n.lower() for n in names[:-1])}: {len(table)} grupper."))
if state.chart != "table":
    value_format = ",.0f" if measure.unit == "count" else ",.1f"
    beside = names[1] if len(names) > 2 else None
    colours = label_colours(state.dataset, state.group_by[-1], config) if beside else None
    chart = explore_chart(table, state.chart, names[0], beside, measure.label, value_format, colours)
    st.vega_lite_chart(
        vega_lite_spec(chart), width="stretch", theme=None, alt=f"{measure.label} per {names[0].lower()}"
    )
table_of(display_table(table, measure.unit))
left, right = st.columns(2)
left.download_button(
    "Ladda ner CSV", csv_bytes(table), file_name=f"utforska-{state.dataset}.csv", mime="text/csv", on_click="ignore"
)
right.download_button(
    "Ladda ner Excel",
    excel_bytes(table),
    file_name=f"utforska-{state.dataset}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    on_click="ignore",
)
