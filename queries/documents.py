"""The register of governing documents as of a batch."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import sqlalchemy as sa

from domain.datasets.documents import DATASET
from queries.common import for_units, frame, returns
from store.schema import table_of, visible_as_of

documents = table_of(DATASET)


@returns(
    "document_id",
    "title",
    "type",
    "owner_unit",
    "decided_by",
    "decided_date",
    "revision_owner",
    "next_revision",
    "status",
)
def register(connection: sa.Connection, units: Sequence[str], *, as_of: int | None = None) -> pd.DataFrame:
    """document_id, title, type, owner_unit, decided_by, decided_date, revision_owner, next_revision,
    status: the documents the units own, by next revision (the most overdue first)."""
    d = documents.c
    query = (
        sa.select(
            d.document_id,
            d.title,
            d.type,
            d.owner_unit,
            d.decided_by,
            d.decided_date,
            d.revision_owner,
            d.next_revision,
            d.status,
        )
        .where(visible_as_of(documents, as_of), *for_units(d.owner_unit, units))
        .order_by(d.next_revision.is_(None), d.next_revision, d.title)
    )
    return frame(connection, query)
