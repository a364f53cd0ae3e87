"""Audit recommendations and their dated progress, as of a batch."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import sqlalchemy as sa

from queries.common import frame, returns
from store.schema import DATASET_TABLES, visible_as_of

recommendations = DATASET_TABLES["recommendations"]
recommendation_updates = DATASET_TABLES["recommendation_updates"]


@returns(
    "recommendation_id",
    "audit",
    "auditor",
    "audit_date",
    "addressee",
    "area",
    "recommendation",
    "committed",
    "owner",
    "due_date",
    "response",
    "status",
    "status_date",
    "progress",
    "status_comment",
    "done_date",
)
def recommendations_with_progress(connection: sa.Connection, *, as_of: int | None = None) -> pd.DataFrame:
    """Each recommendation with its latest status, the date of it, and when it was first reported done."""
    updates = recommendation_updates
    current = visible_as_of(updates, as_of)
    ranked = (
        sa.select(
            updates.c.recommendation_id,
            updates.c.status,
            updates.c.date,
            updates.c.progress,
            updates.c.comment,
            sa.func.row_number()
            .over(partition_by=updates.c.recommendation_id, order_by=updates.c.date.desc())
            .label("rank"),
        )
        .where(current)
        .subquery()
    )
    done = (
        sa.select(updates.c.recommendation_id, sa.func.min(updates.c.date).label("done_date"))
        .where(current, updates.c.status.in_(["done", "closed"]))
        .group_by(updates.c.recommendation_id)
        .subquery()
    )
    r = recommendations
    query = (
        sa.select(
            r.c.recommendation_id,
            r.c.audit,
            r.c.auditor,
            r.c.audit_date,
            r.c.addressee,
            r.c.area,
            r.c.recommendation,
            r.c.committed,
            r.c.owner,
            r.c.due_date,
            r.c.response,
            sa.func.coalesce(ranked.c.status, "not_started").label("status"),
            ranked.c.date.label("status_date"),
            ranked.c.progress,
            ranked.c.comment.label("status_comment"),
            done.c.done_date,
        )
        .select_from(
            r.outerjoin(
                ranked, sa.and_(ranked.c.recommendation_id == r.c.recommendation_id, ranked.c.rank == 1)
            ).outerjoin(done, done.c.recommendation_id == r.c.recommendation_id)
        )
        .where(visible_as_of(r, as_of))
        .order_by(r.c.audit_date, r.c.recommendation_id)
    )
    return frame(connection, query)


@returns("recommendation_id", "date", "status", "progress", "comment")
def recommendation_history(
    connection: sa.Connection,
    recommendation_ids: Sequence[str],
    *,
    as_of: int | None = None,
) -> pd.DataFrame:
    """The status updates of the given recommendations, oldest first."""
    u = recommendation_updates
    query = (
        sa.select(u.c.recommendation_id, u.c.date, u.c.status, u.c.progress, u.c.comment)
        .where(visible_as_of(u, as_of), u.c.recommendation_id.in_(list(recommendation_ids)))
        .order_by(u.c.recommendation_id, u.c.date)
    )
    return frame(connection, query)


def latest_recommendation_status(connection: sa.Connection, *, as_of: int | None = None) -> dict[str, str]:
    """Each recommendation's status at its latest dated update ('not_started' when it has none)."""
    updates = recommendation_updates
    ranked = (
        sa.select(
            updates.c.recommendation_id,
            updates.c.status,
            sa.func.row_number()
            .over(partition_by=updates.c.recommendation_id, order_by=updates.c.date.desc())
            .label("rank"),
        )
        .where(visible_as_of(updates, as_of))
        .subquery()
    )
    query = (
        sa.select(recommendations.c.recommendation_id, sa.func.coalesce(ranked.c.status, "not_started"))
        .select_from(
            recommendations.outerjoin(
                ranked,
                sa.and_(ranked.c.recommendation_id == recommendations.c.recommendation_id, ranked.c.rank == 1),
            )
        )
        .where(visible_as_of(recommendations, as_of))
    )
    return dict(connection.execute(query).all())
