"""Read-only links (only their tokens' SHA-256 is stored) and login attempts for the lock-out; the access
log they write is kept by the store (store/access_log.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from dataclasses import dataclass

import sqlalchemy as sa

from domain.clock import now
from domain.configuration import DEFAULT_ORGANISATION
from store.schema import inserted_id, login_attempts, read_only_links
from store.scope import EVERY_ORGANISATION, of_organisation, scoped

MAX_LINK_DAYS = 365
LOCKOUT_FAILURES = 5
LOCKOUT_MINUTES = 15


def aware(moment: dt.datetime) -> dt.datetime:
    """A time read from the store as UTC (SQLite gives it back without its zone)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


# --- read-only links -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    id: int
    recipient: str
    created_by: str
    created_at: dt.datetime
    expires_at: dt.datetime
    views: tuple[str, ...]
    revoked_at: dt.datetime | None
    meeting_id: int | None = None
    organisation: str = DEFAULT_ORGANISATION  # the only organisation whose data the link opens

    def state(self, at: dt.datetime) -> str:
        if self.revoked_at is not None:
            return "revoked"
        return "expired" if aware(self.expires_at) <= at else "valid"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_link(
    engine: sa.Engine,
    recipient: str,
    created_by: str,
    days: int = 30,
    views: tuple[str, ...] = (),
    meeting_id: int | None = None,
) -> tuple[str, Link]:
    """A new link; the token is returned once and never stored, only its SHA-256."""
    if not 1 <= days <= MAX_LINK_DAYS:
        raise ValueError(f"giltighetstiden ska vara 1–{MAX_LINK_DAYS} dagar")
    token = secrets.token_urlsafe(32)
    created = now()
    with engine.begin() as connection:
        link_id = inserted_id(
            connection.execute(
                read_only_links.insert().values(
                    token_sha256=token_hash(token),
                    recipient=recipient,
                    created_by=created_by,
                    created_at=created,
                    expires_at=created + dt.timedelta(days=days),
                    views=json.dumps(list(views)),
                    meeting_id=meeting_id,
                )
            )
        )
    return token, link_by_id(engine, link_id)  # type: ignore[return-value]


def _link(row: sa.Row) -> Link:
    return Link(
        row.id,
        row.recipient,
        row.created_by,
        aware(row.created_at),
        aware(row.expires_at),
        tuple(json.loads(row.views)),
        None if row.revoked_at is None else aware(row.revoked_at),
        row.meeting_id,
        row.organisation,
    )


def link_by_id(engine: sa.Engine, link_id: int) -> Link | None:
    """A link of any organisation by its id (a link's session checks its link on every click, before the
    run knows its organisation: the link says which)."""
    with scoped(EVERY_ORGANISATION), engine.connect() as connection:
        row = connection.execute(sa.select(read_only_links).where(read_only_links.c.id == link_id)).first()
    return None if row is None else _link(row)


def link_by_token(engine: sa.Engine, token: str) -> Link | None:
    """A link of any organisation by its token: the link, not the address, decides the organisation."""
    with scoped(EVERY_ORGANISATION), engine.connect() as connection:
        row = connection.execute(
            sa.select(read_only_links).where(read_only_links.c.token_sha256 == token_hash(token))
        ).first()
    return None if row is None else _link(row)


def all_links(engine: sa.Engine) -> list[Link]:
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(read_only_links).where(of_organisation(read_only_links)).order_by(read_only_links.c.id.desc())
        ).all()
    return [_link(r) for r in rows]


def revoke_link(engine: sa.Engine, link_id: int, by: str) -> None:
    with engine.begin() as connection:
        connection.execute(
            read_only_links.update()
            .where(
                read_only_links.c.id == link_id,
                of_organisation(read_only_links),
                read_only_links.c.revoked_at.is_(None),
            )
            .values(revoked_at=now(), revoked_by=by)
        )


# --- login attempts ------------------------------------------------------------------------------


def record_attempt(engine: sa.Engine, username: str, succeeded: bool) -> None:
    with engine.begin() as connection:
        connection.execute(login_attempts.insert().values(username=username.casefold(), at=now(), succeeded=succeeded))


def locked_until(engine: sa.Engine, username: str, at: dt.datetime | None = None) -> dt.datetime | None:
    """When a user's lock-out ends: after LOCKOUT_FAILURES failures in a row within LOCKOUT_MINUTES."""
    at = at or now()
    since = at - dt.timedelta(minutes=LOCKOUT_MINUTES)
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(login_attempts.c.at, login_attempts.c.succeeded)
            .where(login_attempts.c.username == username.casefold(), login_attempts.c.at >= since)
            .order_by(login_attempts.c.id.desc())
            .limit(LOCKOUT_FAILURES)
        ).all()
    if len(rows) < LOCKOUT_FAILURES or any(r.succeeded for r in rows):
        return None
    return aware(rows[0].at) + dt.timedelta(minutes=LOCKOUT_MINUTES)
