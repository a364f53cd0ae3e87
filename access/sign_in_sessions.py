"""Sign-in sessions kept in the store: what lets a reload keep a browser signed in.

A successful sign-in (an account, or a read-only link exchanged) begins a session and hands the page a
one-time ticket; the browser trades the ticket at `/session/begin` (ui/server.py) for an HttpOnly,
SameSite=Strict cookie holding the session's token, signed with the server's cookie secret. Only SHA-256
hashes of ticket and token are stored. Every rerun resolves the session again, so ending it (signing
out, idling past the limit) takes effect at the next click in every app process; what ends an account's
access (disabled, removed, a new password) is still checked on the account itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

import sqlalchemy as sa

from access.access_store import aware
from access.access_store import token_hash as _sha
from domain.clock import now
from store.schema import inserted_id, sign_in_sessions

COOKIE = "itsak_session"
BEGIN_PATH = "/session/begin"  # served by ui/server.py
END_PATH = "/session/end"
TICKET_SECONDS = 120  # the page fetches its cookie right after sign-in
TOUCH_SECONDS = 60  # last_seen_at is written at most this often


@dataclass(frozen=True)
class Session:
    id: int
    kind: str  # 'local' or 'link'
    email: str | None
    credential: str | None
    link_id: int | None
    last_seen_at: dt.datetime
    ended_at: dt.datetime | None

    def idle(self, at: dt.datetime, idle_hours: float) -> bool:
        return at - self.last_seen_at > dt.timedelta(hours=idle_hours)


def begin(
    engine: sa.Engine, kind: str, email: str | None = None, credential: str | None = None, link_id: int | None = None
) -> tuple[int, str]:
    """A new session and the one-time ticket the browser trades for its cookie."""
    ticket = secrets.token_urlsafe(32)
    at = now()
    with engine.begin() as connection:
        session_id = inserted_id(
            connection.execute(
                sign_in_sessions.insert().values(
                    token_sha256=_sha(secrets.token_urlsafe(32)),  # replaced when the ticket is traded
                    ticket_sha256=_sha(ticket),
                    kind=kind,
                    email=email,
                    credential=credential,
                    link_id=link_id,
                    created_at=at,
                    last_seen_at=at,
                )
            )
        )
    return session_id, ticket


def redeem(engine: sa.Engine, ticket: str) -> str | None:
    """The session token for a ticket of the last TICKET_SECONDS, once; None for any other ticket."""
    token = secrets.token_urlsafe(32)
    oldest = now() - dt.timedelta(seconds=TICKET_SECONDS)
    with engine.begin() as connection:
        traded = connection.execute(
            sign_in_sessions.update()
            .where(
                sign_in_sessions.c.ticket_sha256 == _sha(ticket),
                sign_in_sessions.c.created_at >= oldest,
                sign_in_sessions.c.ended_at.is_(None),
            )
            .values(ticket_sha256=None, token_sha256=_sha(token))
        ).rowcount
    return token if traded == 1 else None


def find(engine: sa.Engine, token: str) -> Session | None:
    with engine.connect() as connection:
        row = connection.execute(
            sa.select(sign_in_sessions).where(sign_in_sessions.c.token_sha256 == _sha(token))
        ).first()
    return None if row is None else _session(row)


def by_id(engine: sa.Engine, session_id: int) -> Session | None:
    with engine.connect() as connection:
        row = connection.execute(sa.select(sign_in_sessions).where(sign_in_sessions.c.id == session_id)).first()
    return None if row is None else _session(row)


def _session(row: sa.Row) -> Session:
    return Session(
        row.id,
        row.kind,
        row.email,
        row.credential,
        row.link_id,
        aware(row.last_seen_at),
        None if row.ended_at is None else aware(row.ended_at),
    )


def touch(engine: sa.Engine, session: Session) -> None:
    """Mark the session used now (at most once a TOUCH_SECONDS: a click is not a write)."""
    at = now()
    if at - session.last_seen_at < dt.timedelta(seconds=TOUCH_SECONDS):
        return
    with engine.begin() as connection:
        connection.execute(sign_in_sessions.update().where(sign_in_sessions.c.id == session.id).values(last_seen_at=at))


def end(engine: sa.Engine, session_id: int, reason: str) -> None:
    with engine.begin() as connection:
        connection.execute(
            sign_in_sessions.update()
            .where(sign_in_sessions.c.id == session_id, sign_in_sessions.c.ended_at.is_(None))
            .values(ended_at=now(), ended_reason=reason, ticket_sha256=None)
        )


def sign(token: str, key: str) -> str:
    """The cookie's value: the token and its HMAC under the server's secret."""
    mac = hmac.new(key.encode(), token.encode(), hashlib.sha256).hexdigest()
    return f"{token}.{mac}"


def unsign(value: str, key: str) -> str | None:
    """The token of a cookie value signed with `key`; None for anything altered or unsigned."""
    token, _, _ = value.rpartition(".")
    if not token or not hmac.compare_digest(sign(token, key), value):
        return None
    return token
