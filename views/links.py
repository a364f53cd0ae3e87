"""Granskningslänkar (/lankar): read-only links for auditors, with an expiry, limited views, and revocation."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from access_control import BOARD_VIEWS, ensure
from app_store import current_store
from data_sources.access_store import MAX_LINK_DAYS, all_links, create_link, log_event, now, revoke_link
from formatting import swedish_datetime
from navigation import VIEWS
from session_identity import require

actor = require("lankar")
ensure(actor, "manage_links")
_, engine = current_store()
st.title("Granskningslänkar")
st.markdown(
    "En länk ger mottagaren läsrätt till styrelsevyerna, aldrig import eller administration. Den gäller tills "
    "den går ut eller dras tillbaka; återkallelsen gäller från mottagarens nästa klick."
)
titles = {v.url_path: v.title for v in VIEWS if v.url_path in BOARD_VIEWS}

with st.form("new_link", clear_on_submit=True):
    recipient = st.text_input("Mottagare (namn och organisation)")
    days = st.number_input("Giltig i dagar", min_value=1, max_value=MAX_LINK_DAYS, value=30, step=1)
    views = st.multiselect(
        "Bara dessa vyer (ingen vald = alla styrelsevyer)",
        list(titles),
        format_func=titles.__getitem__,
        placeholder="Alla styrelsevyer",
    )
    created = st.form_submit_button("Skapa länk", type="primary")
if created:
    if not recipient.strip():
        st.error("Skriv vem länken är till.")
    else:
        token, link = create_link(engine, recipient.strip(), actor.id, int(days), tuple(views))
        log_event(
            engine,
            actor.id,
            actor.role,
            "link_created",
            target=f"länk {link.id}",
            detail=f"till {link.recipient}, {days} dagar",
        )
        base = str(getattr(st.context, "url", "") or "").split("/lankar")[0].split("?")[0].rstrip("/")
        st.success(
            f"Länk {link.id} till {link.recipient} gäller till {swedish_datetime(link.expires_at)}. "
            "Kopiera den nu; den visas bara den här gången."
        )
        st.code(f"{base}/?link={token}", language=None)

links = all_links(engine)
if links:
    st.header("Länkar")
    moment = now()
    states = {"valid": "gäller", "expired": "utgången", "revoked": "återkallad"}
    st.table(
        pd.DataFrame(
            [
                {
                    "Nr": str(link.id),
                    "Mottagare": link.recipient,
                    "Skapad": f"{swedish_datetime(link.created_at)} av {link.created_by}",
                    "Går ut": swedish_datetime(link.expires_at),
                    "Vyer": ", ".join(titles.get(v, v) for v in link.views) or "alla styrelsevyer",
                    "Läge": states[link.state(moment)],
                }
                for link in links
            ]
        ),
        hide_index=True,
    )
    active = [link for link in links if link.state(moment) == "valid"]
    if active:
        chosen = st.selectbox("Länk att dra tillbaka", active, format_func=lambda lk: f"nr {lk.id}: {lk.recipient}")
        if st.button("Dra tillbaka länken"):
            revoke_link(engine, chosen.id, actor.id)
            log_event(engine, actor.id, actor.role, "link_revoked", target=f"länk {chosen.id}")
            st.rerun()
