"""The append-only access log: written in the transaction of the change it records (an import, an undo, a
meeting record, an account change), or on its own (sign-ins, refusals, views, downloads)."""

from __future__ import annotations

import sqlalchemy as sa

from domain.clock import now
from store.schema import access_log


def write_event(
    connection: sa.Connection,
    actor: str,
    role: str | None,
    event: str,
    target: str | None = None,
    detail: str | None = None,
    organisation: str | None = None,
) -> None:
    """One access-log row, in the caller's transaction (an import and its entry commit together); in the
    log of the current organisation, or of `organisation` (an account's change, made by the installation)."""
    connection.execute(
        access_log.insert().values(
            **({"organisation": organisation} if organisation else {}),
            at=now(),
            actor=actor[:300],
            role=role,
            event=event,
            target=None if target is None else target[:300],
            detail=detail,
        )
    )


def log_event(
    engine: sa.Engine, actor: str, role: str | None, event: str, target: str | None = None, detail: str | None = None
) -> None:
    """An access-log row of its own (sign-ins, refusals, views, downloads)."""
    with engine.begin() as connection:
        write_event(connection, actor, role, event, target, detail)
