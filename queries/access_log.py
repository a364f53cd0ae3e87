"""The access log, newest first. It is not part of the batches: every read shows it as it stands."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from queries.common import frame, returns
from store.schema import access_log
from store.scope import of_organisation


@returns("at", "actor", "role", "event", "target", "detail")
def access_log_rows(connection: sa.Connection, limit: int = 1000) -> pd.DataFrame:
    log = access_log.c
    query = (
        sa.select(log.at, log.actor, log.role, log.event, log.target, log.detail)
        .where(of_organisation(access_log))
        .order_by(log.id.desc())
    )
    return frame(connection, query.limit(limit))
