"""The deck on the screen: which deck the link asks for, built once per store state, and one slide drawn at
projector size with previous and next always at the same place (and on the arrow and page keys); and the
same deck as the meeting's board pack to download."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import streamlit as st

from charts.render import vega_lite_spec
from domain.clock import now, today
from domain.configuration import Config
from domain.formatting import inert
from domain.roles import MEETING_VIEWS, VIEW_NAMED, Actor
from ingest.demo import example_note
from queries import status
from store import meetings
from store.meetings import MeetingRecord
from ui.app_store import (
    app_config,
    ask,
    asking_at,
    cached_example_data_in_use,
    config_stamp,
    current_store,
    latest_batch,
    newest_record,
)
from ui.frame import meeting_in_link
from ui.sections import BADGE
from ui.sections import MARK as SECTION_MARKS
from ui.sign_in import log_export, require
from view_models.board_pack import DRAWN, Progress, board_pack
from view_models.meetings import meeting_banner
from view_models.presentation import Deck, DeckScope, Slide, build_deck, meeting_deck, part_of

SCRIPT = "views/presentation.py"
LOG = logging.getLogger(__name__)
MARK = {m: badge for m, badge in SECTION_MARKS.items() if m != "info"}

# Every slide fits 1280×720 without scrolling: Streamlit's chrome hidden, tight spacing, type no smaller
# than 20 px, no word broken inside, and the way on fixed at the bottom of the screen.
SLIDE_CSS = """
<style>
:root {--u: max(1px, min(0.13889vh, 0.078125vw));}  /* 1px at 1280x720, growing with the screen */
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] {display: none;}
.block-container {padding: calc(10 * var(--u)) calc(32 * var(--u)) calc(68 * var(--u)) !important;
  max-width: 100% !important;}
[data-testid="stMain"] [data-testid="stVerticalBlock"] {gap: calc(7 * var(--u));}
[data-testid="stMain"] * {hyphens: none !important; overflow-wrap: normal !important;
  word-break: normal !important;}
[data-testid="stMain"] p, [data-testid="stMain"] li, [data-testid="stMain"] a,
[data-testid="stMain"] span {font-size: calc(22 * var(--u)); line-height: 1.35;}
[data-testid="stMain"] [data-testid="stMarkdownContainer"] {margin-bottom: 0 !important;}
[data-testid="stMain"] p {margin: 0 0 calc(5 * var(--u)) 0;}
[data-testid="stMain"] li {margin: 0 0 calc(2 * var(--u)) 0;}
[data-testid="stMain"] h1, [data-testid="stMain"] h1 span
  {font-size: calc(40 * var(--u)) !important; line-height: 1.15;}
[data-testid="stMain"] h1 {padding: calc(3 * var(--u)) 0 calc(2 * var(--u)) 0;}
.st-key-slide_context p, .st-key-slide_context span, .st-key-slide_banner p, .st-key-slide_banner span
  {font-size: calc(20 * var(--u)); margin: 0;}
.st-key-slide_banner p {white-space: nowrap;}
[data-testid="stMain"] .stMarkdownBadge {font-size: inherit !important;}
[class*="st-key-figure_"]
  {padding: calc(10 * var(--u)) calc(13 * var(--u)) !important; gap: calc(3 * var(--u)) !important;}
[class*="st-key-figure_"] p, [class*="st-key-figure_"] span {font-size: calc(20 * var(--u)); margin: 0;}
[class*="st-key-figure_key_"] .stMarkdownBadge
  {font-size: calc(48 * var(--u)) !important; font-weight: 700; line-height: 1.15;}
[class*="st-key-figure_status_"] .stMarkdownBadge
  {font-size: calc(28 * var(--u)) !important; font-weight: 700;}
[class*="st-key-figure_"] .stMarkdownBadge {display: inline-block; margin: calc(3 * var(--u)) 0;}
.st-key-slide_nav {position: fixed; left: 0; right: 0; bottom: 0; z-index: 999990; background: white;
  border-top: 1px solid #d0d0d0; padding: calc(8 * var(--u)) calc(32 * var(--u)); height: calc(58 * var(--u));
  box-sizing: border-box; overflow: hidden;}
