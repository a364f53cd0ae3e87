"""Phishingövningar (/phishing): each campaign's click rate against the target, the trend per unit, and
how long each ran against its plan."""

from __future__ import annotations

import streamlit as st

from charts.phishing_campaigns import click_rates, durations
from domain.formatting import inert
from queries import phishing_campaigns as q
from rules.phishing_campaigns import with_rates
from ui.blocks import chart_block
from ui.frame import empty_state, view_frame
from ui.slides import corrections_section
from view_models.phishing_campaigns import (
    campaign_table,
    click_target,
    duration_summary,
    latest_summary,
    trend_summary,
)

f = view_frame("phishing_campaigns", "Phishingövningar", "phishing", all_units_by_default=True)
campaigns = f.ask(q.campaigns, f.units)
if campaigns.empty:
    empty_state(f, "phishingövningar")
    st.stop()

campaigns = with_rates(campaigns)
st.markdown(f"**{inert(latest_summary(campaigns, f.config))}**")
st.header("Andel som klickade per kampanj")
target = click_target(f.config)
chart_block(
    f,
    click_rates(campaigns, f.config.unit_names, target if target is not None else 0),
    trend_summary(campaigns, f.config),
    campaign_table(campaigns, f.config),
    "phishingovningar.csv",
)
st.header("Planerad och faktisk tid")
chart_block(
    f,
    durations(campaigns, f.config.unit_names),
    duration_summary(campaigns, f.config),
    campaign_table(campaigns, f.config)[["Kampanj", "Start", "Enhet", "Planerade timmar", "Faktiska timmar"]],
    "phishingovningar-tid.csv",
)
corrections_section(f)
