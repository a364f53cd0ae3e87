"""The routes that set and clear the sign-in cookie: HttpOnly, SameSite=Strict, signed, and only for a
ticket the store issued."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from access import sign_in_sessions as sessions
from ui import server


@pytest.fixture
def client(sqlite_store, monkeypatch):
    monkeypatch.setattr(server, "current_store", lambda: ("sqlite://", sqlite_store))
    return TestClient(Starlette(routes=server.routes(), middleware=server.middleware()))


def test_a_ticket_sets_a_signed_http_only_strict_cookie_once(client, sqlite_store):
    session_id, ticket = sessions.begin(sqlite_store, "local", "anna@malmo.se", "abc")
    response = client.post(sessions.BEGIN_PATH, data={"ticket": ticket})
    assert response.status_code == 204
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{sessions.COOKIE}=") and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "Path=/" in cookie and "Secure" not in cookie  # plain http on this machine
    value = cookie.split(";")[0].split("=", 1)[1].strip('"')
    token = sessions.unsign(value, str(server.config.get_option("server.cookieSecret")))
    assert token is not None and sessions.find(sqlite_store, token).id == session_id
    again = client.post(sessions.BEGIN_PATH, data={"ticket": ticket})
    assert again.status_code == 403 and "set-cookie" not in again.headers


def test_behind_https_the_cookie_is_secure(client, sqlite_store):
    _, ticket = sessions.begin(sqlite_store, "local", "anna@malmo.se", "abc")
    response = client.post(sessions.BEGIN_PATH, data={"ticket": ticket}, headers={"X-Forwarded-Proto": "https"})
    assert "Secure" in response.headers["set-cookie"]


@pytest.mark.parametrize("body", [{}, {"ticket": ""}, {"ticket": "gissad"}])
def test_without_a_real_ticket_no_cookie_is_set(client, body):
    response = client.post(sessions.BEGIN_PATH, data=body)
    assert response.status_code == 403 and "set-cookie" not in response.headers


def test_a_ticket_is_not_taken_from_a_link_someone_follows(client, sqlite_store):
    _, ticket = sessions.begin(sqlite_store, "local", "anna@malmo.se", "abc")
    assert client.get(f"{sessions.BEGIN_PATH}?ticket={ticket}").status_code == 405


def test_signing_out_clears_the_cookie(client):
    response = client.post(sessions.END_PATH)
    assert response.status_code == 204
    assert f'{sessions.COOKIE}=""' in response.headers["set-cookie"] and "Max-Age=0" in response.headers["set-cookie"]
