"""The exploration view's link state and labels: every value from the link is checked against the specs."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from charts import theme
from domain.configuration import Config
from domain.datasets import DATASETS
from queries.explore import SPECS

CHART_KINDS = {"bar": "Stapel", "line": "Linje", "heatmap": "Värmekarta", "table": "Tabell"}


@dataclass
class ExploreState:
    dataset: str = "incidents"
    measure: str = "count"
    group_by: list[str] = field(default_factory=lambda: ["year"])
    chart: str = "bar"
    filters: dict[str, list[str]] = field(default_factory=dict)


def state_from_link(params: dict[str, list[str]]) -> ExploreState:
    """The exploration as a link describes it; unknown names are dropped, never passed on."""
    state = ExploreState()
    dataset = (params.get("ds") or [state.dataset])[0]
    if dataset in SPECS:
        state.dataset = dataset
    spec = SPECS[state.dataset]
    measures = [m.id for m in spec.measures]
    measure = (params.get("measure") or [measures[0]])[0]
    state.measure = measure if measure in measures else measures[0]
    group_by = [g for g in params.get("by", []) if g in spec.dimensions][:2]
    state.group_by = group_by or [next(iter(spec.dimensions))]
    chart = (params.get("chart") or ["bar"])[0]
    state.chart = chart if chart in CHART_KINDS else "bar"
    state.filters = {d: params[f"f_{d}"] for d in spec.dimensions if params.get(f"f_{d}")}
    return state


def state_to_link(state: ExploreState) -> dict[str, str | list[str]]:
    link: dict[str, str | list[str]] = {
        "ds": state.dataset,
        "measure": state.measure,
        "by": state.group_by,
        "chart": state.chart,
    }
    for dimension, values in state.filters.items():
        if values:
            link[f"f_{dimension}"] = [str(v) for v in values]
    return link


NOT_GIVEN = "Ej angivet"  # an optional column left empty


def labeller(dataset: str, dimension: str, config: Config) -> dict[str, str]:
    """Swedish labels for a dimension's stored codes (units, areas, KPIs, coded values), by its column's kind."""
    kind = DATASETS[dataset].kind_of(dimension)
    return {} if kind is None else kind.label_of(config)


def labelled(frame: pd.DataFrame, state: ExploreState, config: Config) -> pd.DataFrame:
    """The result with Swedish column names and labels: what the chart, table and downloads show."""
    spec = SPECS[state.dataset]
    out = pd.DataFrame()
    for dimension in state.group_by:
        labels = labeller(state.dataset, dimension, config)
        out[spec.dimensions[dimension]] = frame[dimension].map(
            lambda v, labels=labels: NOT_GIVEN if pd.isna(v) else labels.get(v, str(v))
        )
    out["Värde"] = frame["value"].astype(float).round(1)
    return out


def label_colours(dataset: str, dimension: str, config: Config) -> dict[str, str] | None:
    """The board views' colours for a coded dimension, keyed by its Swedish labels."""
    kind = DATASETS[dataset].kind_of(dimension)
    palette = None if kind is None else theme.CODE_COLOURS.get(kind.codes)
    if kind is None or palette is None:
        return None
    labels = kind.label_of(config)
    return {labels[code]: colour for code, colour in palette.items()}


def display_table(table: pd.DataFrame, unit: str) -> pd.DataFrame:
    """The table as shown on the page: values in Swedish format (downloads keep the numbers)."""
    from domain.formatting import swedish_decimal, swedish_int, swedish_percent

    shown = table.copy()
    fmt = {"count": swedish_int, "percent": lambda v: swedish_percent(v, 1)}.get(unit, swedish_decimal)
    shown["Värde"] = shown["Värde"].map(fmt)
    return shown
