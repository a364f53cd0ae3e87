"""An Altair chart made into the Vega-Lite spec Streamlit draws, themed, without validating it again.

`st.altair_chart` validates every spec against the Vega-Lite JSON schema, and Altair deep-copies the
chart on each `configure_*`: together about 20 ms a chart, most of the Status view's seven charts'
time. Validation catches mistakes in the chart builders, which are fixed code: the tests validate
every builder's output against the schema (tests/charts), so drawing skips it.

The data goes to Streamlit as data frames under names that hash their content, as Streamlit's own
conversion does, so a chart whose data has not changed keeps its identity (and its selection).
"""

from __future__ import annotations

import hashlib
import json
import threading
from typing import Any

import altair as alt
import pandas as pd

from charts.fonts import FAMILY, font_dir
from charts.theme import theme_config

_TRANSFORMER = "dashboard_named_frames"
# Altair's active theme and data transformer are global to the process; sessions draw in threads.
_ALTAIR_GLOBALS = threading.Lock()


def _named_frame(data: Any, datasets: dict[str, pd.DataFrame]) -> dict[str, str]:
    frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame(data)
    digest = hashlib.sha256(repr([(str(c), str(t)) for c, t in frame.dtypes.items()]).encode())
    digest.update(pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes())
    name = f"data-{digest.hexdigest()[:20]}"
    datasets[name] = frame
    return {"name": name}


alt.data_transformers.register(_TRANSFORMER, _named_frame)


def vega_lite_spec(chart: alt.TopLevelMixin, large: bool = False) -> dict[str, Any]:
    """The chart's Vega-Lite spec with the app's theme and its data frames under `datasets`."""
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
    spec["config"] = {**spec.get("config", {}), **theme_config(large)}
    spec["datasets"] = {**spec.get("datasets", {}), **datasets}
    return spec


_FONTS_REGISTERED = threading.Lock()
_fonts_ready = False


def svg_text(chart: alt.TopLevelMixin, *, width: int = 900) -> str:
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
