"""Which organisation a run shows: the one in the link (`?org=`), the visitor's choice in the sidebar, or
the first the visitor may see. Set before anything is read, so every query of the run is scoped to it.

An address naming an organisation the visitor has no role in shows "Du saknar behörighet", reads
nothing and is logged in that organisation's access log (its auditors see who tried).
"""

from __future__ import annotations

from dataclasses import replace

import sqlalchemy as sa
import streamlit as st

from domain.configuration import Config
from domain.formatting import inert
from domain.roles import Actor
from store.access_log import log_event
from store.scope import scoped, set_organisation

CHOICE_KEY = "organisation_choice"


def organisation_of_run(actor: Actor, installation: Config, engine: sa.Engine) -> Actor | None:
    """The actor in the run's organisation, with its role there; None after a refusal is drawn."""
    listed = [o.id for o in installation.organisations]
    names = {o.id: o.municipality for o in installation.organisations}
    if not actor.roles:  # the operator and open local mode: every organisation, in the same role
        actor = replace(actor, roles=tuple((o, actor.role) for o in listed))
    allowed = [o for o in listed if actor.sees_organisation(o)]
    asked = st.query_params.get("org")
    if asked is not None and asked not in allowed:
        where = asked if asked in listed else (allowed or listed)[0]
        with scoped(where):
            log_event(engine, actor.id, None, "denied", target=f"org {asked[:40]}")
        set_organisation("")  # nothing more of this run reads any organisation's rows
        st.error(f"Du saknar behörighet till organisationen {inert(asked)}.")
        return None
    if not allowed:
        set_organisation("")
        st.error("Du saknar behörighet: kontot har ingen roll i någon organisation här. Kontakta administratören.")
        return None
    chosen = asked or st.session_state.get(CHOICE_KEY)
    organisation = chosen if chosen in allowed else allowed[0]
    if len(allowed) > 1:
        picked = st.sidebar.selectbox(
            "Organisation",
            allowed,
            index=allowed.index(organisation),
            format_func=names.__getitem__,
            placeholder="Välj organisation",
        )
        if picked != organisation:  # the choice goes into the address, so a copied link shows the same
            st.session_state[CHOICE_KEY] = picked
            st.query_params["org"] = picked
            st.rerun()
    st.session_state[CHOICE_KEY] = organisation
    if installation.several:
        st.query_params["org"] = organisation
    set_organisation(organisation)
    return actor.in_organisation(organisation)
