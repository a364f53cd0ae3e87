"""Blocks every view draws the same way: a chart with its summary, its table and its download; a table
of bounded length."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import pandas as pd
import streamlit as st

from charts.render import Drawing, vega_lite_spec
from domain.formatting import inert, swedish_int, table_cell
from ingest.exports import csv_bytes
from ui.frame import Frame
from ui.sign_in import log_export

TABLE_ROWS_SHOWN = 100


def table_of(frame: pd.DataFrame, *, hide_index: bool = True) -> None:
    """st.table, whose cells Streamlit renders as Markdown, with every text cell and header made inert and
    numbers written as on the charts ("17 850", "78,7"; years and numbers of things as they are); short
    cells (dates, case numbers, figures) never break inside. An empty table says so in Swedish."""
    if frame.empty:
        st.markdown("*Inga rader.*")
        return
    shown = frame.copy()
    shown.columns = [inert(c) for c in shown.columns]
    for column in shown.columns:
        values = shown[column]
        if pd.api.types.is_bool_dtype(values):
            continue
        if pd.api.types.is_numeric_dtype(values):
            shown[column] = values.map(lambda v, c=column: "–" if pd.isna(v) else table_cell(v, c))
        elif values.dtype == object or pd.api.types.is_string_dtype(values):
            shown[column] = values.map(lambda v: inert(v) if isinstance(v, str) else v)
    if not hide_index:
        shown.index = shown.index.map(lambda v: inert(v) if isinstance(v, str) else v)
    short = [i for i, c in enumerate(frame.columns) if frame[c].map(lambda v: len(str(v)) <= SHORT_CELL).all()]
    keep_whole = [{"selector": f"td.col{i} p", "props": "white-space: nowrap"} for i in short]
    st.table(shown.style.set_table_styles(keep_whole), hide_index=hide_index)


SHORT_CELL = 24  # characters: a date and time, a case number, a figure with its words


def chart_block(
    f: Frame,
    chart: Drawing,
    summary: str,
    table: pd.DataFrame,
    file_name: str,
    select_key: str | None = None,
) -> Any:
    """The summary in words, the chart (its summary as alt text), and the data behind it as table and CSV.

    With `select_key` a selection in the chart reruns the page and its state is returned.
    """
    st.markdown(inert(summary))
    spec = vega_lite_spec(chart)
    if select_key:
        event: Any = st.vega_lite_chart(
            spec, width="stretch", theme=None, alt=summary, on_select="rerun", key=select_key
        )
    else:
        event = st.vega_lite_chart(spec, width="stretch", theme=None, alt=summary)
    folded("Visa som tabell", f"table_{file_name}", lambda: table_block(f, table, file_name))
    return event if select_key else None


def folded(label: str, key: str, draw: Callable[[], None], *, expanded: bool = False) -> None:
    """An expander whose content is drawn only while it is open (opening it reruns the page).

    The tables behind a view's charts are rarely opened; drawing every one on every run was most of a
    view's time (Status: 13 tables, about half of a warm run).
    """
    box = st.expander(inert(label), expanded=expanded, key=key, on_change="rerun")
    if box.open:
        with box:
            draw()


def table_block(f: Frame, table: pd.DataFrame, file_name: str) -> None:
    """A table (the first rows) and all of it as a CSV file, the download logged."""
    table_with_limit(table)
    st.download_button(
        "Ladda ner som CSV",
        partial(csv_bytes, table),  # made when clicked, not on every run
        file_name=file_name,
        mime="text/csv",
        key=f"download_{file_name}",
        on_click=log_export,
        args=(f.actor, file_name),
    )


def table_with_limit(
    table: pd.DataFrame, limit: int = TABLE_ROWS_SHOWN, total: int | None = None, note: str | None = None
) -> None:
    """A plain table (read well by screen readers) of at most `limit` rows; all rows are in the CSV file.

    Thousands of rows would make the page slow to draw and impossible to read; the first rows are
    shown and the rest named.
    """
    table_of(table.head(limit))
    total = len(table) if total is None else total
    if total > limit:
        st.caption(
            note or f"De första {swedish_int(limit)} av {swedish_int(total)} raderna visas; alla finns i CSV-filen."
        )
