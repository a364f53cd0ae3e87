"""The app's handle on the store and configuration: opened once per process, shared by all sessions.

Pages get the engine, the configuration and the latest batch id from here; cached queries are keyed by
the store's URL and that batch id, so a new import is seen on the next rerun by every session.
"""

from __future__ import annotations

import os

import sqlalchemy as sa
import streamlit as st

from configuration import Config, config_dir, load_config
from data_sources.batches import latest_batch_id
from data_sources.demo import load_example_data
from data_sources.store import database_url, open_store


@st.cache_resource(show_spinner=False)
def _config_in(directory: str) -> Config:
    return load_config(directory)


def app_config() -> Config:
    """The validated configuration of DASHBOARD_CONFIG_DIR (read once per folder and process)."""
    return _config_in(str(config_dir()))


@st.cache_resource(show_spinner="Öppnar databasen …")
def store_engine(url: str) -> sa.Engine:
    """Open and migrate the store; an empty store gets the example data unless DASHBOARD_DEMO=0."""
    engine = open_store(url)
    with engine.connect() as connection:
        empty = latest_batch_id(connection) == 0
    if empty and os.environ.get("DASHBOARD_DEMO", "1") != "0":
        load_example_data(engine, app_config())
    return engine


def current_store() -> tuple[str, sa.Engine]:
    url = database_url()
    return url, store_engine(url)


def latest_batch(engine: sa.Engine) -> int:
    """Read on every rerun (one indexed max()); the key that invalidates every cached query."""
    with engine.connect() as connection:
        return latest_batch_id(connection)