.st-key-slide_nav a p, .st-key-slide_nav a span, .st-key-slide_nav p
  {font-size: calc(22 * var(--u)) !important; white-space: nowrap; margin: 0;}
.st-key-slide_nav [data-testid="stMarkdownContainer"] > p {padding: calc(2 * var(--u)) calc(8 * var(--u));}
</style>
"""

# The main part: the board's ten minutes, read from the back of the room; nothing under 24 px at 1280×720.
MAIN_CSS = """
<style>
[data-testid="stMain"] p, [data-testid="stMain"] li, [data-testid="stMain"] a, [data-testid="stMain"] span,
.st-key-slide_context p, .st-key-slide_context span, .st-key-slide_banner p, .st-key-slide_banner span,
[class*="st-key-figure_"] p, [class*="st-key-figure_"] span, .st-key-slide_nav a p, .st-key-slide_nav a span,
.st-key-slide_nav p {font-size: calc(26 * var(--u)) !important;}
.st-key-slide_context p, .st-key-slide_context span, .st-key-slide_banner p, .st-key-slide_banner span,
.st-key-slide_nav a p, .st-key-slide_nav a span, .st-key-slide_nav p {font-size: calc(24 * var(--u)) !important;}
[data-testid="stMain"] h1, [data-testid="stMain"] h1 span {font-size: calc(44 * var(--u)) !important;}
[class*="st-key-figure_key_"] .stMarkdownBadge {font-size: calc(52 * var(--u)) !important;}
[class*="st-key-figure_status_"] .stMarkdownBadge {font-size: calc(30 * var(--u)) !important;}
[class*="st-key-figure_area_"] {padding: calc(4 * var(--u)) calc(13 * var(--u)) !important;}
[class*="st-key-figure_area_"] p {margin: 0 !important;}
[class*="st-key-figure_area_"] .stMarkdownBadge {font-weight: 700; margin-right: calc(6 * var(--u));}
[class*="st-key-figure_row_"] {padding: calc(6 * var(--u)) calc(13 * var(--u)) !important;}
[class*="st-key-figure_row_"] p {margin: 0 !important; line-height: 1.25;}
[class*="st-key-figure_row_"] .stMarkdownBadge {font-size: calc(40 * var(--u)) !important; font-weight: 700;}
.st-key-slide_cover p, .st-key-slide_cover span {font-size: calc(32 * var(--u)) !important; line-height: 1.5;}
.st-key-slide_contents a p, .st-key-slide_contents a span {font-size: calc(26 * var(--u)) !important;}
</style>
"""

KEYS_SCRIPT = """
<script>
if (!window.deckKeys) {
  window.deckKeys = true;
  document.addEventListener("keydown", (event) => {
    if (event.target.closest("input, textarea, select, [contenteditable='true']")) return;
    const way = {ArrowRight: "next", PageDown: "next", ArrowLeft: "previous", PageUp: "previous"}[event.key];
    const link = way && document.querySelector(`.st-key-slide_${way} a`);
    if (link) { event.preventDefault(); link.click(); }
  });
}
</script>
"""


@dataclass(frozen=True)
class Showing:
    """The deck a link asks for, and the slide shown."""

    actor: Actor
    config: Config
    scope: DeckScope
    meeting: MeetingRecord | None
    deck: Deck
    slides: list[Slide]
    specs: list[list[dict[str, Any]]]  # per slide, its charts' Vega-Lite specs (made with the deck)
    number: int  # 1-based
    example_data: bool

    @property
    def slide(self) -> Slide:
        return self.slides[self.number - 1]

    def keep(self) -> dict[str, str]:
        """The link of this deck without the slide: the record, or the body and the quarter."""
        if self.meeting is not None:
            return {"mote": str(self.meeting.id)}
        return {"unit": self.scope.body, "period": self.scope.quarter}


def open_deck() -> Showing | None:
    """Check access and read the link: `mote` (a record), else `unit` and `period` with today's data; `bild`
    the slide, or `vy` the first slide of a view. None, with a notice, when there is nothing to show."""
    actor = require("presentation")
    config = app_config()
    url, engine = current_store()
    latest = latest_batch(engine)
    params = st.query_params
    if actor.link_meeting is not None:
        params["mote"] = str(actor.link_meeting)
    meeting = meeting_in_link(engine)
    views = tuple(v.name for v in MEETING_VIEWS if actor.sees(v.path))
    if meeting is not None:
        scope = DeckScope(meeting.body, meeting.quarter, meeting.meeting_date, views)
    else:
        wanted = params.get("unit") or ""
        body = wanted if wanted in config.unit_names else config.app.default_unit
        quarters = ask(status.quarters_with_data, url, latest, (body,))
        if not quarters:
            st.title("Presentation")
            st.info("Det finns inga kvartalsrapporter att presentera ännu.")
            return None
        quarter = params.get("period") or ""
        scope = DeckScope(body, quarter if quarter in quarters else quarters[-1], today(), views)
    made = _deck(url, latest, newest_record(url), config_stamp(), scope, meeting.id if meeting is not None else None)
    number = _slide_number(made.slides, len(made.slides))
    example = cached_example_data_in_use(url, latest)
    return Showing(actor, config, scope, meeting, made.deck, made.slides, made.specs, number, example)


def _slide_number(slides: list[Slide], count: int) -> int:
    params = st.query_params
    wanted = params.get("bild", "")
    if wanted.isdigit() and 1 <= int(wanted) <= count:
        number = int(wanted)
    else:
        view = params.get("vy")
        number = next((i + 1 for i, s in enumerate(slides) if s.view == view), 1)
    params["bild"] = str(number)
    if "vy" in params:
        del params["vy"]
    return number


@dataclass(frozen=True)
class _Made:
    deck: Deck
    slides: list[Slide]
    specs: list[list[dict[str, Any]]]


@st.cache_resource(show_spinner="Förbereder bilderna …", max_entries=16)
def _deck(
    url: str,
    latest: int,
    records: int,  # the newest meeting record: the duties slide reads the records
    stamp: tuple[tuple[str, int, int], ...],
    scope: DeckScope,
    meeting_id: int | None,
) -> _Made:
    """Every slide with its charts' specs, made once per store state and deck (stepping to the next slide
    only draws); a meeting's deck ends with what reads differently today."""
    deck = _made_deck(url, latest, scope, meeting_id)
    slides = deck.slides
    specs = [[vega_lite_spec(part.chart, large=True) for part in slide.charts] for slide in slides]
    return _Made(deck, slides, specs)


