"""An Altair chart made into the Vega-Lite spec Streamlit draws, themed, without validating it again.

`st.altair_chart` validates every spec against the Vega-Lite JSON schema, and Altair deep-copies the
chart on each `configure_*`: together about 20 ms a chart, most of the Status view's seven charts'
time. Validation catches mistakes in the chart builders, which are fixed code: the tests validate
every builder's output against the schema (tests/charts), so drawing skips it.

The data goes to Streamlit as data frames under names that hash their content, as Streamlit's own
conversion does, so a chart whose data has not changed keeps its identity (and its selection).

A chart drawn for every unit with the same grammar (a KPI over time, the status heat map) is a `Filled`:
Altair composes its `Grammar` once, with its data named, and each unit brings only its rows. Composing
and converting a layered chart in Altair is about 11 ms (its objects are deep-copied on each step);
filling the names is a fraction of one.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeAlias

import altair as alt
import pandas as pd

from charts.fonts import FAMILY, font_dir
from charts.theme import theme_config

_TRANSFORMER = "dashboard_named_frames"
_FEW_ROWS = 256  # where hashing a frame as JSON stops being the quicker way
# Altair's active theme and data transformer are global to the process; sessions draw in threads.
_ALTAIR_GLOBALS = threading.Lock()


def _named_frame(data: Any, datasets: dict[str, pd.DataFrame]) -> dict[str, str]:
    """The frame under `datasets` by a name hashed from its columns, their types and its values: a chart's
    few rows as JSON (a quarter of `hash_pandas_object`'s time, which costs a millisecond however small the
    frame), many rows by `hash_pandas_object` (less per row)."""
    frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame(data)
    digest = hashlib.sha256(repr([(str(c), str(t)) for c, t in frame.dtypes.items()]).encode())
    if len(frame) <= _FEW_ROWS:
        values = frame.to_json(orient="values", date_format="iso", double_precision=15, default_handler=str)
        digest.update((values or "").encode())
    else:
        digest.update(pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes())
    name = f"data-{digest.hexdigest()[:20]}"
    datasets[name] = frame
    return {"name": name}


alt.data_transformers.register(_TRANSFORMER, _named_frame)


class Grammar:
    """An Altair chart whose data are named (`alt.NamedData`), converted to its spec once: the part of a
    chart that is the same for every unit. Made once per shape (an `lru_cache` on its builder)."""

    def __init__(self, chart: alt.TopLevelMixin) -> None:
        self.chart = chart
        self._spec: dict[str, Any] | None = None
        self._sized: dict[str, Grammar] = {}

    def spec(self) -> dict[str, Any]:
        """The spec without theme or datasets; shared, so never changed (`_filled` copies it)."""
        if self._spec is None:
            self._spec = _altair_spec(self.chart)[0]
        return self._spec

    def properties(self, **properties: Any) -> Grammar:
        """The same grammar with other top-level properties (a slide's height), made once per value."""
        key = repr(sorted(properties.items()))
        if key not in self._sized:
            self._sized[key] = Grammar(self.chart.properties(**properties))
        return self._sized[key]


Rows: TypeAlias = pd.DataFrame | list[dict[str, Any]]


@dataclass(frozen=True)
class Filled:
    """A grammar and the rows of each of its named data: a frame goes to Streamlit as a dataset under a
    name that hashes its content; a few fixed values (a KPI's zones) are written inline."""

    grammar: Grammar
    data: Mapping[str, Rows]

    def properties(self, **properties: Any) -> Filled:
        return Filled(self.grammar.properties(**properties), self.data)


Drawing: TypeAlias = alt.TopLevelMixin | Filled


def vega_lite_spec(chart: Drawing, large: bool = False) -> dict[str, Any]:
    """The chart's Vega-Lite spec with the app's theme and its data frames under `datasets`."""
    datasets: dict[str, pd.DataFrame] = {}
    if isinstance(chart, Filled):
        spec = _filled(chart)
    else:
        spec, datasets = _altair_spec(chart)
    spec["config"] = {**spec.get("config", {}), **theme_config(large)}
    spec["datasets"] = {**spec.get("datasets", {}), **datasets}
    return spec


def _altair_spec(chart: alt.TopLevelMixin) -> tuple[dict[str, Any], dict[str, pd.DataFrame]]:
    datasets: dict[str, pd.DataFrame] = {}
    with (
        _ALTAIR_GLOBALS,
        alt.theme.enable("none"),  # Altair's default theme sets a fixed size; Streamlit sizes the chart
        alt.data_transformers.enable(_TRANSFORMER, datasets=datasets),
    ):
        consolidating = alt.data_transformers.consolidate_datasets
        alt.data_transformers.consolidate_datasets = False  # a few inline values stay where they are drawn
        try:
            spec = chart.to_dict(validate=False)
        finally:
            alt.data_transformers.consolidate_datasets = consolidating
    return spec, datasets


def _filled(chart: Filled) -> dict[str, Any]:
    """The grammar's spec copied with each named data replaced: a frame by its content-hashed name (the
    frame under `datasets`), rows by inline values."""
    datasets: dict[str, pd.DataFrame] = {}
    names = {
        name: _named_frame(rows, datasets) if isinstance(rows, pd.DataFrame) else {"values": rows}
        for name, rows in chart.data.items()
    }

    def copied(node: Any) -> Any:
        if isinstance(node, dict):
            if len(node) == 1 and node.get("name") in names:
                return names[node["name"]]
            return {key: copied(value) for key, value in node.items()}
        if isinstance(node, list):
            return [copied(value) for value in node]
        return node

    spec: dict[str, Any] = copied(chart.grammar.spec())
    spec["datasets"] = {**spec.get("datasets", {}), **datasets}
    return spec


_FONTS_REGISTERED = threading.Lock()
_fonts_ready = False


def svg_text(chart: Drawing, *, width: int = 900) -> str:
    """The chart drawn offline by vl-convert as SVG from the same spec, theme and Swedish locale as the
    screen, at projector size, in the screen's typeface: the board pack's picture of a chart (vectors in
    the PDF; rasterised by `png_of` for the PowerPoint)."""
    import vl_convert

    _register_fonts()
    spec = vega_lite_spec(chart, large=True)
    spec["datasets"] = {name: _records(data) for name, data in spec["datasets"].items()}
    spec["width"] = width
    spec["config"] = {**spec["config"], "font": FAMILY}
    return vl_convert.vegalite_to_svg(spec)


def png_of(svg: str, *, scale: float = 1.5) -> bytes:
    """An SVG of `svg_text` as a PNG, in the same typeface: sharp on a projector at 1.5 times its size."""
    import vl_convert

    _register_fonts()
    return vl_convert.svg_to_png(svg, scale=scale)


def _register_fonts() -> None:
    global _fonts_ready
    import vl_convert

    with _FONTS_REGISTERED:
        if not _fonts_ready:
            vl_convert.register_font_directory(font_dir())
            _fonts_ready = True


def _records(data: Any) -> Any:
    """A data frame as the JSON records Vega reads (dates as ISO text); anything else as it is."""
    if isinstance(data, pd.DataFrame):
        return json.loads(data.to_json(orient="records", date_format="iso", force_ascii=False))
    return data
