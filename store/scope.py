"""The organisation a thread reads and writes: every row belongs to one, and every read of the store is
scoped to the current one at the lowest layer (`store.schema.visible_as_of`, the batches, the records).

The app sets it at the start of each run (the organisation of the link or the visitor's choice), a
command from `--org`. On PostgreSQL each connection also carries it (`app.organisation`), and row-level
security policies on every table enforce the same scope: a query that forgot it returns nothing there.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import sqlalchemy as sa

from domain.configuration import DEFAULT_ORGANISATION

EVERY_ORGANISATION = "*"  # administration only: migrations, backup and restore, the accounts' roles

_CURRENT: ContextVar[str] = ContextVar("organisation", default=DEFAULT_ORGANISATION)


def current_organisation() -> str:
    return _CURRENT.get()


@contextmanager
def scoped(organisation: str) -> Iterator[None]:
    """Read and write as `organisation` inside the block (connections opened inside carry it)."""
    token = _CURRENT.set(organisation)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def set_organisation(organisation: str) -> None:
    """For the rest of this thread's run: the app's script run and a command's process."""
    _CURRENT.set(organisation)


def of_organisation(table: sa.Table) -> sa.ColumnElement[bool]:
    """The current organisation's rows of `table` (every row, for administration)."""
    organisation = _CURRENT.get()
    if organisation == EVERY_ORGANISATION:
        return sa.true()
    return table.c.organisation == organisation
