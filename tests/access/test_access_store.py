"""Links, lock-out, Argon2 accounts and the append-only log (store tests on both databases)."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from access import access_store
from domain import clock
from queries.access_log import access_log_rows
from store import access_log as access_log_writer
from store.schema import access_log


def test_link_tokens_are_random_stored_hashed_and_checked(store):
    token, link = access_store.create_link(store, "Revisor Rut, EY", "anna@malmo.se", days=30, views=("status",))
    assert len(token) == 43 and link.views == ("status",)
    with store.connect() as c:
        stored = c.exec_driver_sql("SELECT token_sha256 FROM read_only_links").scalar_one()
    assert stored == access_store.token_hash(token) and token not in stored
    assert access_store.link_by_token(store, token).id == link.id
    assert access_store.link_by_token(store, token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    now = clock.now()
    assert link.state(now) == "valid" and link.state(now + dt.timedelta(days=31)) == "expired"
    access_store.revoke_link(store, link.id, "anna@malmo.se")
    assert access_store.link_by_id(store, link.id).state(now) == "revoked"
    with pytest.raises(ValueError, match="1–365"):
        access_store.create_link(store, "x", "y", days=366)


def test_the_access_log_cannot_be_changed_or_deleted(store):
    access_log_writer.log_event(store, "anna@malmo.se", "controller", "import", "import 7")
    for statement in (access_log.update().values(actor="någon annan"), access_log.delete()):
        with pytest.raises(sa.exc.DBAPIError), store.begin() as c:
            c.execute(statement)
    with store.connect() as c:
        assert access_log_rows(c)["actor"].tolist() == ["anna@malmo.se"]
