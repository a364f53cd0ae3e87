"""A bare Streamlit page shaped like the deck, for `make bench`: per slide (`?bild=N`) as many texts and
charts (a small bar chart each) as the deck's slide, and a link to the next. No store, no cache, no theme:
the least a Streamlit page with that much on it costs to step to. BARE_DECK names a JSON list of
{"texts": n, "charts": n} per slide."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import streamlit as st


def slide() -> None:
    shape = json.loads(Path(os.environ["BARE_DECK"]).read_text(encoding="utf-8"))
    wanted = st.query_params.get("bild", "1")
    number = int(wanted) if wanted.isdigit() and 1 <= int(wanted) <= len(shape) else 1
    counts = shape[number - 1]
    st.markdown(f"bild {number} av {len(shape)}")
    for i in range(counts["texts"]):
        st.markdown(f"Text {i} på bild {number}.")
    data = pd.DataFrame({"x": [f"{m:02d}" for m in range(1, 25)], "y": list(range(24))})
    columns = st.columns(max(1, counts["charts"]))
    for i in range(counts["charts"]):
        columns[i].vega_lite_chart(
            data, {"mark": "bar", "encoding": {"x": {"field": "x"}, "y": {"field": "y", "type": "quantitative"}}}
        )
    if number < len(shape):
        st.page_link(PAGE, label="Nästa bild →", query_params={"bild": str(number + 1)})


PAGE = st.Page(slide, title="Bilder", url_path="", default=True)  # a page a link can name
st.navigation([PAGE], position="hidden").run()
