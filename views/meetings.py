"""Möten (/moten): the records of what boards were shown, and a new record for a meeting.

A record keeps the batch the store is read as of, so every board view opened from it (`?mote=ID`) shows
exactly the figures the board saw, whatever is imported afterwards.
"""

from __future__ import annotations

import streamlit as st

from domain import clock
from domain.formatting import inert
from domain.roles import MEETING_VIEWS
from store import meetings
from ui.app_store import app_config, current_store
from ui.blocks import table_of
from ui.sign_in import require
from ui.slides import pack_downloads
from view_models.meetings import meeting_label, records_table

actor = require("moten")
config = app_config()
_, engine = current_store()
st.title("Möten")
st.markdown(
    "Ett mötesprotokoll håller fast det nämnden visades: varje siffra läses som efter importen då mötet "
    "protokollfördes, och protokollet ändras aldrig."
)
if message := st.session_state.pop("meeting_message", None):
    st.success(inert(message))

records = meetings.all_records(engine)
table_of(records_table(records, config))
if records:
    chosen = st.selectbox(
        "Öppna ett möte",
        records,
        format_func=lambda r: meeting_label(r, config),
        key="meeting_choice",
        placeholder="Välj",
    )
    st.page_link(
        "views/presentation.py",
        label="Presentera mötet som bilder",
        icon=":material/slideshow:",
        query_params={"mote": str(chosen.id)},
    )
    pack_downloads(chosen, actor)
    st.markdown("**Visa som presenterat:**")
    per_row = 4  # each view's whole name on its link, at 1280 as at 1920
    for start in range(0, len(MEETING_VIEWS), per_row):
        row = MEETING_VIEWS[start : start + per_row]
        for column, view in zip(st.columns(per_row), row, strict=False):
            column.page_link(view.script, label=view.title, icon=view.icon, query_params={"mote": str(chosen.id)})

if actor.may("record_meetings"):
    with st.form("new_meeting", clear_on_submit=True):
        st.header("Protokollför ett möte")
        body = st.selectbox(
            "Nämnd eller bolag",
            list(config.unit_names),
            index=list(config.unit_names).index(config.app.default_unit),
            format_func=config.unit_names.__getitem__,
            placeholder="Välj",
        )
        day = st.date_input("Mötesdatum", value=clock.today(), format="YYYY-MM-DD")
        item = st.text_input("Paragraf", placeholder="till exempel § 88")
        quarter = st.text_input("Kvartal som redovisas", placeholder="till exempel 2025Q4")
        title = st.text_input("Rubrik (frivillig)")
        prepared_by = st.text_input(
            "Förberett av (står på styrelsepaketets försättsblad)",
            value=actor.name if actor.kind in ("local", "oidc") else "",
        )
        if st.form_submit_button("Protokollför", type="primary"):
            try:
                record = meetings.create(
                    engine,
                    config,
                    actor,
                    body=body,
                    meeting_date=day,
                    item=item,
                    quarter=quarter,
                    title=title,
                    prepared_by=prepared_by,
                )
            except meetings.MeetingError as refused:
                st.error(inert(str(refused)))
            else:
                st.session_state["meeting_message"] = (
                    f"Möte nr {record.id} är protokollfört, med data per import nr {record.batch_id}. "
                    "Välj det ovan för att presentera det."
                )
                st.rerun()
