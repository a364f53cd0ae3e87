"""The one clock: every stored time and every "today" comes from here, so tests can set it in one place."""

from __future__ import annotations

import datetime as dt

from domain.formatting import STOCKHOLM


def now() -> dt.datetime:
    """Now in UTC, to the second: what the store records."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def today() -> dt.date:
    """Today in Swedish time: what due dates and "overdue" are judged against."""
    return now().astimezone(STOCKHOLM).date()


def swedish_now() -> dt.datetime:
    """Now in Swedish time, without a zone: reporting deadlines are written and judged in it."""
    return now().astimezone(STOCKHOLM).replace(tzinfo=None)
