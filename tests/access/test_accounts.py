"""Accounts in the store: seeded from users.yaml, changed by an administrator, read on every sign-in and
rerun; Argon2 passwords and lock-out; every change in the access log (store tests on both databases)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import sqlalchemy as sa

from access import access_store, accounts
from domain import clock
from domain.configuration import User
from domain.roles import Actor, Forbidden, operator
from store.schema import access_log

ANNA = User(
    email="Anna@malmo.se", name="Anna", role="controller", password_hash=accounts.hash_password("rätt-lösenord-123")
)
BO = User(email="bo@malmo.se", role="viewer", password_hash=accounts.hash_password("ett-annat-123"), disabled=True)
ADMIN = operator("admin (kommandorad)")


def _log(store) -> list[tuple[str, str, str | None]]:
    with store.connect() as c:
        return [tuple(r) for r in c.execute(sa.select(access_log.c.actor, access_log.c.event, access_log.c.target))]


def test_sign_in_with_argon2_and_the_reasons_logged(store):
    accounts.seed(store, (ANNA, BO))
    user, reason = accounts.authenticate(store, " anna@Malmo.se ", "rätt-lösenord-123")
    assert user is not None and user.role_in("standard") == "controller" and reason == ""
    assert accounts.authenticate(store, "anna@malmo.se", "fel")[1] == "fel lösenord"
    assert accounts.authenticate(store, "okand@malmo.se", "x")[1] == "okänd användare"
    assert accounts.authenticate(store, "bo@malmo.se", "ett-annat-123")[1] == "kontot är avstängt"


def test_lockout_after_five_failures_in_a_row(sqlite_store):
    accounts.seed(sqlite_store, (ANNA,))
    for _ in range(access_store.LOCKOUT_FAILURES):
        assert accounts.authenticate(sqlite_store, "anna@malmo.se", "fel")[0] is None
    user, reason = accounts.authenticate(sqlite_store, "anna@malmo.se", "rätt-lösenord-123")
    assert user is None and reason.startswith("låst till ")
    later = clock.now() + dt.timedelta(minutes=access_store.LOCKOUT_MINUTES + 1)
    assert access_store.locked_until(sqlite_store, "anna@malmo.se", at=later) is None


def test_users_yaml_is_applied_when_it_changes_and_only_then(store):
    assert accounts.seed(store, (ANNA, BO)) is True
    assert accounts.seed(store, (ANNA, BO)) is False  # the same file again: nothing to do
    accounts.save(store, ADMIN, "bo@malmo.se", disabled=False)  # an administrator's change stands ...
    assert accounts.seed(store, (ANNA, BO)) is False
    assert not accounts.find(store, "bo@malmo.se").disabled
    accounts.seed(store, (ANNA.model_copy(update={"role": "auditor"}),))  # ... until the file changes
    assert accounts.find(store, "anna@malmo.se").role_in("standard") == "auditor"
    assert accounts.find(store, "bo@malmo.se").disabled is False  # last set by an administrator: kept
    accounts.save(store, ADMIN, "cia@malmo.se", create=True, role="viewer")
    accounts.seed(store, ())  # a file that no longer lists anyone
    assert accounts.find(store, "anna@malmo.se").disabled  # added by the file, now gone from it: disabled
    assert not accounts.find(store, "cia@malmo.se").disabled
    events = [(actor, event) for actor, event, _ in _log(store)]
    assert ("users.yaml", "account_added") in events and ("users.yaml", "account_changed") in events


def test_only_an_administrator_changes_accounts_and_every_change_is_logged(store):
    controller = Actor(id="anna@malmo.se", name="Anna", role="controller", kind="local")
    with pytest.raises(Forbidden):
        accounts.save(store, controller, "x@malmo.se", create=True, role="admin")
    accounts.save(store, ADMIN, "rut@ey.se", create=True, name="Rut", role="auditor")
    accounts.save(store, ADMIN, "rut@ey.se", role="viewer")
    accounts.save(store, ADMIN, "rut@ey.se", disabled=True)
    accounts.remove(store, ADMIN, "rut@ey.se")
    assert accounts.find(store, "rut@ey.se") is None
    assert [(e, t) for _, e, t in _log(store)] == [
        ("account_added", "rut@ey.se"),
        ("account_changed", "rut@ey.se"),
        ("account_changed", "rut@ey.se"),
        ("account_removed", "rut@ey.se"),
    ]
    accounts.seed(store, (ANNA,))
    with pytest.raises(accounts.AccountError, match="finns redan"):
        accounts.save(store, ADMIN, "anna@MALMO.se", create=True, role="viewer")


def test_a_new_password_works_at_once_and_the_old_one_stops(sqlite_store):
    accounts.seed(sqlite_store, (ANNA,))
    before = accounts.find(sqlite_store, "anna@malmo.se").credential
    accounts.save(sqlite_store, ADMIN, "anna@malmo.se", password_hash=accounts.hash_password("nytt-lösenord-456"))
    assert accounts.authenticate(sqlite_store, "anna@malmo.se", "rätt-lösenord-123")[1] == "fel lösenord"
    assert accounts.authenticate(sqlite_store, "anna@malmo.se", "nytt-lösenord-456")[0] is not None
    assert accounts.find(sqlite_store, "anna@malmo.se").credential != before


def test_the_command_line_adds_changes_disables_and_removes(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DASHBOARD_DB_URL", f"sqlite:///{tmp_path / 'store.db'}")
    monkeypatch.setattr("sys.stdin", io.StringIO("ett-långt-lösenord\n"))
    assert accounts.main(["add", "rut@ey.se", "--name", "Rut", "--role", "auditor", "--password-stdin"]) == 0
    from store.engine import open_store

    engine = open_store()
    user = accounts.find(engine, "rut@ey.se")
    assert user.role_in("standard") == "auditor" and accounts.password_matches(user.password_hash, "ett-långt-lösenord")
    assert accounts.main(["disable", "rut@ey.se"]) == 0 and accounts.find(engine, "rut@ey.se").disabled
    assert accounts.main(["role", "rut@ey.se", "viewer"]) == 0
    assert accounts.find(engine, "rut@ey.se").role_in("standard") == "viewer"
    assert accounts.main(["add", "rut@ey.se", "--role", "viewer", "--no-password"]) == 1
    assert "finns redan" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("kort\n"))
    with pytest.raises(SystemExit, match="minst 12 tecken"):
        accounts.main(["passwd", "rut@ey.se", "--password-stdin"])
    assert accounts.main(["remove", "rut@ey.se"]) == 0 and accounts.find(engine, "rut@ey.se") is None
    assert accounts.main(["list"]) == 0
    events = [event for _, event, _ in _log(engine)]
    assert events == ["account_added", "account_changed", "account_changed", "account_removed"]
