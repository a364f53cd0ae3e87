"""Åtkomstlogg (/logg): logins, refusals, link use, exports, imports and undos; append-only."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from access_control import ROLE_WORDS, ensure
from app_store import current_store
from data_sources.access_store import access_log_frame
from exports import csv_bytes
from formatting import swedish_datetime
from session_identity import log_export, require

EVENTS = {
    "login": "inloggning",
    "login_failed": "misslyckad inloggning",
    "login_denied": "inloggning nekad",
    "logout": "utloggning",
    "denied": "nekad sida",
    "link_used": "länk använd",
    "link_refused": "länk nekad",
    "link_view": "vy via länk",
    "link_created": "länk skapad",
    "link_revoked": "länk återkallad",
    "export": "nedladdning",
    "import": "import",
    "undo": "ångring",
}

actor = require("logg")
ensure(actor, "access_log")
_, engine = current_store()
st.title("Åtkomstlogg")
st.markdown("Tider i svensk tid. Loggen kan bara läggas till, aldrig ändras; tokens visas aldrig.")
with engine.connect() as connection:
    log = access_log_frame(connection)
table = pd.DataFrame(
    {
        "Tid": [swedish_datetime(t) for t in log["at"]],
        "Vem": log["actor"],
        "Roll": log["role"].map(lambda r: ROLE_WORDS.get(r, r or "–")),
        "Händelse": log["event"].map(lambda e: EVENTS.get(e, e)),
        "Vad": log["target"].fillna("–"),
        "Detalj": log["detail"].fillna("–"),
    }
)
st.download_button(
    "Ladda ner loggen (CSV)",
    csv_bytes(table),
    file_name="atkomstlogg.csv",
    mime="text/csv",
    on_click=log_export,
    args=(actor, "atkomstlogg.csv"),
)
st.table(table, hide_index=True)
