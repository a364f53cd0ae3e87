"""Lägesbild (/): the situation picture of one quarter, on one screen."""

from __future__ import annotations

from functools import partial
from typing import Any

import streamlit as st

from data_sources import meetings
from domain.clock import today
from domain.formatting import inert
from queries import accessibility_reviews, classifications, documents, maturity, phishing_campaigns, status, training
from rules.classifications import older_than
from rules.documents import with_revision_state
from rules.phishing_campaigns import with_rates
from rules.training import with_completion
from ui.frame import empty_state, view_frame
from ui.slides import corrections_section
from ui.widgets import choose_quarter
from view_models import accessibility_reviews as accessibility_words
from view_models import classifications as classification_words
from view_models import maturity as maturity_words
from view_models.documents import overdue_figure
from view_models.phishing_campaigns import latest_campaign
from view_models.situation import KeyFigure, changes_since_meeting, situation_from
from view_models.training import members_trained

BADGE = {"green": "green", "amber": "orange", "red": "red"}

f = view_frame("situation", "Lägesbild", "")
period = choose_quarter(f, f.ask(status.quarters_with_data, f.units))
if period is None:
    empty_state(f, "kvartalsrapporter")
    st.stop()

# At a meeting, what was overdue is judged on the meeting's date.
picture = situation_from(f.ask, f.units, period, f.config, f.meeting.meeting_date if f.meeting else today())
st.subheader(f"{inert(f.unit_label)} · {period}")
st.markdown(inert(picture.summary()))

st.header("Status per område")
columns = st.columns(5)
for i, tile in enumerate(picture.areas):
    with columns[i % 5].container(border=True):
        st.markdown(
            f"**{inert(tile.area)}**  \n:{BADGE[tile.status]}-badge[{tile.symbol} {tile.word}]  {tile.movement}"
        )

st.header("Nyckeltal mot mål")
columns = st.columns(3)
for i, kpi in enumerate(picture.kpis):
    with columns[i % 3].container(border=True):
        st.markdown(f"**{inert(kpi.name)}**")
        st.markdown(f"### {inert(kpi.value)}")
        st.markdown(f"Mål {inert(kpi.target)} · :{BADGE[kpi.band]}-badge[{kpi.judgement}]")
        if kpi.counts:
            st.markdown(f"Beräknat av {inert(kpi.counts)}")
        if kpi.change:
            st.markdown(inert(kpi.change))

left, middle, right = st.columns(3)
with left.container(border=True):
    st.subheader("Kritiska incidenter")
    year_counts = " · ".join(f"{y}: {n}" for y, n in sorted(picture.critical_by_year.items(), reverse=True))
    st.markdown(f"### {picture.critical_by_year.get(picture.critical_year, 0)} hittills {picture.critical_year}")
    st.markdown(year_counts or "Inga kritiska incidenter registrerade.")
with middle.container(border=True):
    st.subheader("Revisionens rekommendationer")
    counts = picture.recommendation_counts
    st.markdown(
        f"Genomförda {counts['done'] + counts['closed']} · pågår {counts['in_progress']} · "
        f"avvaktar {counts['on_hold']} · ej påbörjade {counts['not_started']}"
    )
    for line in picture.overdue:
        st.markdown(f":red-badge[■ Försenad] {inert(line)}")
with right.container(border=True):
    st.subheader("Självskattning")
    st.markdown(inert(picture.self_assessment or "Inga självskattningar ännu."))


def key_figure_box(place: Any, title: str, figure: KeyFigure | None, missing: str) -> None:
    """A box of the second row: its figure as label, value and notes, or what is missing."""
    with place.container(border=True):
        st.subheader(title)
        if figure is None:
            st.markdown(missing)
        else:
            st.markdown(f"{inert(figure.label)}  \n### {inert(figure.value)}")
            st.markdown("  \n".join(inert(n) for n in figure.notes))


fourth, fifth, sixth = st.columns(3)
key_figure_box(
    fourth,
    "Phishingövning",
    latest_campaign(with_rates(f.ask(phishing_campaigns.campaigns, f.units)), f.config),
    "Ingen phishingövning registrerad.",
)
key_figure_box(
    fifth,
    "Ledamöternas utbildning",
    members_trained(with_completion(f.ask(training.courses, f.units)), f.units[0], f.config),
    "Ingen utbildning av ledamöterna registrerad.",
)
on = f.meeting.meeting_date if f.meeting else today()
key_figure_box(
    sixth,
    "Styrdokument",
    overdue_figure(with_revision_state(f.ask(documents.register, f.units), on), f.units[0], f.config),
    "Inga styrdokument registrerade.",
)

seventh, eighth, ninth = st.columns(3)
months = f.config.app.classification_max_age_months
key_figure_box(
    seventh,
    "Klassning",
    classification_words.body_figure(
        f.ask(classifications.coverage_by_unit, f.units, older_than(on, months)), f.units[0], f.config, months
    ),
    "Inga system registrerade.",
)
model = next((f.config.maturity_models[m] for m in f.ask(maturity.models) if m in f.config.maturity_models), None)
key_figure_box(
    eighth,
    "Mognad",
    None
    if model is None
    else maturity_words.body_figure(f.ask(maturity.levels, model.id, f.units), f.units[0], model, f.config),
    "Ingen mognadsnivå registrerad.",
)
key_figure_box(
    ninth,
    "Tillgänglighet",
    accessibility_words.body_figure(f.ask(accessibility_reviews.totals_by_year, f.units), f.units[0], f.config),
    "Ingen tillgänglighetsgranskning registrerad.",
)

SYMBOL = {"better": ":green-badge[↑ Bättre]", "worse": ":red-badge[↓ Sämre]", "info": ":blue-badge[Info]"}


earlier = meetings.previous(f.engine, f.meeting) if f.meeting is not None else None
if f.meeting is not None and earlier is not None:
    st.header(f"Sedan förra mötet ({earlier.meeting_date.isoformat()}, {inert(earlier.item)})")
    moved = changes_since_meeting(partial(f.ask_as_of, earlier.batch_id), earlier, f.ask, f.meeting, f.config)
    if moved:
        st.markdown("\n".join(f"- {SYMBOL[c.kind]} {inert(c.text)}" for c in moved))
    else:
        st.markdown("Inga förändringar sedan förra mötet.")
else:
    st.header("Sedan förra kvartalet")
    if picture.changes:
        st.markdown("\n".join(f"- {SYMBOL[c.kind]} {inert(c.text)}" for c in picture.changes))
    else:
        st.markdown(f"Inga förändringar sedan {picture.previous}.")

corrections_section(f)
