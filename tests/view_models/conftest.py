"""The view models read the example data, loaded once per test into a fresh SQLite store."""

from __future__ import annotations

import pytest

from ingest.demo import load_example_data


@pytest.fixture
def store(sqlite_store, config):
    load_example_data(sqlite_store, config)
    return sqlite_store
