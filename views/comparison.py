"""Jämförelse (/jamforelse): one KPI, status area, the board's duties or the top risks across the
organisations the visitor has a role in, side by side, with letters instead of names for a round-up; only
their own organisations are read."""

from __future__ import annotations

import streamlit as st

from domain.roles import VIEW_NAMED
from queries.comparison import comparison_quarters
from ui.app_store import asking_at, current_store, installation_config, organisation_config, organisation_store
from ui.frame import Frame
from ui.sections import show
from ui.sign_in import require
from view_models.comparison import Participant, compose, measures

actor = require("jamforelse")
installation = installation_config()
mine = [o for o in installation.organisations if actor.sees_organisation(o.id)]
st.title("Jämförelse")
participants = []
for organisation in mine:
    key, latest = organisation_store(organisation.id)
    participants.append(
        Participant(organisation.municipality, organisation_config(organisation.id), asking_at(key, latest, None))
    )
quarters: list[str] = sorted({q for p in participants for q in p.ask(comparison_quarters)}, reverse=True)
if not quarters:
    st.info("Ingen av organisationerna har kvartalsrapporter ännu.")
    st.stop()
params = st.query_params
own = organisation_config(actor.organisation or mine[0].id)
options = measures(own)
by_id = {m.id: m for m in options}
measure = (
    st.selectbox(
        "Jämför",
        options,
        index=options.index(by_id.get(params.get("matt") or "", options[0])),
        format_func=lambda m: m.label,
        placeholder="Välj nyckeltal eller område",
    )
    or options[0]
)  # an index is given: never empty
wanted = params.get("period") or ""
quarter = (
    st.sidebar.selectbox(
        "Kvartal", quarters, index=quarters.index(wanted) if wanted in quarters else 0, placeholder="Välj kvartal"
    )
    or quarters[0]
)
letters = st.toggle(
    "Ersätt namnen med bokstäver (för en regional eller nationell sammanställning)",
    value=params.get("bokstaver") == "1",
)
params["matt"], params["period"] = measure.id, quarter
if letters:
    params["bokstaver"] = "1"
elif "bokstaver" in params:
    del params["bokstaver"]
url, engine = current_store()
frame = Frame(VIEW_NAMED["comparison"], url, engine, 0, own, (), actor)
show(frame, compose(participants, measure, quarter, letters=letters), what="jämförelser")
