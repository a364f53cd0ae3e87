"""Query results cached across sessions, keyed by store URL and latest batch (so an import shows at once)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from app_store import store_engine
from data_sources.batches import BatchRecord, history
from queries.store_overview import DatasetOverview, dataset_overview, example_data_in_use


@st.cache_data(show_spinner=False, max_entries=64)
def cached_dataset_overview(url: str, latest_batch: int, as_of: int | None = None) -> list[DatasetOverview]:
    with store_engine(url).connect() as connection:
        return dataset_overview(connection, as_of)


@st.cache_data(show_spinner=False, max_entries=64)
def cached_import_history(url: str, latest_batch: int, limit: int = 100) -> list[BatchRecord]:
    with store_engine(url).connect() as connection:
        return history(connection, limit)


@st.cache_data(show_spinner=False, max_entries=64)
def cached_example_data_in_use(url: str, latest_batch: int) -> bool:
    with store_engine(url).connect() as connection:
        return example_data_in_use(connection)


def ask(query: Callable[..., Any], url: str, latest_batch: int, *args: Any) -> Any:
    """Run a query function with a connection to the store at `url`; cached per latest batch and args."""
    return _ask(f"{query.__module__}.{query.__qualname__}", query, url, latest_batch, *args)


@st.cache_data(show_spinner=False, max_entries=1024)
def _ask(query_name: str, _query: Callable[..., Any], url: str, latest_batch: int, *args: Any) -> Any:
    with store_engine(url).connect() as connection:
        return _query(connection, *args)
