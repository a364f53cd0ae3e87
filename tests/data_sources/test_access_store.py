"""Links, lock-out, Argon2 accounts and the append-only log (store tests on both databases)."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
import sqlalchemy as sa
import yaml

from data_sources import access_store, accounts
from data_sources.schema import access_log
from domain import clock
from domain.configuration import load_config
from queries.access_log import access_log_rows
from tests.conftest import ROOT


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
    access_store.log_event(store, "anna@malmo.se", "controller", "import", "import 7")
    for statement in (access_log.update().values(actor="någon annan"), access_log.delete()):
        with pytest.raises(sa.exc.DBAPIError), store.begin() as c:
            c.execute(statement)
    with store.connect() as c:
        assert access_log_rows(c)["actor"].tolist() == ["anna@malmo.se"]


@pytest.fixture
def users_config(tmp_path):
    folder = tmp_path / "config"
    shutil.copytree(ROOT / "config", folder)
    users = [
        {
            "email": "anna@malmo.se",
            "name": "Anna",
            "role": "controller",
            "password_hash": accounts.hash_password("rätt-lösenord-123"),
        },
        {
            "email": "bo@malmo.se",
            "role": "viewer",
            "password_hash": accounts.hash_password("ett-annat-123"),
            "disabled": True,
        },
    ]
    (folder / "users.yaml").write_text(yaml.safe_dump({"users": users}, allow_unicode=True), encoding="utf-8")
    return load_config(folder)


def test_sign_in_with_argon2_and_the_reasons_logged(sqlite_store, users_config):
    user, reason = accounts.authenticate(sqlite_store, users_config, " Anna@Malmo.se ", "rätt-lösenord-123")
    assert user.email == "anna@malmo.se" and reason == ""
    assert accounts.authenticate(sqlite_store, users_config, "anna@malmo.se", "fel")[1] == "fel lösenord"
    assert accounts.authenticate(sqlite_store, users_config, "okand@malmo.se", "x")[1] == "okänd användare"
    assert accounts.authenticate(sqlite_store, users_config, "bo@malmo.se", "ett-annat-123")[1] == "kontot är avstängt"


def test_lockout_after_five_failures_in_a_row(sqlite_store, users_config):
    for _ in range(access_store.LOCKOUT_FAILURES):
        assert accounts.authenticate(sqlite_store, users_config, "anna@malmo.se", "fel")[0] is None
    user, reason = accounts.authenticate(sqlite_store, users_config, "anna@malmo.se", "rätt-lösenord-123")
    assert user is None and reason.startswith("låst till ")
    later = clock.now() + dt.timedelta(minutes=access_store.LOCKOUT_MINUTES + 1)
    assert access_store.locked_until(sqlite_store, "anna@malmo.se", at=later) is None


def test_accounts_command_line_adds_changes_and_disables(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "config"
    shutil.copytree(ROOT / "config", folder)
    monkeypatch.setenv("DASHBOARD_CONFIG_DIR", str(folder))
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("ett-långt-lösenord\n"))
    assert accounts.main(["add", "rut@ey.se", "--name", "Rut", "--role", "auditor", "--password-stdin"]) == 0
    config = load_config(folder)
    (user,) = config.users
    assert user.role == "auditor" and accounts.password_matches(user.password_hash, "ett-långt-lösenord")
    assert (folder / "users.yaml").read_text(encoding="utf-8").startswith("# Who may use the dashboard")
    assert accounts.main(["disable", "rut@ey.se"]) == 0
    assert load_config(folder).users[0].disabled
    assert accounts.main(["add", "rut@ey.se", "--role", "viewer", "--no-password"]) == 1
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("kort\n"))
    with pytest.raises(SystemExit, match="minst 12 tecken"):
        accounts.main(["passwd", "rut@ey.se", "--password-stdin"])