def _made_deck(url: str, latest: int, scope: DeckScope, meeting_id: int | None) -> Deck:
    config = app_config()
    if meeting_id is None:
        return build_deck(asking_at(url, latest, None), scope, config)
    _, engine = current_store()
    record = meetings.find(engine, meeting_id)
    assert record is not None  # the link was checked; records are never deleted
    return meeting_deck(
        lambda batch: asking_at(url, latest, batch), record, meetings.previous(engine, record), scope, config
    )


def draw(deck: Showing) -> None:
    """One slide: who and when on top, the slide's title and content, and the way on at the bottom. The
    main part's slides are set larger: no text under 24 px at 1280×720."""
    st.html(SLIDE_CSS + (MAIN_CSS if deck.slide.main or deck.slide.kind == "contents" else ""))
    st.html(KEYS_SCRIPT, unsafe_allow_javascript=True)  # every run: elements keep their places
    slide, config = deck.slide, deck.config
    body = config.unit_names.get(deck.scope.body, deck.scope.body)
    view = VIEW_NAMED[slide.view]
    whose = "" if slide.scope == body else f" ({slide.scope})"
    where = "" if slide.kind != "content" else f" · {part_of(slide)}{inert(whose)}"
    with st.container(key="slide_context"):
        st.markdown(f"**{inert(body)} · {deck.scope.quarter}**{where} · {deck.deck.place(deck.number)}")
    with st.container(key="slide_banner"):
        banner = (
            meeting_banner(deck.meeting, config)
            if deck.meeting is not None
            else "Dagens data, inte ett protokollfört möte"
        )
        st.markdown(inert(banner))
        if deck.example_data:
            st.markdown(f"**Exempeldata:** {inert(example_note(app_config()))}")
    st.title(inert(slide.title), anchor=False)
    if slide.kind == "cover":
        with st.container(key="slide_cover"):
            st.markdown("  \n".join(inert(line.text) for line in slide.lines))
        _navigation(deck, view.script)
        return
    if slide.lead:
        st.markdown(inert(slide.lead))
    if slide.kind == "contents":
        with st.container(key="slide_contents", horizontal=True, wrap=True):
            for title, number in slide.links:
                st.page_link(
                    SCRIPT,
                    label=f"{title} (bilaga {number - len(deck.deck.main) - 1})",
                    query_params={**deck.keep(), "bild": str(number)},
                )
    _figures(slide)
    _charts(slide, deck.specs[deck.number - 1])
    if slide.lines:
        if slide.list_title:
            st.markdown(f"**{inert(slide.list_title)}**")
        st.markdown(
            "\n".join(
                f"- {MARK[line.mark] + ' ' if line.mark in MARK else ''}{inert(line.text)}" for line in slide.lines
            )
        )
    if slide.note:
        st.markdown(inert(slide.note))
    _navigation(deck, view.script)


