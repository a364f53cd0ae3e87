"""Data och importer (/data): what the store holds per dataset, and every import, newest first."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_store import app_config, current_store, latest_batch
from data_overview_table import dataset_rows, history_rows
from data_quality_report import quality_findings
from page_parts import example_data_banner
from queries.board import today
from queries.cached import ask, cached_dataset_overview, cached_import_history
from session_identity import require

actor = require("data")
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
overview = cached_dataset_overview(url, latest)
st.table(dataset_rows(overview))

st.header("Datakvalitet")
findings = quality_findings(lambda query, *args: ask(query, url, latest, *args), overview, app_config(), today())
if findings:
    st.table(pd.DataFrame([{"Kontroll": f"▲ {f.check}", "Vad": f.text} for f in findings]), hide_index=True)
else:
    st.markdown(
        "● Inga brister hittades: inga saknade kvartal eller självskattningar, inga gamla källor, "
        "inga ofullständiga incidentrapporter och inga försenade rekommendationer utan uppdatering."
    )

if not actor.may("import_history"):
    st.stop()
st.header("Importhistorik")
st.markdown("Varje import är en egen version. En import ersätter tidigare rader inom sin omfattning; inget raderas.")
st.table(history_rows(cached_import_history(url, latest)))
