"""Entry point: page setup, configuration check, and the navigation between views."""

from __future__ import annotations

import streamlit as st

from configuration import ConfigError
from navigation import VIEWS

st.set_page_config(page_title="IT-säkerhet – lägesbild", page_icon="🛡️", layout="wide")
# Streamlit serves <html lang="en">; screen readers must read Swedish. A constant script, no user text.
st.html("<script>document.documentElement.lang = 'sv';</script>", unsafe_allow_javascript=True)

try:
    from app_store import app_config

    app_config()
except ConfigError as problem:
    st.error("Instrumentpanelen kan inte starta eftersom konfigurationen har fel. Rätta filerna och ladda om sidan.")
    st.code(str(problem), language=None)
    st.stop()

pages = [
    st.Page(v.script, title=v.title, icon=v.icon, url_path=v.url_path or None, default=v.url_path == "") for v in VIEWS
]
st.navigation(pages).run()
