"""The board pack of a meeting record: the slides the board was shown, as a document. The same figures
and sentences as the screen; each chart as a picture drawn offline from the same spec, with its sentence
as alt text and the table behind it; the record's banner, the classification, and the imports behind
every figure (no streamlit)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

import pandas as pd
import sqlalchemy as sa

from charts.render import svg_text
from domain.clock import now
from domain.configuration import Config
from domain.datasets import DATASETS
from domain.formatting import swedish_datetime, table_cell
from ingest.demo import example_note
from queries.common import Ask, remembering
from queries.data_overview import example_data_in_use, imports_behind
from store import meetings
from store.meetings import MeetingRecord
from view_models.meetings import meeting_banner
from view_models.presentation import DeckScope, Slide, meeting_deck, part_of
from view_models.sections import Figure

BOARD_DATASETS = tuple(DATASETS)  # every dataset stands behind a board view
PLAIN_COLUMNS = {"År", "Kvartal", "Månad"}  # numbers that name a time, written without grouping


@dataclass(frozen=True)
class PackChart:
    title: str
    summary: str  # the sentence on screen, and the picture's alt text
    svg: str  # the picture: vectors in the PDF, rasterised for the PowerPoint


@dataclass(frozen=True)
class PackTable:
    title: str
    header: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class PackPage:
    heading: str
    scope: str
    lead: str = ""
    figures: list[Figure] = field(default_factory=list)  # the screen's own figures
    columns: int = 3
    charts: list[PackChart] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    list_title: str = ""
    note: str = ""
    tables: list[PackTable] = field(default_factory=list)


@dataclass(frozen=True)
class PackPart:
    """One board view: a bookmark in the PDF, a section of slides in the deck."""

    title: str
    pages: list[PackPage]


@dataclass(frozen=True)
class PackDocument:
    title: str  # "Servicenämnden 2026-02-17, § 30"
    banner: str  # "Som presenterat för …"
    marking: str  # the classification from the configuration
    made: str  # when the pack was made, from which record, and by whom when an account made it in the app
    footer: str  # the imports the figures came from, in one line
    author: str
    example: str  # a line when the figures are example data, else ""
    cover: list[str]  # the deck's cover: municipality and body, meeting and quarter, who prepared it
    main: list[PackPage]  # the main part: the board's ten minutes
    parts: list[PackPart]  # the appendix, a part per board view
    imports: list[list[str]]  # import nr, dataset, source, who, when: every import behind the figures


def board_pack(
    ask_at: Callable[[int | None], Ask],
    record: MeetingRecord,
    earlier: MeetingRecord | None,
    config: Config,
    *,
    made_by: str,  # the account that made it in the app; "" on the command line (never the computer's user)
    made_at: dt.datetime,
    example_data: bool,
    progress: Progress | None = None,
) -> PackDocument:
    """The pack of a record, from the deck as presented (read as of the record's batch). `progress(share,
    words)` is told how far it has come: the figures read, then each chart drawn."""
    told = progress or (lambda share, words: None)
    told(0.02, "Läser siffrorna som mötet såg …")
    scope = DeckScope(record.body, record.quarter, record.meeting_date)
    deck = meeting_deck(ask_at, record, earlier, scope, config)
    drawing = _Drawing(sum(len(s.charts) for s in deck.slides), told)
    behind = ask_at(record.batch_id)(imports_behind, BOARD_DATASETS)
    body = config.unit_names.get(record.body, record.body)
    return PackDocument(
        title=f"{body} {record.meeting_date.isoformat()}, {record.item}: {record.title}",
        banner=meeting_banner(record, config),
        marking=config.app.classification,
        made=f"Styrelsepaket gjort {swedish_datetime(made_at)}{f' av {made_by}' if made_by else ''} "
        f"ur mötesprotokoll nr {record.id}.",
        footer=f"Siffrorna kommer från import {_numbers(behind['id'].tolist())}",
        author=body,
        example=example_note(config) if example_data else "",
        cover=[line.text for line in deck.main[0].lines],
        main=[_page(s, body, record.quarter, drawing) for s in deck.main[1:]],
        parts=_parts(list(deck.appendix), body, record.quarter, drawing),
        imports=[
            [
                f"nr {r.id}",
                DATASETS[r.dataset].title if r.dataset in DATASETS else r.dataset,
                r.source,
                r.user_name,
                swedish_datetime(r.created_at),
            ]
            for r in behind.itertuples()
        ],
    )


Progress = Callable[[float, str], None]
DRAWN = (0.1, 0.8)  # the share of the work done when the first chart is drawn, and when the last is


class _Drawing:
    """Draws the charts as pictures, telling `progress` of each one."""

    def __init__(self, total: int, progress: Progress) -> None:
        self.total, self.done, self.progress = total, 0, progress

    def chart(self, title: str, summary: str, chart: Any, width: int) -> PackChart:
        self.done += 1
        start, end = DRAWN
        share = start + (end - start) * self.done / max(1, self.total)
        self.progress(share, f"Ritar diagram {self.done} av {self.total} …")
        return PackChart(title, summary, svg_text(chart, width=width))


def _parts(slides: list[Slide], body: str, quarter: str, drawing: _Drawing) -> list[PackPart]:
    """A part (a bookmark under "Bilagor") per board view in meeting order, and "Rättat efter mötet"."""
    return [
        PackPart(part, [_page(s, body, quarter, drawing) for s in group])
        for part, group in groupby(slides, key=part_of)
    ]


def _page(slide: Slide, body: str, quarter: str, drawing: _Drawing) -> PackPage:
    whose = "" if slide.scope == body else f" · {slide.scope}"
    single = len(slide.charts) == 1
    return PackPage(
        heading=slide.title,
        scope=f"{body} · {quarter}{whose}",
        lead=slide.lead,
        figures=list(slide.figures),
        columns=slide.columns,
        charts=[drawing.chart(c.title, c.summary, c.chart, 900 if single else 440) for c in slide.charts],
        lines=[line.words for line in slide.lines],
        list_title=slide.list_title,
        note=slide.note,
        tables=[_table(f"Tabell: {c.title}", c.table) for c in slide.charts],
    )


def _table(title: str, frame: pd.DataFrame) -> PackTable:
    """The data behind a chart as text, in Swedish formats, all rows (long ones continue on further pages)."""
    return PackTable(
        title,
        [str(c) for c in frame.columns],
        [[_cell(v, str(c)) for v, c in zip(row, frame.columns, strict=True)] for row in frame.itertuples(index=False)],
    )


def _cell(value: object, header: str) -> str:
    return "–" if not isinstance(value, str) and pd.isna(value) else table_cell(value, header)


def _numbers(ids: list[int]) -> str:
    """'nr 1–6, 9' for the imports 1, 2, 3, 4, 5, 6 and 9."""
    runs: list[list[int]] = []
    for n in sorted(ids):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return "nr " + ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs)


def pack_from_store(engine: sa.Engine, config: Config, record: MeetingRecord, *, made_by: str = "") -> PackDocument:
    """The pack read straight from the store, for the command line (the app reads through its cache)."""

    askers: dict[int | None, Ask] = {}

    def ask_at(batch: int | None) -> Ask:
        return askers.setdefault(batch, remembering(engine, batch))

    with engine.connect() as connection:
        example = example_data_in_use(connection)
    return board_pack(
        ask_at,
        record,
        meetings.previous(engine, record),
        config,
        made_by=made_by,
        made_at=now(),
        example_data=example,
    )
