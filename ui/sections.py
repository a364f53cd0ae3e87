"""A view's sections on the screen: figures in bordered boxes, charts with their sentence, table and
download, lists with a word and a symbol, tables; and "Rättat efter mötet", compared from the same value
the view shows."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import streamlit as st

from domain.formatting import inert, swedish_int
from domain.roles import VIEW_NAMED
from queries.data_overview import imports_after
from ui.app_store import app_config, asking_at, newest_record
from ui.blocks import chart_block, folded, table_block, table_of, table_with_limit
from ui.frame import Frame, empty_state
from view_models.meetings import import_words
from view_models.presentation import Correction, corrections, with_imports
from view_models.sections import (
    MARK_WORDS,
    About,
    Chart,
    Compose,
    Figure,
    Figures,
    Heading,
    Line,
    Lines,
    Links,
    Record,
    Records,
    Scope,
    Section,
    Table,
    Text,
    ViewContent,
)

BADGE = {"green": "green", "amber": "orange", "red": "red"}
MARK_COLOURS = {"better": "green", "worse": "red", "info": "blue", "overdue": "red"}
MARK = {mark: f":{colour}-badge[{MARK_WORDS[mark]}]" for mark, colour in MARK_COLOURS.items()}
After = Callable[[Any], None]


def show(f: Frame, content: ViewContent, *, after: dict[str, After] | None = None, what: str = "") -> None:
    """Every section in order; `after[select_key]` is called with a chart's selection right below it (the
    rows behind a bar). A view with nothing to show says what is missing and stops."""
    if not content.sections:
        empty_state(f, what)
        st.stop()
    if content.lead:
        st.markdown(f"**{inert(content.lead)}**")
    sections = list(content.sections)
    while sections:
        section = sections.pop(0)
        if isinstance(section, Chart) and section.side_by_side and sections:
            beside = sections.pop(0)
            for place, chart in zip(st.columns(2), (section, beside), strict=True):
                with place:
                    _section(f, chart, after)
            continue
        _section(f, section, after)


def _section(f: Frame, section: Section, after: dict[str, After] | None) -> None:
    if isinstance(section, Figures):
        if section.on_screen:
            _figures(section)
    elif isinstance(section, Chart):
        _chart(f, section, after)
    elif isinstance(section, Lines):
        if section.on_screen:
            st.header(inert(section.title))
            _lines(section.lines[:LINES_SHOWN], section.empty)
            if rest := section.lines[LINES_SHOWN:]:
                label = f"Visa de övriga {swedish_int(len(rest))}"
                folded(label, f"lines_{section.title}", partial(_lines, rest))
    elif isinstance(section, Links):
        st.markdown(f"**{inert(section.title)}**")
        for link in section.links:
            view = VIEW_NAMED[link.view]
            st.page_link(view.script, label=inert(link.label), icon=view.icon, query_params=link.params)
    elif isinstance(section, Heading):
        st.header(inert(section.title))
    elif isinstance(section, Table):
        if section.title:
            st.header(inert(section.title))
        if section.lead:
            st.markdown(inert(section.lead))
        if section.file_name:
            table_block(f, section.table, section.file_name)
        else:
            table_with_limit(section.table, section.limit, section.total, section.note or None)
    elif isinstance(section, Records):
        st.header(inert(section.title))
        for i, record in enumerate(section.records):
            folded(record.title, f"record_{section.title}_{i}", partial(_record, record), expanded=record.flagged)
    elif isinstance(section, Text):
        st.markdown(f"**{inert(section.strong)}**{inert(section.text)}" if section.strong else inert(section.text))


def _chart(f: Frame, section: Chart, after: dict[str, After] | None) -> None:
    if section.heading != "":
        (st.subheader if section.minor else st.header)(inert(section.heading or section.title))
    if section.lead:
        st.markdown(f"*{inert(section.lead)}*")
    event = chart_block(f, section.chart, section.summary, section.table, section.file_name, section.select_key or None)
    if section.about is not None:
        folded(section.about.label, f"about_{section.file_name}", partial(_about, section.about))
    if after and section.select_key in after:
        after[section.select_key](event)


LINES_SHOWN = 20  # of a list on the screen; a city's "Sedan förra kvartalet" had 1 374, the rest one click away


def _lines(lines: tuple[Line, ...], empty: str = "") -> None:
    st.markdown("\n".join(_line(line) for line in lines) or inert(empty))


def _record(record: Record) -> None:
    flag = " – :red-badge[■ Försenad]" if record.flagged else ""
    st.markdown(f"**{inert(record.heading)}**{flag}")
    for paragraph in record.details:
        st.markdown(inert(paragraph))
    table_of(record.table)


def _about(about: About) -> None:
    st.markdown(inert(about.text))
    table_of(about.table(), hide_index=True)


def _line(line: Line) -> str:
    mark = MARK.get(line.mark)
    return f"- {mark} {inert(line.text)}" if mark else f"- {inert(line.text)}"


STATUS_TILE_PX = 236  # "Informationsklassning", the longest word of an area's name, in bold, with the padding


def _figures(section: Figures) -> None:
    if section.title:
        st.header(inert(section.title))
    if section.lead:
        st.markdown(inert(section.lead))
    if section.style == "status":  # tiles as wide as their longest word, as many a row as fit: never a word cut
        with st.container(horizontal=True, wrap=True):
            for figure in section.figures:
                with st.container(border=True, width=STATUS_TILE_PX):
                    st.markdown(_figure_text(figure, section.style))
        return
    columns = st.columns(section.columns)
    for i, figure in enumerate(section.figures):
        with columns[i % section.columns].container(border=True):
            st.markdown(_figure_text(figure, section.style))


def _figure_text(figure: Figure, style: str) -> str:
    """A tile in one block: the label, the value large, the notes. The tone is a badge on the words that
    judge the value (the status word, or the first note: "Mål 5 % · ■ Långt från målet"), never colour
    alone. A figure with no value says what is missing under its heading."""
    if not figure.present:
        return "  \n".join([f"**{inert(figure.heading)}**", *(inert(n) for n in figure.notes)])
    notes = [inert(n) for n in figure.notes]
    colour = BADGE.get(figure.tone or "")
    if style == "status":
        value = f":{colour}-badge[{inert(figure.value)}]" if colour else inert(figure.value)
        return f"**{inert(figure.label)}**  \n{value}  {'  '.join(notes)}"
    if colour and notes:
        notes[0] = f":{colour}-badge[{notes[0]}]"
    return "\n\n".join([f"**{inert(figure.label)}**", f"### {inert(figure.value)}", "  \n".join(notes)])


def present(f: Frame, compose: Compose, scope: Scope, *, what: str, after: dict[str, After] | None = None) -> None:
    """A board view: its sections as of the frame's batch (a meeting's, or today's), then what reads
    differently today when it is opened on a meeting record."""
    show(f, composed(f, compose, scope, f.as_of), after=after, what=what)
    corrections_section(f, compose, scope)


def composed(f: Frame, compose: Compose, scope: Scope, as_of: int | None) -> ViewContent:
    """A view's sections, composed once per store state, scope and batch and shared by every session: at
    a board meeting thirty members open the same view within a minute, and it says the same to them all."""
    name = f"{compose.__module__}.{compose.__qualname__}"
    return _composed(name, compose, f.url, f.latest, newest_record(f.url), as_of, scope, str(f.config.directory))


@st.cache_resource(show_spinner=False, max_entries=256)
def _composed(
    name: str,
    _compose: Compose,
    url: str,
    latest: int,
    records: int,  # the newest meeting record: views that read the records say more when one is made
    as_of: int | None,
    scope: Scope,
    config_directory: str,
) -> ViewContent:
    return _compose(asking_at(url, latest, as_of), scope, app_config())


def corrections_section(f: Frame, compose: Compose, scope: Scope) -> None:
    """The section "Rättat efter mötet" of a board view opened on a record: each of the view's figures and
    chart sentences that reads differently today, old → new, with the import that changed it — the view as
    presented compared with the same view today."""
    if f.meeting is None:
        return
    presented = composed(f, compose, scope, f.as_of)
    current = composed(f, compose, scope, None)
    changed = _named(f, corrections(presented, current))
    st.header("Rättat efter mötet")
    if changed:
        st.markdown("\n".join(f"- {inert(c.text)}" for c in changed))
    else:
        st.markdown("Inget av det som visades här har ändrats sedan mötet.")


def _named(f: Frame, changed: list[Correction]) -> list[Correction]:
    if not changed or f.meeting is None:
        return changed
    return with_imports(changed, f.ask_now(imports_after, f.meeting.batch_id), import_words)
