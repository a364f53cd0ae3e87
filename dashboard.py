"""Entry point: page setup, configuration check, who is asking, and the navigation for their role."""

from __future__ import annotations

import streamlit as st

from access_control import Actor
from configuration import ConfigError
from navigation import VIEWS

st.set_page_config(page_title="IT-säkerhet – lägesbild", page_icon="🛡️", layout="wide")
# Streamlit serves <html lang="en">; screen readers must read Swedish. A constant script, no user text.
st.html("<script>document.documentElement.lang = 'sv';</script>", unsafe_allow_javascript=True)
st.session_state.pop("_actor", None)


def pages_for(actor: Actor) -> list:
    """Every page is registered, so a URL typed by hand reaches the page's own guard (denied and logged);
    only the pages of the actor's role are listed. The views live in views/, not pages/: Streamlit would
    list a pages/ folder by itself to someone not yet signed in, before st.navigation has run."""
    return [
        st.Page(
            v.script,
            title=v.title,
            icon=v.icon,
            url_path=v.url_path or None,
            default=v.url_path == "",
            visibility="visible" if actor.sees(v.url_path) else "hidden",
        )
        for v in VIEWS
    ]


try:
    from app_store import app_config

    config = app_config()
except ConfigError as problem:
    st.error("Instrumentpanelen kan inte starta eftersom konfigurationen har fel. Rätta filerna och ladda om sidan.")
    st.code(str(problem), language=None)
    st.stop()

from app_store import current_store  # noqa: E402 - after the configuration check
from session_identity import current_actor, sign_out_button  # noqa: E402

_, engine = current_store()
actor = current_actor(engine, config)
if actor is None:
    st.stop()
st.session_state["_actor"] = actor
if actor.kind == "open":
    st.sidebar.warning("Öppet läge: ingen inloggning är konfigurerad. Appen nås bara från den här datorn.")
sign_out_button(actor, engine)
st.navigation(pages_for(actor)).run()
