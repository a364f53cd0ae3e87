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
from typing import Any, Literal, TypeVar

import altair as alt
import pandas as pd

from charts.render import Drawing
from domain.configuration import Config
from domain.formatting import quarter_label, swedish_int
from domain.roles import MEETING_VIEWS, VIEW_NAMED, View
from queries.data_overview import imports_after
from store.meetings import MeetingRecord
from view_models.meetings import import_words
from view_models.sections import (
    MAIN_ORDER,
    Ask,
    Chart,
    Compose,
    Figure,
    Figures,
    Line,
    Lines,
    Scope,
    Section,
    Since,
    Slot,
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
    chart: Drawing
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
    kind: Literal["content", "cover", "contents"] = "content"
    main: bool = False  # in the main part, at projector type; else in the appendix
    slot: Slot | None = None  # the main part's slide it is
    list_title: str = ""  # the words over the lines when figures come first
    part: str = ""  # the appendix part it belongs to, when not its view's ("Rättat efter mötet")
    links: tuple[tuple[str, int], ...] = ()  # "Bilagor": each part of the appendix and its first slide


@dataclass(frozen=True)
class Deck:
    """The main part (at most eight slides), "Bilagor" listing the appendix, and the appendix."""

    main: tuple[Slide, ...]
    appendix: tuple[Slide, ...]
    corrected: tuple[Correction, ...] = ()

    @property
    def contents(self) -> Slide | None:
        """The slide "Bilagor": the appendix's parts, each with the number of its first slide."""
        if not self.appendix:
            return None
        first: dict[str, int] = {}
        for i, slide in enumerate(self.appendix):
            first.setdefault(part_of(slide), len(self.main) + 2 + i)
        return Slide(
            "situation",
            "Bilagor",
            self.main[0].scope,
            lead=f"{swedish_int(len(self.appendix))} bilder i {swedish_int(len(first))} delar: bläddra vidare, "
            "eller välj en del.",
            kind="contents",
            part="Bilagor",
            links=tuple(first.items()),
        )

    @property
    def slides(self) -> list[Slide]:
        contents = self.contents
        return [*self.main, *((contents,) if contents else ()), *self.appendix]

    def place(self, number: int) -> str:
        """Where a slide (1-based) is: "bild 3 av 7", "Bilagor", "bilaga 4 av 30"."""
        if number <= len(self.main):
            return f"bild {number} av {len(self.main)}"
        if number == len(self.main) + 1:
            return "Bilagor"
        return f"bilaga {number - len(self.main) - 1} av {len(self.appendix)}"


def part_of(slide: Slide) -> str:
    return slide.part or VIEW_NAMED[slide.view].title


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


def build_deck(
    ask: Ask,
    scope: DeckScope,
    config: Config,
    *,
    since: Since | None = None,
    record: MeetingRecord | None = None,
) -> Deck:
    """The deck: its cover, the main part's slots, then the appendix of the views the body gets. `since` is
    the heading and the changes of "Sedan förra mötet" (None: "Sedan förra kvartalet" of the quarter)."""
    return deck_of(contents(ask, scope, config, since), scope, config, record)


def deck_of(views: list[ViewContent], scope: DeckScope, config: Config, record: MeetingRecord | None = None) -> Deck:
    main = [slide for slot in MAIN_ORDER if (slide := main_slide(views, slot)) is not None]
    empty = not any(s.slot in ("status", "kpis") for s in main)
    wanted = config.appendix(scope.body)
    appendix = [s for c in views if c.view.name in wanted and c.sections for s in slides_of(c)]
    return Deck((cover(scope, config, record, empty=empty), *main), tuple(appendix))


def cover(scope: DeckScope, config: Config, record: MeetingRecord | None, *, empty: bool) -> Slide:
    """Municipality, body, meeting date and §, quarter, title, who prepared it; and when the body has no
    figures for the quarter, that."""
    body = config.unit_names.get(scope.body, scope.body)
    quarter = quarter_label(scope.quarter)
    lines = [Line(f"{config.organisation.municipality} · {body}")]
    if record is not None:
        lines.append(Line(f"Möte {record.meeting_date.isoformat()}, {record.item} · {quarter}"))
        if record.prepared_by:
            lines.append(Line(f"Förberett av {record.prepared_by}"))
    else:
        lines.append(Line(f"Dagens data för {quarter}, inte ett protokollfört möte"))
    if empty:
        lines.append(Line(f"{body} har inga rapporterade uppgifter för {quarter}: varken status eller nyckeltal."))
    title = record.title if record is not None else "IT- och informationssäkerhet"
    return Slide("situation", title, body, lines=tuple(lines), kind="cover", main=True)


def main_slide(views: list[ViewContent], slot: Slot) -> Slide | None:
    """The one slide of a slot: the figures, lines and charts of every section that names it; None when
    there is nothing to say."""
    parts = [(c, s) for c in views for s in c.sections if getattr(s, "main", None) == slot]
    if not parts:
        return None
    content, first = parts[0]
    figures: list[Figure] = []
    lines: list[Line] = []
    charts: list[SlideChart] = []
    notes: list[str] = []
    lead, list_title = "", ""
    for _, section in parts:
        if isinstance(section, Figures):
            figures += [f for f in section.figures if f.present]
            lead = lead or section.lead
        elif isinstance(section, Lines):
            shown = section.lines[: section.at_most] if section.at_most is not None else section.lines
            lines += shown
            list_title = list_title or (section.title if shown and section is not first else "")
            count = len(section.lines) if section.total is None else section.total
            if shown and count > len(shown):
                notes.append(f"Ytterligare {swedish_int(count - len(shown))}; alla finns {section.rest}.")
        elif isinstance(section, Chart):
            charts.append(_slide_chart(section, section.slide_chart or section.chart))
    if not (figures or lines or charts):
        return None
    title = _slide_title(first)
    columns = first.columns if isinstance(first, Figures) else 3
    return Slide(
        content.view.name,
        title,
        content.scope_label,
        lead=lead,
        figures=tuple(figures),
        columns=columns,
        charts=tuple(charts),
        lines=tuple(lines),
        note=" ".join(notes),
        main=True,
        slot=slot,
        list_title=list_title,
    )


def _slide_title(section: Section) -> str:
    slide_title = getattr(section, "slide_title", "")
    return slide_title or str(getattr(section, "title", ""))


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
        if getattr(section, "main", None) is not None:
            continue  # on the main part's slide
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
    return slides  # none when the view's sections are all in the main part or on the screen only


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


def _slide_chart(section: Chart, chart: Drawing, table: pd.DataFrame | None = None) -> SlideChart:
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
    """The slides "Rättat efter mötet" in a meeting's appendix: what reads differently today, and why."""
    slides = lines_slides(
        "situation",
        "Rättat efter mötet",
        body,
        [Line(c.text) for c in corrected],
        empty="Inget av det som visades har ändrats sedan mötet.",
    )
    return [replace(s, part="Rättat efter mötet") for s in slides]


def correction_sentence(corrected: list[Correction]) -> str:
    """The main part's word on corrections: how many, and where they are."""
    if not corrected:
        return "Rättat efter mötet: inget av det som visades har ändrats."
    many = len(corrected)
    facts = "uppgift" if many == 1 else "uppgifter"
    return f"Rättat efter mötet: {swedish_int(many)} {facts} läser annorlunda i dag; se bilagan Rättat efter mötet."


def meeting_deck(
    ask_at: Callable[[int | None], Ask],
    record: MeetingRecord,
    earlier: MeetingRecord | None,
    scope: DeckScope,
    config: Config,
) -> Deck:
    """A meeting's deck as presented (read as of its batch), with "Sedan förra mötet" against the body's
    previous record and "Rättat efter mötet": each view as presented compared with the same view today,
    in a sentence on the main part's last slide and in full in the appendix. `ask_at(batch)` asks as of a
    batch (None: now)."""
    since = None
    if earlier is not None:
        since = since_meeting(ask_at(earlier.batch_id), earlier, ask_at(record.batch_id), record, config)
    presented = contents(ask_at(record.batch_id), scope, config, since)
    later = ask_at(None)(imports_after, record.batch_id)
    changed: list[Correction] = []
    if not later.empty:  # nothing imported since the meeting: nothing can read differently (and no recomposing)
        current = contents(ask_at(None), scope, config, since)
        changed = [c for was, now in zip(presented, current, strict=True) for c in corrections(was, now)]
        changed = with_imports(changed, later, import_words)
    deck = deck_of(presented, scope, config, record)
    main = list(deck.main)
    said = correction_sentence(changed)
    at = next((i for i, s in enumerate(main) if s.slot == "since"), None)
    if at is not None:
        main[at] = replace(main[at], note=" ".join(n for n in (main[at].note, said) if n))
    elif changed:
        main.append(Slide("situation", "Rättat efter mötet", main[0].scope, lead=said, main=True))
    body = config.unit_names.get(scope.body, scope.body)
    return Deck(tuple(main), (*deck.appendix, *correction_slides(changed, body)), tuple(changed))
