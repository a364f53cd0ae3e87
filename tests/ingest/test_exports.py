"""Downloads that open safely in Swedish Excel."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from ingest.exports import FORMULA_STARTS, csv_bytes, safe_frame


@given(st.lists(st.one_of(st.text(), st.integers(), st.floats(allow_nan=False)), min_size=1, max_size=20))
def test_no_exported_text_cell_begins_with_a_formula_character(cells):
    frame = pd.DataFrame({"värde": pd.Series(cells, dtype=object)})
    safe = safe_frame(frame)
    for original, exported in zip(cells, safe["värde"], strict=True):
        if isinstance(original, str):
            assert not exported.startswith(FORMULA_STARTS)
        else:
            assert exported == original  # numbers stay numbers


def test_csv_download_opens_in_swedish_excel():
    data = csv_bytes(pd.DataFrame({"Enhet": ["=HYPERLINK(1)"], "Andel": [32.5]}))
    assert data.startswith("\ufeff".encode())
    assert data.decode("utf-8-sig").splitlines() == ["Enhet;Andel", "'=HYPERLINK(1);32,5"]
