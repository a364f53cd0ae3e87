"""Widgets bound to the link: each reads its value from the query string, offers a control, and writes
the choice back, so a copied link reproduces the view."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from domain.configuration import Assessment
from domain.formatting import inert
from domain.values import Invalid, parse_quarter
from ui.frame import Frame


def choose_quarter(f: Frame, quarters: Sequence[str]) -> str | None:
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
        if parsed is not None and parsed in quarters:
            period = parsed
        else:
            st.warning(f"Kvartalet '{inert(wanted)}' i länken saknar data; visar {period} i stället.")
    if f.meeting is None:  # a meeting's quarter is fixed
        period = (
            st.sidebar.selectbox(
                "Kvartal",
                options=list(reversed(quarters)),
                index=list(reversed(quarters)).index(period),
                key="period_choice",
                placeholder="Välj kvartal",
            )
            or period
        )  # an index is given: never empty
    st.query_params["period"] = period
    return period


def year_range(f: Frame, years: list[int]) -> tuple[int, int]:
    """Years from the link (`from`, `to`), else the last two with data; a slider."""
    params = st.query_params

    def year(name: str, default: int) -> int:
        value = params.get(name)
        return int(value) if value and value.isdigit() and int(value) in years else default

    first, last = year("from", years[max(0, len(years) - 2)]), year("to", years[-1])
    first, last = min(first, last), max(first, last)
    if len(years) > 1:
        first, last = st.sidebar.select_slider("År", options=years, value=(first, last), key="incident_years")
    params["from"], params["to"] = str(first), str(last)
    return first, last


def code_filter(f: Frame, name: str, label: str, words: dict[str, str]) -> tuple[str, ...]:
    """A filter on coded values kept in the link as repeated `name`; a multiselect."""
    params = st.query_params
    chosen = [c for c in params.get_all(name) if c in words]
    chosen = st.sidebar.multiselect(
        label,
        list(words),
        default=chosen,
        format_func=words.__getitem__,
        placeholder="Alla",
        key=f"incident_{name}",
    )
    if chosen:
        params[name] = chosen
    elif name in params:
        del params[name]
    return tuple(chosen)


def choose_assessment(f: Frame) -> Assessment:
    """The self-assessment from the link (`assessment`), else the first configured."""
    assessments = f.config.assessments
    names = {ident: a.name for ident, a in assessments.items()}
    return assessments[choose_one("assessment", "Självskattning", names, "Välj självskattning")]


def choose_one(param: str, label: str, names: dict[str, str], placeholder: str) -> str:
    """One of `names` (id → what the list shows) from the link's `param`, else the first; a list in the
    sidebar, written back into the link."""
    wanted = st.query_params.get(param)
    ids = list(names)
    ident = wanted if wanted in names else ids[0]
    ident = st.sidebar.selectbox(
        label,
        ids,
        index=ids.index(ident),
        format_func=names.__getitem__,
        key=f"{param}_choice",
        placeholder=placeholder,
    )
    st.query_params[param] = ident
    return ident


# The size Streamlit states is its server-wide cap; the import's own limit (app.yaml) is said instead. The
# button's English "Upload" becomes "Välj fil" by ui/streamlit_page.py, which translates Streamlit's texts.
_UPLOADER_CSS = """
<style>
[data-testid="stFileUploaderDropzoneInstructions"] span {{display: none;}}
[data-testid="stFileUploaderDropzoneInstructions"] div::after {{content: "eller dra filen hit · högst {limit} MB";}}
</style>
"""


def file_upload(label: str, key: str, limit_mb: int) -> UploadedFile | None:
    """Streamlit's file uploader, saying the import's own size limit."""
    st.html(_UPLOADER_CSS.format(limit=int(limit_mb)))
    return st.file_uploader(
        label,
        key=key,  # no `type`: Streamlit would refuse other files in English; the import says why in Swedish
        help=f"En CSV-fil (semikolon eller komma) eller en Excel-arbetsbok (.xlsx), högst {limit_mb} MB.",
    )
