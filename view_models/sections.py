"""What a view says, as one typed value: its sections for a scope and an as-of batch. The screen renders
it (ui/sections.py), the deck cuts it into slides (view_models/deck.py), the board pack prints the slides,
and "Rättat efter mötet" compares the value as presented with today's. No streamlit here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

from charts.render import Drawing
from domain.roles import View
from domain.vocabulary import Tone
from queries.common import Ask

Mark = Literal["better", "worse", "info", "overdue", ""]
Fit = Literal[
    "chart", "short", "pair", "rows"
]  # a slide's chart: full height, below a lead, half of a pair, a row per category
WHOLE_MUNICIPALITY = "hela kommunen"
# The slides of the deck's main part after its cover, in this order; the sections of every view that name a
# slot share its one slide, and a slot with nothing to say is left out.
Slot = Literal["summary", "status", "kpis", "incidents", "recommendations", "duties", "since"]
MAIN_ORDER: tuple[Slot, ...] = ("summary", "status", "kpis", "incidents", "recommendations", "duties", "since")


@dataclass(frozen=True)
class Figure:
    """A key figure or a status tile: a label, its value, a line or two under it. `tone` is drawn as a badge
    next to a symbol and a word that say the same, never by colour alone. `heading` names the box on the
    screen; a figure without a value says in its notes what is missing and is left off the slides."""

    label: str
    value: str
    notes: tuple[str, ...] = ()
    tone: Tone | None = None
    heading: str = ""
    datasets: tuple[str, ...] = ()  # what it is read from: the imports that can change it

    @property
    def present(self) -> bool:
        return bool(self.value)


def missing(heading: str, text: str) -> Figure:
    return Figure("", "", (text,), heading=heading)


@dataclass(frozen=True)
class Figures:
    """Tiles in a grid: status words (five a row) or key figures (three a row)."""

    title: str
    figures: tuple[Figure, ...]
    style: Literal["status", "key", "rows"] = "key"  # rows: one figure a row (every KPI on one slide)
    lead: str = ""
    slide_title: str = ""  # the slide's title when it differs from the screen's heading
    on_slide: bool = True
    on_screen: bool = True
    main: Slot | None = None  # its slide in the deck's main part (the board's ten minutes); None: the appendix

    @property
    def columns(self) -> int:
        return {"status": 5, "key": 3, "rows": 1}[self.style]


@dataclass(frozen=True)
class About:
    """What a figure is and where its values came from, one click away on the screen. The table is made
    when it is opened: it asks the store for where each value came from, which few readers want."""

    label: str
    text: str
    table: Callable[[], pd.DataFrame]


@dataclass(frozen=True)
class Chart:
    """A chart with its one-sentence summary (also its alt text) and the table behind it. The slide may
    show a shorter chart (`slide_chart`: the units furthest behind); the table is always whole."""

    title: str
    chart: Drawing
    summary: str
    table: pd.DataFrame
    file_name: str
    fit: Fit = "chart"
    slide_chart: Drawing | None = None
    slide_pages: tuple[tuple[Drawing, pd.DataFrame], ...] = ()  # a chart too long for one slide, cut
    slide_title: str = ""
    slide_summary: str = ""  # the sentence on the slide when the screen's says more (the heat map's note)
    note: str = ""  # what the slide leaves to the view
    lead: str = ""  # a line above the chart on the slide (a survey's question)
    heading: str | None = None  # the screen's heading; None: the title, "": none
    select_key: str = ""  # on the screen, a click on a bar reruns the page with the selection
    on_slide: bool = True
    datasets: tuple[str, ...] = ()
    about: About | None = None
    side_by_side: bool = False  # on the screen beside the next chart that is too
    minor: bool = False  # one of several under a common heading: a smaller heading on the screen
    main: Slot | None = None


MARK_WORDS: dict[str, str] = {"better": "↑ Bättre", "worse": "↓ Sämre", "info": "Info", "overdue": "■ Försenad"}


@dataclass(frozen=True)
class Line:
    text: str
    mark: Mark = ""  # a word and a symbol go with it (MARK_WORDS)

    @property
    def words(self) -> str:
        """The line as text with its mark in words, where no badge can be drawn (the board pack)."""
        return f"{MARK_WORDS[self.mark]}: {self.text}" if self.mark in ("better", "worse", "overdue") else self.text


@dataclass(frozen=True)
class Lines:
    title: str
    lines: tuple[Line, ...]
    empty: str = ""
    at_most: int | None = None  # lines on the slides; the screen has them all
    total: int | None = None  # lines there are, when `lines` holds only the first
    rest: str = ""  # where the rest is, when the slides leave some out
    on_slide: bool = True
    on_screen: bool = True
    main: Slot | None = None


def on_main_slide(title: str, lines: tuple[Line, ...], slot: Slot, at_most: int, view: str) -> Lines:
    """The first `at_most` of a list on a slide of the main part, the rest said to be in `view`'s appendix."""
    return Lines(title, lines, at_most=at_most, total=len(lines), rest=f"i bilagan {view}", on_screen=False, main=slot)