def _figures(slide: Slide) -> None:
    if not slide.figures:
        return
    if slide.columns == 1:
        _figure_rows(slide)
        return
    if slide.main and slide.columns == 5:  # the status of each area at projector type: two columns of rows
        _status_rows(slide)
        return
    columns = st.columns(slide.columns)
    kind = "status" if slide.columns == 5 else "key"  # a status word, or a key figure (the larger)
    for i, figure in enumerate(slide.figures):
        # One block a tile (a slide is quicker to step to with fewer elements): the label, the value in a
        # badge the size of its kind, and the notes, a line each.
        badge = f":{BADGE.get(figure.tone or '', 'gray')}-badge[{inert(figure.value)}]"
        lines = [f"**{inert(figure.label)}**", badge, *(inert(note) for note in figure.notes)]
        with columns[i % slide.columns].container(border=True, key=f"figure_{kind}_{i}"):
            st.markdown("  \n".join(lines))


def _figure_rows(slide: Slide) -> None:
    """A figure a row (every KPI on one slide): the label, the value, the target and the change."""
    for i, figure in enumerate(slide.figures):
        badge = f":{BADGE.get(figure.tone or '', 'gray')}-badge[{inert(figure.value)}]"
        with st.container(border=True, key=f"figure_row_{i}"):
            label, value, notes = st.columns(ROW_PARTS, vertical_alignment="center")
            label.markdown(f"**{inert(figure.label)}**")
            value.markdown(badge)
            notes.markdown("  \n".join(inert(note) for note in figure.notes))


ROW_PARTS = (4.2, 1.6, 4.2)  # the label, the value, the notes: in proportion, so the row grows with the screen


