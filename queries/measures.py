"""The board's duties as of a batch: a body's measures in a quarter, and the meetings it was reported to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd
import sqlalchemy as sa

from domain.datasets.measures import DATASET
from queries.common import frame, reads_meeting_records, returns
from store.schema import meeting_records, table_of, visible_as_of

measures = table_of(DATASET)
m = measures.c


def quarters(connection: sa.Connection, body: str, *, as_of: int | None = None) -> list[str]:
    """The quarters the body has reported its measures for, oldest first."""
    query = sa.select(m.period).where(visible_as_of(measures, as_of), m.unit == body).distinct().order_by(m.period)
    return list(connection.execute(query).scalars())


@returns("period", "measure", "status", "owner", "decided_date", "decision_ref", "next_review", "comment")
def body_measures(connection: sa.Connection, body: str, quarter: str, *, as_of: int | None = None) -> pd.DataFrame:
    """The body's measures as last reported up to the quarter (the latest quarter with any, by measure)."""
    latest = (
        sa.select(sa.func.max(m.period))
        .where(visible_as_of(measures, as_of), m.unit == body, m.period <= quarter)
        .scalar_subquery()
    )
    query = (
        sa.select(m.period, m.measure, m.status, m.owner, m.decided_date, m.decision_ref, m.next_review, m.comment)
        .where(visible_as_of(measures, as_of), m.unit == body, m.period == latest)
        .order_by(m.measure)
    )
    return frame(connection, query)


@reads_meeting_records
@returns("id", "meeting_date", "item", "quarter")
def reports(connection: sa.Connection, body: str, year: int, *, as_of: int | None = None) -> pd.DataFrame:
    """The body's meeting records of a year's quarters: each a security report the body was given. A record
    exists as of the batch it read."""
    r = meeting_records.c
    return _records(connection, r.quarter.like(f"{year}Q%"), body, as_of)


@reads_meeting_records
@returns("id", "meeting_date", "item", "quarter")
def meetings_on(
    connection: sa.Connection, body: str, dates: Sequence[dt.date], *, as_of: int | None = None
) -> pd.DataFrame:
    """The body's meeting records held on the dates given: where its approvals of measures were recorded."""
    r = meeting_records.c
    return _records(connection, r.meeting_date.in_(list(dates)), body, as_of)


def _records(connection: sa.Connection, which: sa.ColumnElement[bool], body: str, as_of: int | None) -> pd.DataFrame:
    r = meeting_records.c
    query = sa.select(r.id, r.meeting_date, r.item, r.quarter).where(r.body == body, which)
    if as_of is not None:
        query = query.where(r.batch_id <= as_of)
    return frame(connection, query.order_by(r.meeting_date, r.id))
