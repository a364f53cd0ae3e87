"""Åtkomstlogg (/logg): logins, refusals, link use, exports, imports and undos; append-only."""

from __future__ import annotations

import streamlit as st

from domain.roles import ensure
from ingest.exports import csv_bytes
from queries.access_log import access_log_rows
from ui.app_store import read_now
from ui.blocks import table_of
from ui.sign_in import log_export, require
from view_models.access_log import log_table

actor = require("logg")
ensure(actor, "access_log")
st.title("Åtkomstlogg")
st.markdown("Tider i svensk tid. Loggen kan bara läggas till, aldrig ändras; tokens visas aldrig.")
table = log_table(read_now(access_log_rows))
st.download_button(
    "Ladda ner loggen (CSV)",
    csv_bytes(table),
    file_name="atkomstlogg.csv",
    mime="text/csv",
    on_click=log_export,
    args=(actor, "atkomstlogg.csv"),
)
table_of(table)
