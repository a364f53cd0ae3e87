"""The frame every board view draws in: who asks, which store and batch, which units, the title, the
example-data banner, and the way into the slides of the meeting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
import streamlit as st

from domain.clock import today
from domain.configuration import Config
from domain.formatting import inert
from domain.roles import VIEWS, Actor, View
from ingest.demo import example_note
from store import meetings
from store.meetings import MeetingRecord
from ui.app_store import app_config, asking_at, cached_example_data_in_use, current_store, latest_batch
from ui.sign_in import require
from view_models.meetings import meeting_banner
from view_models.sections import Ask, Line, Scope


@dataclass(frozen=True)
class Frame:
    """The state of one board view's run: store, batch read as of, units, who asks."""

    view: View
    url: str
    engine: sa.Engine
    latest: int
    config: Config
    units: tuple[str, ...]
    actor: Actor
    as_of: int | None = None  # None: the latest batch
    meeting: MeetingRecord | None = None  # the record the view shows, read as of its batch

    @property
    def ask(self) -> Ask:
        """Queries of `queries/`, cached, as of the frame's batch."""
        return asking_at(self.url, self.latest, self.as_of)

    @property
    def ask_now(self) -> Ask:
        """Queries of `queries/`, cached, as of the latest batch (what has changed since a meeting)."""
        return asking_at(self.url, self.latest, None)

    def ask_as_of(self, batch: int) -> Ask:
        """`ask` as of another batch (what an earlier meeting was shown)."""
        return asking_at(self.url, self.latest, batch)

    @property
    def name(self) -> str:
        return self.view.name

    @property
    def on(self) -> dt.date:
        """The day what is overdue is judged on: at a meeting, its date."""
        return self.meeting.meeting_date if self.meeting is not None else today()

    def scope(
        self,
        quarter: str | None = None,
        filters: dict[str, tuple[str, ...]] | None = None,
        years: tuple[int, int] | None = None,
        since: tuple[str, tuple[Line, ...]] | None = None,
    ) -> Scope:
        """What the view model is asked for: the link's units and the widgets' choices."""
        body = self.units[0] if self.units else self.config.app.default_unit
        return Scope(self.units, quarter, self.on, body, filters or {}, years, since=since)

    @property
    def unit_label(self) -> str:
        names = [self.config.unit_names[u] for u in self.units]
        if not names:
            return "alla enheter"
        return names[0] if len(names) == 1 else f"{len(names)} enheter"


def view_frame(script: str) -> Frame:
    """Check access, read the link (unit, mote), draw the title and the example-data banner; `script` is
    the view's file (`__file__`), which names its declaration in domain.roles.

    No `unit` in the link means the configured default unit, or every unit where the view is about the
    whole municipality (incidents, recommendations, self-assessments); an empty `units` means all.
    """
    view = next(v for v in VIEWS if Path(v.script).stem == Path(script).stem)
    name, title, path, all_units_by_default = view.name, view.title, view.path, view.whole_municipality
    actor = require(path)
    config = app_config()
    url, engine = current_store()
    latest = latest_batch(engine)
    params = st.query_params
    if actor.link_meeting is not None:  # an auditor's link bound to a meeting shows that meeting, always
        params["mote"] = str(actor.link_meeting)
    meeting = meeting_in_link(engine)
    if params.get("present") == "1":  # links from before the slides: the same place in the deck
        _to_slides(name, meeting, config)
    asked = [] if meeting is not None else params.get_all("unit")
    units = tuple(u for u in asked if u in config.unit_names)
    if asked and len(units) < len(asked):
        unknown = ", ".join(u for u in asked if u not in config.unit_names)
        st.warning(f"Enheten {inert(unknown)} i länken finns inte och visas inte.")
    if not units and not all_units_by_default:
        units = (meeting.body if meeting is not None else config.app.default_unit,)
    if meeting is None:  # a meeting's body is fixed
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
    _slides_link(name, meeting, units, config)
    if units and meeting is None:
        params["unit"] = list(units)
    elif "unit" in params:
        del params["unit"]
    if config.several:  # whose data: on the screen, and on a projector where the address is not seen
        st.caption(inert(config.organisation.municipality))
    st.title(title)
    if meeting is not None:
        st.info(inert(meeting_banner(meeting, config)), icon=":material/event_note:")
        params["period"] = meeting.quarter
    example_data_banner(url, latest)
    as_of = None if meeting is None else meeting.batch_id
    return Frame(view, url, engine, latest, config, units, actor, as_of, meeting)


def meeting_in_link(engine: sa.Engine) -> MeetingRecord | None:
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
        note = example_note(app_config())
        st.warning(
            f"**Exempeldata.** Det som visas är {inert(note)}. Importera egna filer för att ersätta dem.",
            icon=":material/science:",
        )


def _deck_link(name: str, meeting: MeetingRecord | None, body: str) -> dict[str, str]:
    """The deck of this view's meeting, or of today's data for the body and the link's quarter."""
    where = {"vy": name}
    if meeting is not None:
        return {**where, "mote": str(meeting.id)}
    period = st.query_params.get("period")
    return {**where, "unit": body, **({"period": period} if period else {})}


def _slides_link(name: str, meeting: MeetingRecord | None, units: tuple[str, ...], config: Config) -> None:
    body = units[0] if len(units) == 1 else config.app.default_unit
    st.sidebar.page_link(
        "views/presentation.py",
        label="Presentera som bilder",
        icon=":material/slideshow:",
        query_params=_deck_link(name, meeting, body),
    )


def _to_slides(name: str, meeting: MeetingRecord | None, config: Config) -> None:
    asked = [u for u in st.query_params.get_all("unit") if u in config.unit_names]
    st.switch_page(
        "views/presentation.py", query_params=_deck_link(name, meeting, (asked or [config.app.default_unit])[0])
    )


def empty_state(f: Frame, what: str) -> None:
    if f.latest == 0:
        st.info(
            "Det finns inga data ännu. En controller importerar filer med kommandoraden eller under "
            "**Data och importer**; därefter visas de här."
        )
    else:
        st.info(f"Det finns inga {what} för {inert(f.unit_label)} ännu.")
