"""The deck a board is shown: the board views in meeting order, each view's sections (the same value the
screen renders) cut into slides that each fit one projector screen. The deck composes nothing itself.

A slide holds at most what fits 1280×720 at projector type: ten status tiles, three key figures, two
charts, or a page of lines. What a view has beyond that goes on further slides of the same view. The body
and the quarter are fixed for the whole deck; a slide says whose figures it shows (the body, or the whole
municipality where the view shows it). The board pack is made from the same slides.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

import altair as alt
import pandas as pd

from domain.configuration import Config
from domain.formatting import swedish_int
from domain.roles import MEETING_VIEWS, View
from queries.data_overview import imports_after
from store.meetings import MeetingRecord
from view_models.meetings import import_words
from view_models.sections import (
    Ask,
    Chart,
    Compose,
    Figure,
    Figures,
    Line,
    Lines,
    Scope,
    Since,
    ViewContent,
)
from view_models.situation import since_meeting

AREAS_PER_SLIDE = 10
KPIS_PER_SLIDE = 3
CHART_HEIGHT = 360  # one chart a slide, with its axes and legend
PAIR_HEIGHT = 300  # two charts side by side, each with its sentence above
ROW_STEP = alt.Step(28)  # a row of a heat map (areas, units): room for its label at projector size
LINE_BUDGET = 8  # lines of about LINE_WIDTH characters a slide of lines holds
LINE_WIDTH = 100
HEIGHTS: dict[str, int | alt.Step] = {
    "chart": CHART_HEIGHT,
    "short": PAIR_HEIGHT,
    "pair": PAIR_HEIGHT,
    "rows": ROW_STEP,
}

T = TypeVar("T")


@dataclass(frozen=True)
class SlideChart:
    """A chart on a slide, at the slide's height, with its sentence and the table behind it."""

    title: str
    chart: alt.TopLevelMixin
    summary: str
    table: pd.DataFrame


@dataclass(frozen=True)
class Slide:
    view: str  # the board view it comes from (domain.roles.VIEWS)
    title: str
    scope: str  # whose figures: the body's name, or "hela kommunen"
    lead: str = ""
    figures: tuple[Figure, ...] = ()
    columns: int = 5
    charts: tuple[SlideChart, ...] = ()
    lines: tuple[Line, ...] = ()
    note: str = ""  # what the slide leaves to the view (for example the rest of a long list)


@dataclass(frozen=True)
class DeckScope:
    """What a deck is about: one body and one quarter, read as of one batch (a meeting's) or today."""

    body: str
    quarter: str
    on: dt.date  # the meeting's date, or today: what is overdue is judged on it
    views: tuple[str, ...] = field(default_factory=lambda: tuple(v.name for v in MEETING_VIEWS))


def composer(view: View) -> Compose:
    """The view model of a view: `view_models/<name>.py` and its `compose` (a view has one name in every layer)."""
    module = importlib.import_module(f"view_models.{view.name}")
    compose: Compose = module.compose
    return compose


def view_scope(view: View, scope: DeckScope, since: Since | None = None) -> Scope:
    """The scope a view is composed with in the deck: the body's, or the whole municipality's."""
    units = () if view.whole_municipality else (scope.body,)
    return Scope(units, scope.quarter, scope.on, scope.body, in_deck=True, since=since)


def contents(ask: Ask, scope: DeckScope, config: Config, since: Since | None = None) -> list[ViewContent]:
    """Every view of the deck, composed for its scope, in meeting order."""
    views = [v for v in MEETING_VIEWS if v.name in scope.views]
    return [composer(v)(ask, view_scope(v, scope, since), config) for v in views]


def build_deck(ask: Ask, scope: DeckScope, config: Config, *, since: Since | None = None) -> list[Slide]:
    """Every slide of the deck in meeting order. `since` is the heading and the changes of "Sedan förra
    mötet" (None: "Sedan förra kvartalet" of the quarter)."""
    return [slide for content in contents(ask, scope, config, since) for slide in slides_of(content)]


def slides_of(content: ViewContent) -> list[Slide]:
    """A view's sections cut into slides: figures in grids, charts one or two a slide, lines by the page."""
    view, whose = content.view.name, content.scope_label
    if not content.sections:
        return [Slide(view, content.view.title, whose, lead=content.empty or content.lead)]
    slides: list[Slide] = []
    pairs: list[Chart] = []

    def flush_pairs() -> None:
        pages = chunks(pairs, 2)
        group = pairs[0].slide_title if pairs else ""
        slides.extend(
            Slide(view, numbered(group, i, len(pages)), whose, charts=tuple(_slide_chart(c, c.chart) for c in page))
            for i, page in enumerate(pages)
            if page
        )
        pairs.clear()

    for section in content.sections:
        if isinstance(section, Chart) and section.fit == "pair" and section.on_slide:
            if pairs and pairs[0].slide_title != section.slide_title:
                flush_pairs()
            pairs.append(section)
            continue
        flush_pairs()
        if isinstance(section, Figures) and section.on_slide:
            slides += _figure_slides(view, whose, section)
        elif isinstance(section, Chart) and section.on_slide:
            slides += _chart_slides(view, whose, section)
        elif isinstance(section, Lines) and section.on_slide:
            slides += lines_slides(
                view,
                section.title,
                whose,
                section.lines,
                empty=section.empty,
                at_most=section.at_most,
                total=section.total,
                rest=section.rest,
            )
    flush_pairs()
    return slides or [Slide(view, content.view.title, whose, lead=content.lead)]


