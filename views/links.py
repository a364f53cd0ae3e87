"""Granskningslänkar (/lankar): read-only links for auditors, with an expiry, limited views, and revocation."""

from __future__ import annotations

import streamlit as st

from access.access_store import MAX_LINK_DAYS, all_links, create_link, revoke_link
from domain.clock import now
from domain.formatting import inert, swedish_datetime
from domain.roles import ensure
from store import meetings
from store.access_log import log_event
from ui.app_store import app_config, current_store
from ui.blocks import table_of
from ui.sign_in import require
from view_models.links import VIEW_TITLES, link_table
from view_models.meetings import meeting_label

actor = require("lankar")
ensure(actor, "manage_links")
_, engine = current_store()
st.title("Granskningslänkar")
st.markdown(
    "En länk ger mottagaren läsrätt till styrelsevyerna, aldrig import eller administration. Den gäller tills "
    "den går ut eller dras tillbaka; återkallelsen gäller från mottagarens nästa klick."
)
titles = VIEW_TITLES
config = app_config()
records = meetings.all_records(engine)

with st.form("new_link", clear_on_submit=True):
    recipient = st.text_input("Mottagare (namn och organisation)")
    days = st.number_input("Giltig i dagar", min_value=1, max_value=MAX_LINK_DAYS, value=30, step=1)
    views = st.multiselect(
        "Bara dessa vyer (ingen vald = alla styrelsevyer)",
        list(titles),
        format_func=titles.__getitem__,
        placeholder="Alla styrelsevyer",
    )
    meeting = st.selectbox(
        "Visa som presenterat vid mötet (inget valt = dagens data)",
        [None, *records],
        format_func=lambda r: "Dagens data" if r is None else meeting_label(r, config),
        placeholder="Välj",
    )
    created = st.form_submit_button("Skapa länk", type="primary")
if created:
    if not recipient.strip():
        st.error("Skriv vem länken är till.")
    else:
        meeting_id = None if meeting is None else meeting.id
        token, link = create_link(engine, recipient.strip(), actor.id, int(days), tuple(views), meeting_id)
        log_event(
            engine,
            actor.id,
            actor.role,
            "link_created",
            target=f"länk {link.id}",
            detail=f"till {link.recipient}, {days} dagar" + (f", möte {meeting_id}" if meeting_id else ""),
        )
        base = str(getattr(st.context, "url", "") or "").split("/lankar")[0].split("?")[0].rstrip("/")
        st.success(
            f"Länk {link.id} till {inert(link.recipient)} gäller till {swedish_datetime(link.expires_at)}. "
            "Kopiera den nu; den visas bara den här gången."
        )
        st.code(f"{base}/?link={token}", language=None)

links = all_links(engine)
if links:
    st.header("Länkar")
    moment = now()
    table_of(link_table(links, moment))
    active = [link for link in links if link.state(moment) == "valid"]
    if active:
        chosen = st.selectbox(
            "Länk att dra tillbaka",
            active,
            format_func=lambda lk: f"nr {lk.id}: {lk.recipient}",
            placeholder="Välj",
        )
        if st.button("Dra tillbaka länken"):
            revoke_link(engine, chosen.id, actor.id)
            log_event(engine, actor.id, actor.role, "link_revoked", target=f"länk {chosen.id}")
            st.rerun()