@dataclass(frozen=True)
class Table:
    """A table on the screen only (comments, a register): its first rows, and all of it as CSV."""

    title: str
    table: pd.DataFrame
    file_name: str = ""
    lead: str = ""
    note: str = ""
    limit: int = 100
    total: int | None = None  # rows there are, when the table holds only the first


@dataclass(frozen=True)
class Link:
    label: str
    view: str  # the view's name (domain.roles.VIEWS)
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Links:
    """Links on the screen to other views (a meeting record as presented); the slides leave them out."""

    title: str
    links: tuple[Link, ...]


@dataclass(frozen=True)
class Heading:
    """A heading on the screen over the sections that follow."""

    title: str


@dataclass(frozen=True)
class Text:
    """A paragraph on the screen (what a chart or a list leaves to words), after its words in bold."""

    text: str
    strong: str = ""


@dataclass(frozen=True)
class Record:
    """One item of a register on the screen (a recommendation): its heading, its text, its dated history."""

    title: str
    heading: str
    details: tuple[str, ...]
    table: pd.DataFrame
    flagged: bool = False  # overdue: opened, and marked in word and symbol


@dataclass(frozen=True)
class Records:
    title: str
    records: tuple[Record, ...]


Section = Figures | Chart | Lines | Table | Text | Records | Heading | Links


Since = tuple[str, tuple[Line, ...]]


@dataclass(frozen=True)
class Scope:
    """What a view is asked for: its units (none: all), the quarter, the day overdue is judged on, the
    link's filters and years, and the meeting it is shown as (None: today's data)."""

    units: tuple[str, ...]
    quarter: str | None
    on: dt.date
    body: str  # the board whose own figures a view shows (Lägesbild's second row)
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    years: tuple[int, int] | None = None
    in_deck: bool = False  # composed for the deck: the choices a screen's widgets make, made by the view
    since: Since | None = None  # "Sedan förra mötet": its heading and lines

    def filter(self, name: str) -> tuple[str, ...]:
        return self.filters.get(name, ())


@dataclass(frozen=True)
class ViewContent:
    """One view's sections for one scope. `empty` says what is missing when there is nothing to show."""

    view: View
    scope_label: str  # whose figures: the body's name, or "hela kommunen"
    sections: tuple[Section, ...] = ()
    lead: str = ""
    empty: str = ""

    @property
    def figure_sources(self) -> dict[str, tuple[str, tuple[str, ...]]]:
        """Label → (value, datasets) of every figure shown, for "Rättat efter mötet"."""
        return {
            f.label: (f.value, f.datasets)
            for s in self.sections
            if isinstance(s, Figures)
            for f in s.figures
            if f.present
        }

    @property
    def sentence_sources(self) -> dict[str, tuple[str, tuple[str, ...]]]:
        """Chart title → (its sentence, datasets), for "Rättat efter mötet"."""
        return {s.title: (s.summary, s.datasets) for s in self.sections if isinstance(s, Chart)}

    @property
    def figures(self) -> dict[str, str]:
        return {label: value for label, (value, _) in self.figure_sources.items()}

    @property
    def sentences(self) -> dict[str, str]:
        return {title: sentence for title, (sentence, _) in self.sentence_sources.items()}


Compose = Callable[[Ask, Scope, Any], ViewContent]


def scope_label(scope: Scope, names: dict[str, str]) -> str:
    """Whose figures a view shows: "hela kommunen", the unit's name, or how many units."""
    if not scope.units:
        return WHOLE_MUNICIPALITY
    return names.get(scope.units[0], scope.units[0]) if len(scope.units) == 1 else f"{len(scope.units)} enheter"
