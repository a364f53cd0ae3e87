"""Lägesbild (/): the situation picture for the chosen quarter."""

from __future__ import annotations

import streamlit as st

from app_store import current_store, latest_batch
from page_parts import example_data_banner

url, engine = current_store()
latest = latest_batch(engine)
st.title("Lägesbild")
example_data_banner(url, latest)
if latest == 0:
    st.info("Det finns inga data ännu. Importera filer under **Data och importer** för att se lägesbilden.")
