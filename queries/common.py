"""What every query module shares: a result as a data frame, and the filter on units (none: all)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar

import pandas as pd
import sqlalchemy as sa


def frame(connection: sa.Connection, query: sa.Select) -> pd.DataFrame:
    result = connection.execute(query)
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def for_units(column: sa.ColumnElement, units: Sequence[str]) -> list[sa.ColumnElement[bool]]:
    return [column.in_(list(units))] if units else []


P = ParamSpec("P")
R = TypeVar("R")


class Ask(Protocol):
    """A query of `queries/` asked as of a batch: the query's own arguments after the connection, and its
    answer's type. The app's is cached (ui/app_store.py); the command line and the tests read directly."""

    def __call__(
        self, query: Callable[Concatenate[sa.Connection, P], R], /, *args: P.args, **kwargs: P.kwargs
    ) -> R: ...


def asking(engine: sa.Engine, as_of: int | None) -> Ask:
    """Every query read straight from the store as of batch `as_of` (None: now), a connection per query."""

    def ask(query: Callable[Concatenate[sa.Connection, P], R], /, *args: P.args, **kwargs: P.kwargs) -> R:
        with engine.connect() as connection:
            return query(connection, *args, **{**kwargs, "as_of": as_of})  # type: ignore[arg-type]

    return ask


def remembering(engine: sa.Engine, as_of: int | None) -> Ask:
    """As `asking`, each answer read once: a view asked twice in one pack (its deck's views share queries)
    reads the store once; every caller gets its own copy of a frame."""
    answers: dict[tuple[Any, ...], Any] = {}
    ask = asking(engine, as_of)

    def remembered(query: Callable[Concatenate[sa.Connection, P], R], /, *args: P.args, **kwargs: P.kwargs) -> R:
        key = (query, args, tuple(sorted(kwargs.items())))
        if key not in answers:
            answers[key] = ask(query, *args, **kwargs)
        answer = answers[key]
        return answer.copy() if isinstance(answer, pd.DataFrame) else answer

    return remembered


def reads_meeting_records(query: Callable[P, R]) -> Callable[P, R]:
    """Marks a query that reads the meeting records: a record is not a batch, so the app's cache keys its
    answer by the newest record as well (a record made in any process is seen at the next click)."""
    query.reads_meeting_records = True  # type: ignore[attr-defined]
    return query


def returns(*names: str) -> Callable[[Callable[P, pd.DataFrame]], Callable[P, pd.DataFrame]]:
    """Declares the columns of the frame a query returns: the rules and view models read it by these
    names, and every answer is held to them, so a query that drifts fails where it is asked."""

    def declare(query: Callable[P, pd.DataFrame]) -> Callable[P, pd.DataFrame]:
        @functools.wraps(query)
        def checked(*args: P.args, **kwargs: P.kwargs) -> pd.DataFrame:
            answer = query(*args, **kwargs)
            if tuple(answer.columns) != names:
                raise TypeError(f"{query.__qualname__} gav kolumnerna {tuple(answer.columns)}, deklarerade {names}")
            return answer

        checked.columns = names  # type: ignore[attr-defined]
        return checked

    return declare
