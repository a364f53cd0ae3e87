"""Sign-in sessions: a ticket is traded once for a token, only hashes are stored, a session ends for good
and idles out; the cookie's signature holds (store tests on both databases)."""

from __future__ import annotations

import datetime as dt

import pytest

from access import sign_in_sessions as sessions


def test_a_ticket_is_traded_once_for_a_token_and_only_hashes_are_stored(store):
    session_id, ticket = sessions.begin(store, "local", "anna@malmo.se", "abc")
    token = sessions.redeem(store, ticket)
    assert token is not None and sessions.redeem(store, ticket) is None  # once
    with store.connect() as c:
        row = c.exec_driver_sql("SELECT token_sha256, ticket_sha256 FROM sign_in_sessions").one()
    assert token not in row.token_sha256 and row.ticket_sha256 is None
    found = sessions.find(store, token)
    assert found is not None and (found.id, found.email, found.credential) == (session_id, "anna@malmo.se", "abc")
    assert sessions.find(store, token[:-1] + ("A" if token[-1] != "A" else "B")) is None


def test_an_old_ticket_or_an_ended_session_gives_no_token(store, monkeypatch):
    _, old = sessions.begin(store, "local", "anna@malmo.se", "abc")
    later = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(seconds=sessions.TICKET_SECONDS + 5)
    monkeypatch.setattr(sessions, "now", lambda: later)
    assert sessions.redeem(store, old) is None
    session_id, ticket = sessions.begin(store, "link", link_id=7)
    sessions.end(store, session_id, "utloggad")
    assert sessions.redeem(store, ticket) is None
    assert sessions.by_id(store, session_id).ended_at is not None


def test_a_session_idles_out_after_the_configured_hours_and_a_use_keeps_it(store, monkeypatch):
    session_id, _ = sessions.begin(store, "local", "anna@malmo.se", "abc")
    start = sessions.by_id(store, session_id).last_seen_at
    assert not sessions.by_id(store, session_id).idle(start + dt.timedelta(hours=7, minutes=59), 8)
    assert sessions.by_id(store, session_id).idle(start + dt.timedelta(hours=8, minutes=1), 8)
    monkeypatch.setattr(sessions, "now", lambda: start + dt.timedelta(hours=7))
    sessions.touch(store, sessions.by_id(store, session_id))
    assert not sessions.by_id(store, session_id).idle(start + dt.timedelta(hours=14), 8)


@pytest.mark.parametrize("altered", ["", "abc", "token.", ".mac", "token.0000", "other.{mac}"])
def test_a_cookie_not_signed_with_the_key_is_no_token(altered):
    signed = sessions.sign("token", "key")
    assert sessions.unsign(signed, "key") == "token"
    assert sessions.unsign(signed, "another key") is None
    assert sessions.unsign(altered.format(mac=signed.partition(".")[2]), "key") is None