def _figure_slides(view: str, whose: str, section: Figures) -> list[Slide]:
    shown = [f for f in section.figures if f.present]
    pages = chunks(shown, AREAS_PER_SLIDE if section.style == "status" else KPIS_PER_SLIDE)
    title = section.slide_title or section.title
    return [
        Slide(
            view, numbered(title, i, len(pages)), whose, lead=section.lead, figures=tuple(page), columns=section.columns
        )
        for i, page in enumerate(pages)
        if page
    ]


def _chart_slides(view: str, whose: str, section: Chart) -> list[Slide]:
    """One slide, or a page of a long chart a slide (numbered), the note on the last."""
    title = section.slide_title or section.title
    pages = section.slide_pages or ((section.slide_chart or section.chart, section.table),)
    slides = [
        Slide(
            view,
            numbered(title, i, len(pages)),
            whose,
            lead=section.lead,
            charts=(_slide_chart(section, chart, table),),
        )
        for i, (chart, table) in enumerate(pages)
    ]
    return [*slides[:-1], replace(slides[-1], note=section.note)]


def _slide_chart(section: Chart, chart: alt.TopLevelMixin, table: pd.DataFrame | None = None) -> SlideChart:
    """The chart at the slide's height (with axes and legend), or rows of a fixed step: a slide is as tall
    as the screen whatever the data, and it holds at most as many rows as fit."""
    return SlideChart(
        section.title,
        chart.properties(height=HEIGHTS[section.fit]),
        section.slide_summary or section.summary,
        section.table if table is None else table,
    )


def chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]


def numbered(title: str, index: int, total: int) -> str:
    return title if total == 1 else f"{title} ({index + 1} av {total})"


def lines_slides(
    view: str,
    title: str,
    scope: str,
    lines: Sequence[Line],
    *,
    empty: str = "",
    at_most: int | None = None,
    total: int | None = None,
    rest: str = "",
) -> list[Slide]:
    """Lines cut into slides by how much text they hold; an empty list says so in one sentence. Beyond
    `at_most` lines (of `total`, when the list holds only the first) the last slide says how many more there
    are and where (`rest`)."""
    count = len(lines) if total is None else total
    more = count - at_most if at_most is not None and count > at_most else 0
    if at_most is not None:
        lines = lines[:at_most]
    pages: list[list[Line]] = [[]]
    used = 0
    for line in lines:
        height = max(1, -(-len(line.text) // LINE_WIDTH))
        if pages[-1] and used + height > LINE_BUDGET:
            pages.append([])
            used = 0
        pages[-1].append(line)
        used += height
    slides = [
        Slide(view, numbered(title, i, len(pages)), scope, lead="" if page else empty, lines=tuple(page))
        for i, page in enumerate(pages)
    ]
    if more:
        slides[-1] = replace(slides[-1], note=f"Ytterligare {swedish_int(more)}; alla finns {rest}.")
    return slides


@dataclass(frozen=True)
class Correction:
    """A figure or a chart's sentence that reads differently today than the board was shown."""

    view: str
    text: str  # "label: old → new", then the imports that changed it
    datasets: tuple[str, ...]


def corrections(presented: ViewContent, current: ViewContent) -> list[Correction]:
    """Each figure and chart sentence of a view as presented that reads differently today: old → new."""
    view = presented.view.name
    out: list[Correction] = []
    figures_now, sentences_now = current.figures, current.sentences
    for label, (value, datasets) in presented.figure_sources.items():
        new = figures_now.get(label, "saknas i dag")
        if new != value:
            out.append(Correction(view, f"{label}: {value} → {new}", datasets))
    for title, (sentence, datasets) in presented.sentence_sources.items():
        new = sentences_now.get(title, "saknas i dag")
        if new != sentence:
            out.append(Correction(view, f"{title}: «{sentence}» → «{new}»", datasets))
    return list(dict.fromkeys(out))


def with_imports(corrected: list[Correction], imports: pd.DataFrame, words: Callable[[Any], str]) -> list[Correction]:
    """Each correction with the imports after the meeting that changed its datasets (`words` names one)."""
    out = []
    for c in corrected:
        rows = imports[imports["dataset"].isin(c.datasets)] if not imports.empty else imports
        named = "; ".join(words(r) for r in rows.itertuples()) if not rows.empty else "okänd import"
        out.append(Correction(c.view, f"{c.text} – ändrat genom {named}", c.datasets))
    return out


def correction_slides(corrected: list[Correction], body: str) -> list[Slide]:
    """The slides "Rättat efter mötet" that end a meeting's deck: what reads differently today, and why."""
    return lines_slides(
        "situation",
        "Rättat efter mötet",
        body,
        [Line(c.text) for c in corrected],
        empty="Inget av det som visades har ändrats sedan mötet.",
    )


def meeting_deck(
    ask_at: Callable[[int | None], Ask],
    record: MeetingRecord,
    earlier: MeetingRecord | None,
    scope: DeckScope,
    config: Config,
) -> tuple[list[Slide], list[Correction]]:
    """A meeting's deck as presented (read as of its batch), with "Sedan förra mötet" against the body's
    previous record and, at the end, "Rättat efter mötet": each view as presented compared with the same
    view today. `ask_at(batch)` asks as of a batch (None: now)."""
    since = None
    if earlier is not None:
        since = since_meeting(ask_at(earlier.batch_id), earlier, ask_at(record.batch_id), record, config)
    presented = contents(ask_at(record.batch_id), scope, config, since)
    current = contents(ask_at(None), scope, config, since)
    changed = [c for was, now in zip(presented, current, strict=True) for c in corrections(was, now)]
    changed = with_imports(changed, ask_at(None)(imports_after, record.batch_id), import_words)
    slides = [slide for content in presented for slide in slides_of(content)]
    return slides + correction_slides(changed, config.unit_names.get(scope.body, scope.body)), changed
