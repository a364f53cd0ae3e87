"""Entry point: page setup, configuration check, who is asking, and the navigation for their role."""

from __future__ import annotations

import streamlit as st

from domain.configuration import ConfigError
from ui.navigation import pages_for

st.set_page_config(page_title="IT-säkerhet – lägesbild", page_icon="🛡️", layout="wide")
# Streamlit serves <html lang="en">; screen readers must read Swedish. A constant script, no user text.
st.html("<script>document.documentElement.lang = 'sv';</script>", unsafe_allow_javascript=True)
st.session_state.pop("_actor", None)

try:
    from ui.app_store import app_config

    config = app_config()
except ConfigError as problem:
    st.error("Instrumentpanelen kan inte starta eftersom konfigurationen har fel. Rätta filerna och ladda om sidan.")
    st.code(str(problem), language=None)
    st.stop()

from ui.app_store import current_store  # noqa: E402 - after the configuration check
from ui.sign_in import current_actor, sign_out_button  # noqa: E402

_, engine = current_store()
actor = current_actor(engine, config)
if actor is None:
    st.stop()
st.session_state["_actor"] = actor
if actor.kind == "open":
    st.sidebar.warning("Öppet läge: ingen inloggning är konfigurerad. Appen nås bara från den här datorn.")
sign_out_button(actor, engine)
st.navigation(pages_for(actor)).run()
