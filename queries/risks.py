"""The risk register as of a batch: each risk's latest assessment up to a day and the one before it, the
heat map's cells, and the body's last meeting record with the values it was shown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd
import sqlalchemy as sa

from domain.datasets.risks import DATASET
from queries.common import for_units, frame, reads_meeting_records, returns
from store.schema import meeting_records, table_of, visible_as_of

risks = table_of(DATASET)
r = risks.c
COLUMNS = (
    "risk_id",
    "unit",
    "title",
    "assessed_date",
    "likelihood",
    "consequence",
    "owner",
    "treatment",
    "treatment_status",
    "due_date",
)


def _ranked(units: Sequence[str], on: dt.date, as_of: int | None) -> sa.Subquery:
    """Every risk's assessments up to `on`, ranked from the latest (1) back."""
    rank = sa.func.row_number().over(partition_by=r.risk_id, order_by=r.assessed_date.desc()).label("rank")
    return (
        sa.select(*(r[c] for c in COLUMNS), rank)
        .where(visible_as_of(risks, as_of), r.assessed_date <= on, *for_units(r.unit, units))
        .subquery()
    )


@returns(*COLUMNS, "rank")
def assessments(
    connection: sa.Connection, units: Sequence[str], on: dt.date, *, as_of: int | None = None
) -> pd.DataFrame:
    """Each risk's latest assessment up to `on` (rank 1: the current one) and the one before it (rank 2),
    the highest risk value first."""
    ranked = _ranked(units, on, as_of)
    c = ranked.c
    query = (
        sa.select(*(c[name] for name in COLUMNS), c.rank)
        .where(c.rank <= 2)
        .order_by(c.rank, (c.likelihood * c.consequence).desc(), c.due_date, c.risk_id)
    )
    return frame(connection, query)


@returns("likelihood", "consequence", "counted")
def cells(connection: sa.Connection, units: Sequence[str], on: dt.date, *, as_of: int | None = None) -> pd.DataFrame:
    """The heat map: the current risks counted per likelihood and consequence (cells without any left out)."""
    c = _ranked(units, on, as_of).c
    query = (
        sa.select(c.likelihood, c.consequence, sa.func.count().label("counted"))
        .where(c.rank == 1)
        .group_by(c.likelihood, c.consequence)
        .order_by(c.likelihood, c.consequence)
    )
    return frame(connection, query)


@reads_meeting_records
@returns("id", "meeting_date", "item", "batch_id")
def last_meeting(connection: sa.Connection, body: str, on: dt.date, *, as_of: int | None = None) -> pd.DataFrame:
    """The body's last meeting record before `on` (at a meeting, the one before it): at most one row."""
    m = meeting_records.c
    query = sa.select(m.id, m.meeting_date, m.item, m.batch_id).where(m.body == body, m.meeting_date < on)
    if as_of is not None:
        query = query.where(m.batch_id <= as_of)
    return frame(connection, query.order_by(m.meeting_date.desc(), m.id.desc()).limit(1))


@returns("risk_id", "likelihood", "consequence")
def shown_at(
    connection: sa.Connection, units: Sequence[str], meeting: dt.date, batch: int, *, as_of: int | None = None
) -> pd.DataFrame:
    """The current risks as a meeting was shown them: as of its batch, assessed up to its date."""
    at = batch if as_of is None else min(batch, as_of)
    c = _ranked(units, meeting, at).c
    return frame(connection, sa.select(c.risk_id, c.likelihood, c.consequence).where(c.rank == 1))
