"""The app's handle on the store and configuration, and the cached ask: opened once per process, shared
by all sessions.

Views get the engine, the configuration and the latest batch id from here. Cached answers are keyed by
the store's key (its URL and the run's organisation: one organisation's answer is never another's), that
batch id and the `as_of` batch they read, so a new import is seen on the next rerun by every session, and
an answer as of an earlier batch never changes.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Concatenate, ParamSpec, TypeVar

import sqlalchemy as sa
import streamlit as st

from domain.configuration import ORGANISATION_FOLDER, Config, config_dir, load_config
from ingest.demo import load_example_data
from queries.common import Ask
from queries.data_overview import DatasetOverview, dataset_overview, example_data_in_use
from store.batches import BatchRecord, history, latest_batch_id
from store.engine import database_url, open_store
from store.meetings import newest_record_id
from store.scope import current_organisation, scoped

P = ParamSpec("P")
R = TypeVar("R")


@st.cache_resource(show_spinner=False, max_entries=64)
def _config_in(directory: str, stamp: tuple[tuple[str, int, int], ...], organisation: str | None) -> Config:
    config = load_config(directory, organisation)
    # The configuration lives as long as the process (290 organisations: thousands of objects). Frozen, it
    # and what the process holds so far are left out of the cycle collector's full passes, which otherwise
    # walked them all in the middle of a page run (a 90 ms pause in a cold view). An earlier configuration
    # replaced by an edit stays in memory: a few megabytes per edit at the most.
    gc.freeze()
    return config


def app_config() -> Config:
    """The validated configuration of DASHBOARD_CONFIG_DIR for the run's organisation, read again when one
    of its files changes (a stat per rerun), so an edit of users.yaml reaches the accounts on the next
    click."""
    return _config_in(str(config_dir()), config_stamp(), current_organisation())


def organisation_config(organisation: str) -> Config:
    """The configuration of one organisation (the comparison reads each with its own targets)."""
    return _config_in(str(config_dir()), config_stamp(), organisation)


def installation_config() -> Config:
    """The configuration of the first organisation, with every organisation listed: what a run reads
    before it knows the visitor's organisation."""
    return _config_in(str(config_dir()), config_stamp(), None)


def config_stamp() -> tuple[tuple[str, int, int], ...]:
    """Name, modification time and size of each configuration file: changes with every save."""
    folder = config_dir()
    files = [*folder.glob("*.yaml"), *folder.glob(f"{ORGANISATION_FOLDER}/*/*.yaml")]
    return tuple(
        (str(p.relative_to(folder)), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(files) if p.is_file()
    )


@st.cache_resource(show_spinner="Öppnar databasen …")
def store_engine(url: str) -> sa.Engine:
    """Open and migrate the store; an organisation without data gets its example data (where there is
    some) unless DASHBOARD_DEMO=0."""
    engine = open_store(url)
    if os.environ.get("DASHBOARD_DEMO", "1") != "0":
        installation = installation_config()
        for organisation in installation.organisations:
            with scoped(organisation.id):
                with engine.connect() as connection:
                    empty = latest_batch_id(connection) == 0
                if empty:
                    load_example_data(engine, load_config(installation.directory, organisation.id))
    return engine


def current_store() -> tuple[str, sa.Engine]:
    """The store's key for the run's organisation (what every cached answer is keyed by) and its engine."""
    url = database_url()
    return store_key(url, current_organisation()), store_engine(url)


_ORGANISATION_MARK = "#organisation="


def store_key(url: str, organisation: str) -> str:
    """The store at `url` as one organisation: the key of every cached answer."""
    return f"{url}{_ORGANISATION_MARK}{organisation}"


@contextmanager
def _connected(key: str) -> Iterator[sa.Connection]:
    """A connection to the store of `key`, as its organisation (a cached answer's own)."""
    url, organisation = key.rsplit(_ORGANISATION_MARK, 1)
    with scoped(organisation), store_engine(url).connect() as connection:
        yield connection


def organisation_store(organisation: str) -> tuple[str, int]:
    """Another organisation's store key and latest batch, for the comparison: asked in that organisation's
    scope, so its cached answers are its own."""
    with scoped(organisation):
        key, engine = current_store()
        return key, latest_batch(engine)


def latest_batch(engine: sa.Engine) -> int:
    """Read on every rerun (one indexed max()); the key that invalidates every cached answer."""
    with engine.connect() as connection:
        return latest_batch_id(connection)


def ask(query: Callable[..., R], url: str, latest: int, *args: Any, as_of: int | None = None) -> R:
    """Run a query function of `queries/` on the store at `url`, as of a batch (None: the latest), cached by
    the latest batch. The view models ask through `asking_at`, typed as each query is."""
    records = newest_record(url) if getattr(query, "reads_meeting_records", False) else 0
    answer: R = _ask(f"{query.__module__}.{query.__qualname__}", query, url, latest, records, as_of, *args)
    return answer


def newest_record(url: str) -> int:
    """The newest meeting record's id (one indexed max()): part of the key of queries that read them."""
    with _connected(url) as connection:
        return newest_record_id(connection)


def asking_at(url: str, latest: int, as_of: int | None) -> Ask:
    """`ask` as of one batch, for the view models (`Ask`)."""

    def asked(query: Callable[Concatenate[sa.Connection, P], R], /, *args: P.args, **kwargs: P.kwargs) -> R:
        return ask(query, url, latest, *args, as_of=as_of)

    return asked


@st.cache_data(show_spinner=False, max_entries=1024)
def _ask(
    query_name: str, _query: Callable[..., Any], url: str, latest: int, records: int, as_of: int | None, *args: Any
) -> Any:
    with _connected(url) as connection:
        return _query(connection, *args, as_of=as_of)


@st.cache_data(show_spinner=False, max_entries=64)
def cached_dataset_overview(url: str, latest: int) -> list[DatasetOverview]:
    with _connected(url) as connection:
        return dataset_overview(connection)


@st.cache_data(show_spinner=False, max_entries=64)
def cached_import_history(url: str, latest: int, limit: int = 100) -> list[BatchRecord]:
    with _connected(url) as connection:
        return history(connection, limit)


@st.cache_data(show_spinner=False, max_entries=64)
def cached_example_data_in_use(url: str, latest: int) -> bool:
    with _connected(url) as connection:
        return example_data_in_use(connection)


def read_now(query: Callable[..., Any], *args: Any) -> Any:
    """An uncached read of what changes without a batch (the access log)."""
    _, engine = current_store()
    with engine.connect() as connection:
        return query(connection, *args)
