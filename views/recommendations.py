"""Rekommendationer (/rekommendationer): audits' recommendations, their progress and what is overdue."""

from __future__ import annotations

import streamlit as st

from ui.frame import view_frame
from ui.sections import present
from view_models.recommendations import audits_to_choose, compose, recommendations

f = view_frame(__file__)
audits = audits_to_choose(recommendations(f.ask, f.scope()))
audit = st.selectbox("Granskning", audits, key="recommendation_audit", placeholder="Välj") if audits else None
present(f, compose, f.scope(filters={"audit": (audit,)} if audit else None), what="granskningsrekommendationer")
