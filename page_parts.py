"""What every view does the same way: URL state, the example-data banner, charts with their summary,
table and download, and presentation mode. Pages stay thin by calling these."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

import altair as alt
import pandas as pd
import sqlalchemy as sa
import streamlit as st

from access_control import Actor
from app_store import app_config, current_store, latest_batch
from charts.render import vega_lite_spec
from configuration import Config
from data_sources.values import Invalid, parse_quarter
from exports import csv_bytes
from formatting import swedish_int
from navigation import neighbours
from queries.cached import ask, cached_example_data_in_use
from session_identity import log_export, require

PRESENTATION_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"] {display: none;}
.block-container {padding-top: 1.5rem; max-width: 100%;}
html, body, [data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li {font-size: 1.35rem;}
h1 {font-size: 3rem !important;} h2 {font-size: 2.1rem !important;}
[data-testid="stMetricValue"] {font-size: 3rem !important;}
</style>
"""


@dataclass(frozen=True)
class Board:
    """The state of a board view: which store, which batch, which units, presentation or not."""

    url: str
    engine: sa.Engine
    latest: int
    config: Config
    units: tuple[str, ...]
    present: bool
    actor: Actor

    def ask(self, query: Callable[..., Any], *args: Any) -> Any:
        """A cached query as of the latest batch."""
        return ask(query, self.url, self.latest, *args)

    @property
    def unit_label(self) -> str:
        names = [self.config.unit_names[u] for u in self.units]
        if not names:
            return "alla enheter"
        return names[0] if len(names) == 1 else f"{len(names)} enheter"


def board(title: str, view: str, *, all_units_by_default: bool = False) -> Board:
    """Read the URL (unit, present), draw the title and the example-data banner.

    No `unit` in the link means the configured default unit, or every unit where the view is about the
    whole municipality (incidents, recommendations, self-assessments); an empty `units` means all.
    """
    actor = require(view)
    config = app_config()
    url, engine = current_store()
    latest = latest_batch(engine)
    params = st.query_params
    present = params.get("present") == "1"
    asked = params.get_all("unit")
    units = tuple(u for u in asked if u in config.unit_names)
    if asked and len(units) < len(asked):
        unknown = ", ".join(u for u in asked if u not in config.unit_names)
        st.warning(f"Enheten {unknown} i länken finns inte och visas inte.")
    if not units and not all_units_by_default:
        units = (config.app.default_unit,)
    if present:
        st.html(PRESENTATION_CSS)
    else:
        units = tuple(
            st.sidebar.multiselect(
                "Enheter (ingen vald = alla)" if all_units_by_default else "Enheter",
                options=list(config.unit_names),
                default=list(units),
                format_func=config.unit_names.__getitem__,
                key=f"units_{title}",  # views differ in their default (one board or the whole municipality)
                placeholder="Alla enheter" if all_units_by_default else config.unit_names[config.app.default_unit],
            )
        ) or (() if all_units_by_default else (config.app.default_unit,))
        st.sidebar.toggle("Presentationsläge", key="present_toggle", on_change=_enter_presentation)
    if units:
        params["unit"] = list(units)
    elif "unit" in params:
        del params["unit"]
    st.title(title)
    example_data_banner(url, latest)
    return Board(url, engine, latest, config, units, present, actor)


def example_data_banner(url: str, latest: int) -> None:
    if latest and cached_example_data_in_use(url, latest):
        st.warning(
            "**Exempeldata.** Det som visas bygger på offentliga uppgifter från Malmö stad kompletterade med "
            "påhittade detaljer. Importera egna filer för att ersätta dem.",
            icon=":material/science:",
        )


def _enter_presentation() -> None:
    st.query_params["present"] = "1"


def choose_quarter(b: Board, quarters: Sequence[str]) -> str | None:
    """The quarter from the link (`period`), else the latest with data; written back into the link."""
    if not quarters:
        return None
    wanted = st.query_params.get("period")
    period = quarters[-1]
    if wanted:
        try:
            parsed = parse_quarter(wanted)
        except Invalid:
            parsed = None
        if parsed in quarters:
            period = parsed
        else:
            st.warning(f"Kvartalet '{wanted}' i länken saknar data; visar {period} i stället.")
    if not b.present:
        period = st.sidebar.selectbox(
            "Kvartal",
            options=list(reversed(quarters)),
            index=list(reversed(quarters)).index(period),
            key="period_choice",
            placeholder="Välj kvartal",
        )
    st.query_params["period"] = period
    return period


def empty_state(b: Board, what: str) -> None:
    if b.latest == 0:
        st.info(
            "Det finns inga data ännu. En controller importerar filer med kommandoraden eller under "
            "**Data och importer**; därefter visas de här."
        )
    else:
        st.info(f"Det finns inga {what} för {b.unit_label} ännu.")


def chart_block(
    b: Board,
    chart: alt.TopLevelMixin,
    summary: str,
    table: pd.DataFrame,
    file_name: str,
    select_key: str | None = None,
) -> Any:
    """The summary in words, the chart (its summary as alt text), and the data behind it as table and CSV.

    With `select_key` a selection in the chart reruns the page and its state is returned.
    """
    st.markdown(summary)
    selecting = {"on_select": "rerun", "key": select_key} if select_key else {}
    spec = vega_lite_spec(chart, large=b.present)
    event = st.vega_lite_chart(spec, width="stretch", theme=None, alt=summary, **selecting)
    with st.expander("Visa som tabell"):
        table_with_limit(table)
        st.download_button(
            "Ladda ner som CSV",
            partial(csv_bytes, table),  # made when clicked, not on every run
            file_name=file_name,
            mime="text/csv",
            key=f"download_{file_name}",
            on_click=log_export,
            args=(b.actor, file_name),
        )
    return event if select_key else None


TABLE_ROWS_SHOWN = 100


def table_with_limit(
    table: pd.DataFrame, limit: int = TABLE_ROWS_SHOWN, total: int | None = None, note: str | None = None
) -> None:
    """A plain table (read well by screen readers) of at most `limit` rows; all rows are in the CSV file.

    Thousands of rows would make the page slow to draw and impossible to read; the first rows are
    shown and the rest named.
    """
    st.table(table.head(limit), hide_index=True)
    total = len(table) if total is None else total
    if total > limit:
        st.caption(
            note or f"De första {swedish_int(limit)} av {swedish_int(total)} raderna visas; alla finns i CSV-filen."
        )


def presentation_footer(b: Board, script: str) -> None:
    """Previous and next view in meeting order, keeping quarter and units; a way out of presentation."""
    if not b.present:
        return
    previous, following = neighbours(script, b.actor)
    keep: dict[str, str | list[str]] = {"present": "1"}
    if b.units:
        keep["unit"] = list(b.units)
    if period := st.query_params.get("period"):
        keep["period"] = period
    left, middle, right = st.columns([1, 1, 1])
    if previous is not None:
        left.page_link(previous.script, label=f"← {previous.title}", query_params=keep)
    exit_params = {k: v for k, v in keep.items() if k != "present"}
    middle.page_link(script, label="Avsluta presentationsläget", query_params=exit_params)
    if following is not None:
        right.page_link(following.script, label=f"{following.title} →", query_params=keep)
