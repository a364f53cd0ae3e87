"""The pages of the app for Streamlit's navigation, and the page run with a Swedish message on failure."""

from __future__ import annotations

import logging

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from domain.roles import VIEWS, Actor, View

LOG = logging.getLogger(__name__)
UNEXPECTED = (
    "Något gick fel när sidan skulle visas. Inget har ändrats. Ladda om sidan; kvarstår felet, "
    "kontakta administratören (detaljerna finns i serverns logg)."
)


def pages_for(actor: Actor | None) -> list[st.Page]:
    """Every page is registered, so a URL typed by hand reaches the page's own guard (denied and logged);
    only the pages of the actor's role are listed (the slides are opened from a view or a meeting record).
    The views live in views/, not pages/: Streamlit would run a pages/ folder's scripts by itself for
    someone not yet signed in, before st.navigation has run. Before sign-in (no actor) none is listed."""
    return [
        st.Page(
            v.script,
            title=v.title,
            icon=v.icon,
            url_path=v.path or None,
            default=v.path == "",
            visibility="visible" if actor is not None and v.listed and actor.sees(v.path) else "hidden",
        )
        for v in VIEWS
    ]


def first_view(actor: Actor) -> View:
    """The first view in the app's order that the actor may see (Lägesbild for everyone but some links)."""
    return next(v for v in VIEWS if actor.sees(v.path))


def run_page(page: StreamlitPage) -> None:
    """Run the chosen page; a failure no one foresaw is told in Swedish, its details go to the server log."""
    try:
        page.run()
    except Exception:  # st.stop and st.rerun are not Exceptions and pass through
        LOG.exception("Oväntat fel på sidan /%s", page.url_path)
        st.error(UNEXPECTED)
