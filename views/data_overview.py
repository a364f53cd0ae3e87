"""Data och importer (/data): what the store holds per dataset, its data quality, and every import."""

from __future__ import annotations

import streamlit as st

from domain import clock
from queries import incidents, recommendations, self_assessments
from queries.data_overview import status_quarters_per_unit
from ui.app_store import app_config, ask, cached_dataset_overview, cached_import_history, current_store, latest_batch
from ui.blocks import table_of
from ui.frame import example_data_banner
from ui.sign_in import require
from view_models.data_overview import dataset_rows, findings_table, history_rows, quality_findings

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
table_of(dataset_rows(overview), hide_index=False)

st.header("Datakvalitet")
findings = quality_findings(
    overview=overview,
    quarters=ask(status_quarters_per_unit, url, latest),
    assessed=ask(self_assessments.assessed_units, url, latest, "internal_control"),
    critical=ask(incidents.critical_without_full_report, url, latest),
    recommendations=ask(recommendations.recommendations_with_progress, url, latest),
    config=app_config(),
    now=clock.now(),
    today=clock.today(),
)
if findings:
    table_of(findings_table(findings))
else:
    st.markdown(
        "● Inga brister hittades: inga saknade kvartal eller självskattningar, inga gamla källor, "
        "inga ofullständiga incidentrapporter och inga försenade rekommendationer utan uppdatering."
    )

if not actor.may("import_history"):
    st.stop()
st.header("Importhistorik")
st.markdown("Varje import är en egen version. En import ersätter tidigare rader inom sin omfattning; inget raderas.")
table_of(history_rows(cached_import_history(url, latest)), hide_index=False)
