"""Entry point: page setup, configuration check, and the navigation between views."""

from __future__ import annotations

import streamlit as st

from configuration import ConfigError

st.set_page_config(page_title="IT-säkerhet i Malmö stad", page_icon="🛡️", layout="wide")

try:
    from app_store import app_config

    app_config()
except ConfigError as problem:
    st.error("Instrumentpanelen kan inte starta eftersom konfigurationen har fel. Rätta filerna och ladda om sidan.")
    st.code(str(problem), language=None)
    st.stop()

pages = [
    st.Page("pages/situation.py", title="Lägesbild", icon=":material/dashboard:", default=True),
    st.Page("pages/data_overview.py", title="Data och importer", icon=":material/database:", url_path="data"),
]
st.navigation(pages).run()
