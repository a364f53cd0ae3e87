"""Data och importer (/data): what the store holds per dataset, and every import, newest first."""

from __future__ import annotations

import streamlit as st

from app_store import current_store, latest_batch
from data_overview_table import dataset_rows, history_rows
from page_parts import example_data_banner
from queries.cached import cached_dataset_overview, cached_import_history

url, engine = current_store()
latest = latest_batch(engine)

st.title("Data och importer")
example_data_banner(url, latest)
if latest == 0:
    st.info(
        "Databasen är tom. Importera en fil med `python -m data_sources import DATAMÄNGD FIL` "
        "eller läs in exempeldata med `python -m data_sources demo`."
    )
    st.stop()

st.header("Datamängder")
st.table(dataset_rows(cached_dataset_overview(url, latest)))

st.header("Importhistorik")
st.markdown("Varje import är en egen version. En import ersätter tidigare rader inom sin omfattning; inget raderas.")
st.table(history_rows(cached_import_history(url, latest)))