def _status_rows(slide: Slide) -> None:
    """Each area a row: its status in a badge (symbol and word), its name, its movement."""
    half = -(-len(slide.figures) // 2)
    for c, column in enumerate(st.columns(2)):
        for i, figure in enumerate(slide.figures[c * half : (c + 1) * half], start=c * half):
            badge = f":{BADGE.get(figure.tone or '', 'gray')}-badge[{inert(figure.value)}]"
            notes = f" {' · '.join(inert(n) for n in figure.notes)}" if figure.notes else ""
            with column.container(border=True, key=f"figure_area_{i}"):
                st.markdown(f"{badge} **{inert(figure.label)}**{notes}")


def _charts(slide: Slide, specs: list[dict[str, Any]]) -> None:
    if not slide.charts:
        return
    places = st.columns(len(slide.charts)) if len(slide.charts) > 1 else [st.container()]
    for place, part, spec in zip(places, slide.charts, specs, strict=True):
        with place:
            if len(slide.charts) > 1:
                st.markdown(f"**{inert(part.title)}**")
            st.markdown(inert(part.summary))
            st.vega_lite_chart(spec, width="stretch", theme=None, alt=part.summary)


def _navigation(deck: Showing, view_script: str) -> None:
    """Previous, the way out, next: the same three places on every slide, links reachable by Tab."""
    keep = deck.keep()
    with st.container(key="slide_nav"):
        left, middle, right = st.columns(3)
        with left.container(key="slide_previous"):
            if deck.number > 1:
                st.page_link(SCRIPT, label="← Föregående bild", query_params={**keep, "bild": str(deck.number - 1)})
            else:
                st.markdown("Första bilden")
        with middle.container(key="slide_exit"):
            out = dict(keep)
            if deck.meeting is None and VIEW_NAMED[deck.slide.view].whole_municipality:
                del out["unit"]  # incidents, recommendations and self-assessments show the whole municipality
            st.page_link(view_script, label="Avsluta presentationen", query_params=out)
        with right.container(key="slide_next"):
            if deck.number < len(deck.slides):
                st.page_link(SCRIPT, label="Nästa bild →", query_params={**keep, "bild": str(deck.number + 1)})
            else:
                st.markdown("Sista bilden")


def pack_downloads(record: MeetingRecord, actor: Actor) -> None:
    """The board pack of a record as PDF and PowerPoint: made when asked (the charts are drawn offline),
    with its progress shown, kept for the store's state, and every download in the access log."""
    url, engine = current_store()
    latest = latest_batch(engine)
    by = "" if actor.kind == "open" else actor.name
    made = _made_packs(url, latest, newest_record(url), config_stamp(), record.id, by)
    if not made:
        st.markdown(
            "Styrelsepaketet är mötets handlingar: huvuddelen som visades, sedan bilagorna, som PDF (PDF/A och "
            "PDF/UA) och PowerPoint."
        )
        if st.button("Gör styrelsepaketet", key=f"make_pack_{record.id}", icon=":material/description:"):
            bar = st.progress(0.0, text="Gör styrelsepaketet …")

            def told(share: float, words: str) -> None:
                bar.progress(share, text=words)

            try:
                made.update(_pack_files(url, latest, record.id, by, told))
            except Exception:  # a picture or a file that could not be written: said in Swedish, told in the log
                LOG.exception("styrelsepaketet för möte %s kunde inte göras", record.id)
                st.error(
                    "Styrelsepaketet kunde inte göras. Försök igen; kvarstår felet, be administratören läsa "
                    "loggen (data/dashboard.log)."
                )
            bar.empty()
    if not made:
        return
    stem = f"styrelsepaket-mote-{record.id}"
    left, right = st.columns(2)
    for place, (suffix, label, mime) in zip(
        (left, right),
        (
            ("pdf", "Ladda ner styrelsepaketet som PDF", "application/pdf"),
            ("pptx", "Ladda ner styrelsepaketet som PowerPoint", PPTX_MIME),
        ),
        strict=True,
    ):
        place.download_button(
            label,
            made[suffix],
            file_name=f"{stem}.{suffix}",
            mime=mime,
            icon=":material/download:",
            key=f"pack_{suffix}_{record.id}",
            on_click=log_export,
            args=(actor, f"{stem}.{suffix}"),
        )


PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


@st.cache_resource(show_spinner=False, max_entries=8)
def _made_packs(
    url: str, latest: int, records: int, stamp: tuple[tuple[str, int, int], ...], meeting_id: int, by: str
) -> dict[str, bytes]:
    """The pack once made for this store state, record and maker: filled when made, shared by the sessions."""
    return {}


def _pack_files(url: str, latest: int, meeting_id: int, by: str, progress: Progress) -> dict[str, bytes]:
    _, engine = current_store()
    record = meetings.find(engine, meeting_id)
    assert record is not None  # records are never deleted
    document = board_pack(
        lambda batch: asking_at(url, latest, batch),
        record,
        meetings.previous(engine, record),
        app_config(),
        made_by=by,
        made_at=now(),
        example_data=cached_example_data_in_use(url, latest),
        progress=progress,
    )
    from outputs.board_pack import both  # loaded when a pack is first made

    progress(DRAWN[1], "Skriver PDF och PowerPoint …")
    pdf, pptx = both(document)
    return {"pdf": pdf, "pptx": pptx}
