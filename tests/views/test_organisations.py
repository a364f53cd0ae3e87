"""AppTest of several organisations in one installation: each visitor sees the organisations they have a
role in, picks one in the sidebar when they have several, and an address naming another organisation
shows "Du saknar behörighet", reads nothing and is logged where that organisation's auditors see it."""

from __future__ import annotations

import shutil

import pytest
import sqlalchemy as sa
import yaml
from streamlit.testing.v1 import AppTest

from access import access_store, accounts
from domain.roles import VIEWS
from store.engine import open_store
from store.scope import scoped
from tests.conftest import ROOT
from tests.views.conftest import page_text

PASSWORD = "ett-långt-lösenord"
USERS = [
    {"email": "anna@malmo.se", "role": "controller"},  # `role` alone: the first organisation's
    {"email": "lena@burlov.se", "roles": {"burlov": "controller"}},
    {"email": "rut@ey.se", "roles": {"standard": "auditor", "burlov": "auditor"}},
]
BURLOV_ONLY = "Rutin för incidentrapportering saknas"  # a comment in Burlöv's example status


@pytest.fixture
def organisations_env(app_env, monkeypatch):
    folder = app_env / "config"
    shutil.copytree(ROOT / "config" / "exempel-flera-organisationer", folder)  # the links' files copied
    hashed = accounts.hash_password(PASSWORD)
    users = [{**u, "password_hash": hashed} for u in USERS]
    (folder / "users.yaml").write_text(yaml.safe_dump({"users": users}), encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_CONFIG_DIR", str(folder))
    return app_env


def _signed_in(email: str, **params: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    app.text_input[0].input(email)
    app.text_input[1].input(PASSWORD)
    app.button[0].click().run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def _log(organisation: str) -> list[tuple[str, str, str | None]]:
    with scoped(organisation), open_store().connect() as c:
        rows = c.execute(sa.text(f"SELECT actor, event, target FROM access_log WHERE organisation = '{organisation}'"))
        return [tuple(r) for r in rows]


def _status_text(app: AppTest) -> str:
    app.switch_page("views/status.py").run()
    assert not app.exception, [e.value for e in app.exception]
    return page_text(app)


def test_an_account_of_one_organisation_sees_only_it_and_is_refused_the_other_by_address(organisations_env):
    app = _signed_in("lena@burlov.se")
    assert app.title[0].value == "Lägesbild" and not [s for s in app.selectbox if s.label == "Organisation"]
    assert BURLOV_ONLY in _status_text(app)
    assert "Servicenämnden" not in page_text(app)  # Malmö's units are not Burlöv's

    app.query_params["org"] = "standard"
    app.run()
    assert [e.value for e in app.error] == ["Du saknar behörighet till organisationen standard."]
    assert not app.title and not app.table and not app.markdown  # nothing of Malmö's, nothing at all
    assert ("lena@burlov.se", "denied", "org standard") in _log("standard")  # where Malmö's auditors look

    refused = _signed_in("anna@malmo.se", org="burlov")  # an address sent on to someone else
    assert [e.value for e in refused.error] == ["Du saknar behörighet till organisationen burlov."]
    assert ("anna@malmo.se", "denied", "org burlov") in _log("burlov")


def test_an_account_of_two_organisations_picks_one_and_the_address_keeps_it(organisations_env):
    app = _signed_in("rut@ey.se")
    chooser = next(s for s in app.selectbox if s.label == "Organisation")
    assert chooser.options == ["Malmö stad", "Burlövs kommun"] and chooser.value == "standard"
    assert BURLOV_ONLY not in _status_text(app)
    next(s for s in app.selectbox if s.label == "Organisation").set_value("burlov").run()
    assert app.query_params["org"] == "burlov"
    assert BURLOV_ONLY in _status_text(app)
    lena = _signed_in("lena@burlov.se")  # signs in to Burlöv: her sign-in is in Burlöv's log
    lena.run()
    app.switch_page("views/access_log.py").run()  # an auditor of both, reading Burlöv's log
    assert "lena@burlov.se" in page_text(app)
    next(s for s in app.selectbox if s.label == "Organisation").set_value("standard").run()
    app.switch_page("views/access_log.py").run()
    assert "rut@ey.se" in page_text(app) and "lena@burlov.se" not in page_text(app)


def test_a_link_opens_its_own_organisation_and_no_other(organisations_env):
    with scoped("burlov"):
        token, _ = access_store.create_link(open_store(), "Revisor Rut", "lena@burlov.se", 30)
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    app.query_params["link"] = token
    app.run()
    assert BURLOV_ONLY in _status_text(app)
    app.query_params["org"] = "standard"
    app.run()
    assert [e.value for e in app.error] == ["Du saknar behörighet till organisationen standard."]
    assert not app.title


def test_the_comparison_is_for_those_with_several_organisations_and_reads_only_theirs(organisations_env):
    lena = _signed_in("lena@burlov.se")
    lena.switch_page("views/comparison.py").run()
    assert [e.value for e in lena.error] == ["Du saknar behörighet till den här sidan."]
    assert not lena.title

    rut = _signed_in("rut@ey.se")
    for key, value in {"matt": "status:incident_management", "period": "2025Q4"}.items():
        rut.query_params[key] = value
    rut.switch_page("views/comparison.py").run()
    assert not rut.exception, [e.value for e in rut.exception]
    said = page_text(rut)
    assert "Incidenthantering 2025Q4" in said
    assert "Malmö stad" in said and "Burlövs kommun 1 av 4 enheter gröna (25" in said
    next(t for t in rut.toggle if t.label.startswith("Ersätt namnen")).set_value(True).run()
    said = page_text(rut)
    assert "Organisation A" in said and "Organisation B 1 av 4 enheter gröna (25" in said
    assert "Burlöv" not in said.split("Incidenthantering 2025Q4", 1)[1]  # the chart, its sentence and table


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def shared_store(request, tmp_path_factory):
    """One store per database for the views below: they only read (and are refused), so the example data
    is loaded once, not for every view."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('organisations') / 'store.db'}"
    server = request.getfixturevalue("postgres_server")
    return server.url(server.fresh_database())


@pytest.fixture
def either_store(shared_store, organisations_env, monkeypatch):
    """The installation on SQLite, or on PostgreSQL with row-level security binding the app's login."""
    monkeypatch.setenv("DASHBOARD_DB_URL", shared_store)
    return shared_store


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: v.name)
def test_no_view_opens_another_organisations_data_by_its_address(either_store, view):
    """Every page, typed by hand with the other organisation in the address: refused before the page runs,
    so no query, no chart, no table and no download of it."""
    app = _signed_in("lena@burlov.se")
    app.query_params["org"] = "standard"
    app.switch_page(view.script).run()
    assert [e.value for e in app.error] == ["Du saknar behörighet till organisationen standard."]
    assert not app.title and not app.table and not app.get("download_button") and not app.get("vega_lite_chart")
