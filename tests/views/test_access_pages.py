"""AppTest of access: sign-in, every page typed by hand without the right role, read-only links."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys

import pytest
import sqlalchemy as sa
import yaml
from streamlit.testing.v1 import AppTest

from access import access_store, accounts
from domain.roles import operator
from store.engine import open_store
from tests.conftest import ROOT
from tests.views.conftest import page_text, shown

PASSWORDS = {
    "anna@malmo.se": ("controller", "anna-lösenord-123"),
    "bo@malmo.se": ("viewer", "bo-lösenord-1234"),
    "rut@ey.se": ("auditor", "rut-lösenord-123"),
}


@pytest.fixture
def accounts_env(app_env, monkeypatch):
    folder = app_env / "config"
    shutil.copytree(ROOT / "config", folder)
    users = [{"email": e, "role": r, "password_hash": accounts.hash_password(p)} for e, (r, p) in PASSWORDS.items()]
    (folder / "users.yaml").write_text(yaml.safe_dump({"users": users}), encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_CONFIG_DIR", str(folder))
    return app_env


def _log() -> list[tuple[str, str, str | None, str | None]]:
    with open_store().connect() as c:
        rows = c.execute(sa.text("SELECT actor, event, target, detail FROM access_log ORDER BY id")).all()
    return [tuple(r) for r in rows]


def _signed_in(email: str, password: str | None = None) -> AppTest:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.run()
    assert app.title[0].value == "Logga in"
    app.text_input[0].input(email)
    app.text_input[1].input(password or PASSWORDS[email][1])
    app.button[0].click().run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_sign_in_wrong_then_right(accounts_env):
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.run()
    assert "Lägesbild" not in page_text(app)  # no data before signing in
    app.text_input[0].input("anna@malmo.se")
    app.text_input[1].input("fel-lösenord")
    app.button[0].click().run()
    assert shown(app.error[0].value).startswith("Inloggningen misslyckades")
    app.text_input[1].input(PASSWORDS["anna@malmo.se"][1])
    app.button[0].click().run()
    assert app.title[0].value == "Lägesbild"
    assert ("anna@malmo.se", "login_failed", None, "fel lösenord") in _log()
    assert ("anna@malmo.se", "login", None, "lokalt konto") in _log()


@pytest.mark.parametrize(
    ("email", "script", "allowed"),
    [
        ("bo@malmo.se", "views/import_data.py", False),
        ("bo@malmo.se", "views/explore.py", False),
        ("bo@malmo.se", "views/links.py", False),
        ("bo@malmo.se", "views/access_log.py", False),
        ("bo@malmo.se", "views/incidents.py", True),
        ("rut@ey.se", "views/access_log.py", True),
        ("rut@ey.se", "views/import_data.py", False),
        ("anna@malmo.se", "views/import_data.py", True),
        ("anna@malmo.se", "views/access_log.py", False),
    ],
)
def test_a_page_typed_by_hand_without_the_role_is_denied_and_logged(accounts_env, email, script, allowed):
    app = _signed_in(email)
    app.switch_page(script).run()
    denied = any(e.value == "Du saknar behörighet till den här sidan." for e in app.error)
    assert denied is not allowed
    if not allowed:
        assert not app.table and len(app.title) == 0  # no data drawn
        path = (
            "/"
            + {
                "views/import_data.py": "import",
                "views/explore.py": "utforska",
                "views/links.py": "lankar",
                "views/access_log.py": "logg",
            }[script]
        )
        assert (email, "denied", path, None) in _log()


def test_a_viewer_sees_the_data_overview_without_the_import_history(accounts_env):
    app = _signed_in("bo@malmo.se")
    app.switch_page("views/data_overview.py").run()
    assert "Datamängder" in page_text(app) and "Importhistorik" not in page_text(app)


def _link(days: int = 30, views: tuple[str, ...] = ()) -> tuple[str, int]:
    token, link = access_store.create_link(open_store(), "Revisor Rut", "anna@malmo.se", days, views)
    return token, link.id


def _open_link(token: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.query_params["link"] = token
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_a_link_gives_the_board_views_only_and_leaves_the_address_bar(accounts_env):
    open_store()  # migrated, so the link can be stored before the app first runs
    token, link_id = _link()
    app = _open_link(token)
    assert app.title[0].value == "Lägesbild"
    assert "link" not in app.query_params
    assert "Granskningslänk till Revisor Rut" in page_text(app) or any(
        "Granskningslänk till Revisor Rut" in shown(m.value) for m in app.sidebar.markdown
    )
    app.switch_page("views/import_data.py").run()
    assert shown(app.error[0].value) == "Du saknar behörighet till den här sidan."
    events = [(a, e) for a, e, _, _ in _log()]
    assert (f"länk {link_id}", "link_used") in events and (f"länk {link_id}", "denied") in events
    assert all(token not in str(row) for row in _log())  # tokens never reach the log


@pytest.mark.parametrize("kind", ["expired", "tampered", "unknown"])
def test_expired_tampered_and_unknown_links_get_the_same_message_and_no_data(accounts_env, kind):
    engine = open_store()
    token, _ = _link()
    if kind == "expired":
        with engine.begin() as c:
            c.execute(
                sa.text("UPDATE read_only_links SET expires_at = :t"),
                {"t": access_store.now() - dt.timedelta(minutes=1)},
            )
    elif kind == "tampered":
        token = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
    else:
        token = "inte-en-token"
    app = _open_link(token)
    assert any(e.value.startswith("Länken fungerar inte.") for e in app.error)
    assert app.title[0].value == "Logga in"  # no data: back at the sign-in
    reasons = [d for _, e, _, d in _log() if e == "link_refused"]
    assert reasons == [
        {"expired": "utgången", "tampered": "okänd eller ändrad token", "unknown": "okänd eller ändrad token"}[kind]
    ]


def test_open_mode_refuses_an_address_other_than_loopback(app_env):
    from streamlit import config as streamlit_config

    streamlit_config.set_option("server.address", "0.0.0.0")
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.run()
    assert shown(app.error[0].value).startswith("Appen startar inte i öppet läge")
    assert not app.title


def test_open_mode_shows_its_banner(open_view):
    app = open_view("views/situation.py")
    assert any("Öppet läge" in w.value for w in app.sidebar.warning)


@pytest.mark.parametrize("change", ["disabled", "removed", "new password", "new role"])
def test_withdrawing_access_takes_effect_on_the_next_click(accounts_env, change):
    app = _signed_in("anna@malmo.se")
    app.switch_page("views/import_data.py").run()
    assert app.title[0].value == "Importera data"
    admin, engine = operator("admin (kommandorad)"), open_store()
    if change == "disabled":
        accounts.save(engine, admin, "anna@malmo.se", disabled=True)
    elif change == "removed":
        accounts.remove(engine, admin, "anna@malmo.se")
    elif change == "new password":
        accounts.save(engine, admin, "anna@malmo.se", password_hash=accounts.hash_password("ett-nytt-lösenord"))
    else:
        accounts.save(engine, admin, "anna@malmo.se", role="viewer")
    app.run()  # the next click
    if change == "new role":
        assert shown(app.error[0].value) == "Du saknar behörighet till den här sidan."
    else:
        assert app.title[0].value == "Logga in" and not app.table
    assert ("admin (kommandorad)", "account_removed" if change == "removed" else "account_changed") in [
        (a, e) for a, e, _, _ in _log()
    ]


def test_an_edit_of_users_yaml_is_enforced_on_the_next_click(accounts_env):
    app = _signed_in("bo@malmo.se")
    path = accounts_env / "config" / "users.yaml"
    users = yaml.safe_load(path.read_text(encoding="utf-8"))["users"]
    next(u for u in users if u["email"] == "bo@malmo.se")["disabled"] = True
    path.write_text(yaml.safe_dump({"users": users}), encoding="utf-8")
    app.run()
    assert app.title[0].value == "Logga in"
    assert ("users.yaml", "account_changed", "bo@malmo.se", "avstängt") in _log()
    next(u for u in users if u["email"] == "bo@malmo.se")["disabled"] = False  # and back, as the file was
    path.write_text(yaml.safe_dump({"users": users}), encoding="utf-8")
    assert _signed_in("bo@malmo.se").title[0].value == "Lägesbild"


def test_accounts_added_and_passwords_changed_on_the_command_line_work_without_a_restart(accounts_env):
    _signed_in("anna@malmo.se")  # the app is running
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    for args, secret in (
        (["add", "cia@malmo.se", "--role", "viewer", "--password-stdin"], "cias-lösenord-123"),
        (["passwd", "rut@ey.se", "--password-stdin"], "ruts-nya-lösenord"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "data_sources", "accounts", *args],
            input=secret + "\n",
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
    assert _signed_in("cia@malmo.se", "cias-lösenord-123").title[0].value == "Lägesbild"
    old = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    old.run()
    old.text_input[0].input("rut@ey.se")
    old.text_input[1].input(PASSWORDS["rut@ey.se"][1])
    old.button[0].click().run()
    assert old.error[0].value.startswith("Inloggningen misslyckades")
    assert _signed_in("rut@ey.se", "ruts-nya-lösenord").title[0].value == "Lägesbild"


def test_a_link_limited_to_some_views_opens_on_the_first_of_them(accounts_env):
    open_store()
    token, _ = _link(views=("incidenter", "status"))
    app = _open_link(token)
    assert app.title[0].value == "Status"  # the first of its views in meeting order, not Lägesbild
    assert not any("saknar behörighet" in e.value for e in app.error)


def test_an_invalid_link_never_ends_the_session_of_someone_signed_in(accounts_env):
    app = _signed_in("anna@malmo.se")
    app.query_params["link"] = "inte-en-token"
    app.run()
    assert any(e.value.startswith("Länken fungerar inte.") for e in app.error)
    assert app.title[0].value == "Lägesbild"  # still Anna
    assert any("anna@malmo.se" in shown(m.value) for m in app.sidebar.markdown)


def test_a_session_unused_past_the_idle_limit_ends_with_a_message_and_is_logged(accounts_env, monkeypatch):

    app = _signed_in("anna@malmo.se")
    assert app.title[0].value == "Lägesbild"
    later = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(hours=8, minutes=1)
    monkeypatch.setattr("ui.sign_in.now", lambda: later)
    app.run()  # the next click, eight hours on
    assert app.title[0].value == "Logga in" and not app.table
    assert shown(app.info[0].value) == "Du loggades ut efter 8 timmar utan aktivitet. Logga in igen."
    assert ("anna@malmo.se", "logout", None, "inaktiv i 8 timmar") in _log()
    with open_store().connect() as c:
        assert c.execute(sa.text("SELECT ended_reason FROM sign_in_sessions")).scalar_one() == "inaktiv"


def test_in_open_mode_a_broken_link_opens_nothing(app_env):
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    app.query_params["link"] = "x" * 43
    app.run()
    assert shown(app.error[0].value).startswith("Länken fungerar inte")
    assert not app.title and "Lägesbild" not in page_text(app)
