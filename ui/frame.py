"""The frame every board view draws in: who asks, which store and batch, which units, presentation mode,
the title and the example-data banner; and the way out of it (the presentation footer)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
import streamlit as st

from data_sources import meetings
from data_sources.meetings import MeetingRecord
from domain.configuration import Config
from domain.formatting import inert
from domain.roles import Actor
from ui.app_store import app_config, ask, cached_example_data_in_use, current_store, latest_batch
from ui.navigation import neighbours
from ui.sign_in import require
from view_models.meetings import meeting_banner

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
class Frame:
    """The state of one board view's run: store, batch read as of, units, presentation or not, who asks."""

    name: str
    url: str
    engine: sa.Engine
    latest: int
    config: Config
    units: tuple[str, ...]
    present: bool
    actor: Actor
    as_of: int | None = None  # None: the latest batch
    meeting: MeetingRecord | None = None  # the record the view shows, read as of its batch

    def ask(self, query: Callable[..., Any], *args: Any) -> Any:
        """A query of `queries/`, cached, as of the frame's batch."""
        return ask(query, self.url, self.latest, *args, as_of=self.as_of)

    def ask_now(self, query: Callable[..., Any], *args: Any) -> Any:
        """A query of `queries/`, cached, as of the latest batch (what has changed since a meeting)."""
        return ask(query, self.url, self.latest, *args)

    def ask_as_of(self, batch: int, query: Callable[..., Any], *args: Any) -> Any:
        """A query of `queries/`, cached, as of another batch (what an earlier meeting was shown)."""
        return ask(query, self.url, self.latest, *args, as_of=batch)

    @property
    def unit_label(self) -> str:
        names = [self.config.unit_names[u] for u in self.units]
        if not names:
            return "alla enheter"
        return names[0] if len(names) == 1 else f"{len(names)} enheter"


def view_frame(name: str, title: str, path: str, *, all_units_by_default: bool = False) -> Frame:
    """Check access, read the link (unit, present), draw the title and the example-data banner.

    No `unit` in the link means the configured default unit, or every unit where the view is about the
    whole municipality (incidents, recommendations, self-assessments); an empty `units` means all.
    """
    actor = require(path)
    config = app_config()
    url, engine = current_store()
    latest = latest_batch(engine)
    params = st.query_params
    present = params.get("present") == "1"
    if actor.link_meeting is not None:  # an auditor's link bound to a meeting shows that meeting, always
        params["mote"] = str(actor.link_meeting)
    meeting = _meeting_in_link(engine)
    asked = [] if meeting is not None else params.get_all("unit")
    units = tuple(u for u in asked if u in config.unit_names)
    if asked and len(units) < len(asked):
        unknown = ", ".join(u for u in asked if u not in config.unit_names)
        st.warning(f"Enheten {inert(unknown)} i länken finns inte och visas inte.")
    if not units and not all_units_by_default:
        units = (meeting.body if meeting is not None else config.app.default_unit,)
    if present:
        st.html(PRESENTATION_CSS)
    elif meeting is None:  # a meeting's body is fixed
        units = tuple(
            st.sidebar.multiselect(
                "Enheter (ingen vald = alla)" if all_units_by_default else "Enheter",
                options=list(config.unit_names),
                default=list(units),
                format_func=config.unit_names.__getitem__,
                key=f"units_{name}",  # views differ in their default (one board or the whole municipality)
                placeholder="Alla enheter" if all_units_by_default else config.unit_names[config.app.default_unit],
            )
        ) or (() if all_units_by_default else (config.app.default_unit,))
    if not present:
        st.sidebar.toggle("Presentationsläge", key="present_toggle", on_change=_enter_presentation)
    if units and meeting is None:
        params["unit"] = list(units)
    elif "unit" in params:
        del params["unit"]
    st.title(title)
    if meeting is not None:
        st.info(inert(meeting_banner(meeting, config)), icon=":material/event_note:")
        params["period"] = meeting.quarter
    example_data_banner(url, latest)
    as_of = None if meeting is None else meeting.batch_id
    return Frame(name, url, engine, latest, config, units, present, actor, as_of, meeting)


def _meeting_in_link(engine: sa.Engine) -> MeetingRecord | None:
    """The record named by `mote` in the link; a notice, and today's data, when there is none such."""
    wanted = st.query_params.get("mote")
    if not wanted:
        return None
    record = meetings.find(engine, int(wanted)) if wanted.isdigit() else None
    if record is None:
        st.warning(f"Mötet {inert(wanted)} i länken finns inte; visar dagens data.")
        del st.query_params["mote"]
    return record


def example_data_banner(url: str, latest: int) -> None:
    if latest and cached_example_data_in_use(url, latest):
        st.warning(
            "**Exempeldata.** Det som visas bygger på offentliga uppgifter från Malmö stad kompletterade med "
            "påhittade detaljer. Importera egna filer för att ersätta dem.",
            icon=":material/science:",
        )


def _enter_presentation() -> None:
    st.query_params["present"] = "1"


def empty_state(f: Frame, what: str) -> None:
    if f.latest == 0:
        st.info(
            "Det finns inga data ännu. En controller importerar filer med kommandoraden eller under "
            "**Data och importer**; därefter visas de här."
        )
    else:
        st.info(f"Det finns inga {what} för {inert(f.unit_label)} ännu.")


def presentation_footer(f: Frame) -> None:
    """Previous and next view in meeting order, keeping quarter and units; a way out of presentation."""
    if not f.present:
        return
    previous, following = neighbours(f.name, f.actor)
    keep: dict[str, str | list[str]] = {"present": "1"}
    if f.meeting is not None:
        keep["mote"] = str(f.meeting.id)
    elif f.units:
        keep["unit"] = list(f.units)
    if period := st.query_params.get("period"):
        keep["period"] = period
    left, middle, right = st.columns([1, 1, 1])
    if previous is not None:
        left.page_link(previous.script, label=f"← {previous.title}", query_params=keep)
    exit_params = {k: v for k, v in keep.items() if k != "present"}
    middle.page_link(f"views/{f.name}.py", label="Avsluta presentationsläget", query_params=exit_params)
    if following is not None:
        right.page_link(following.script, label=f"{following.title} →", query_params=keep)
