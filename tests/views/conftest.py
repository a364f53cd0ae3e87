"""AppTest helpers: the app on a fresh store per test, with or without the example data."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


@pytest.fixture
def app_env(tmp_path, monkeypatch):
    """A fresh store and the shipped configuration (no users: open local mode, as `make run` on 127.0.0.1)."""
    from streamlit import config as streamlit_config

    previous = streamlit_config.get_option("server.address")
    streamlit_config.set_option("server.address", "127.0.0.1")
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("DASHBOARD_DB_URL", f"sqlite:///{tmp_path / 'store.db'}")
    monkeypatch.setenv("DASHBOARD_CONFIG_DIR", str(ROOT / "config"))
    yield tmp_path
    streamlit_config.set_option("server.address", previous)


@pytest.fixture
def open_view(app_env):
    def open_view(script: str, **params: str | list[str]) -> AppTest:
        app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        for key, value in params.items():
            app.query_params[key] = value
        app.run()
        if script != "views/situation.py":
            app.query_params.clear()  # a link opened directly carries only its own parameters
            for key, value in params.items():
                app.query_params[key] = value
            app.switch_page(script)
            app.run()
        assert not app.exception, [e.value for e in app.exception]
        assert_no_unexpected_error(app)
        return app

    return open_view


def unfolded(app: AppTest) -> AppTest:
    """The page again with every folded part open (the tables behind the charts, the records, the rest of
    a long list), as a user who opens them all: their content is drawn only while open."""
    keys = [e.proto.id.split("-", 2)[2] for e in app.expander if e.proto.id]
    for key in keys:
        app.session_state[key] = True
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def assert_no_unexpected_error(app: AppTest) -> None:
    """The page's Swedish fallback for a crash hides the exception from AppTest; a test must still fail."""
    from ui.navigation import UNEXPECTED

    assert UNEXPECTED not in [e.value for e in app.error], "the page failed; see the log above"


ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
SPAN = re.compile(r":color\[(\\?.)\]\{\}")


def shown(text: object) -> str:
    """Markdown as a reader sees it: the escapes and spans that keep outside text inert are not shown."""
    return ESCAPED.sub(r"\1", SPAN.sub(r"\1", str(text)))


def shown_table(frame: pd.DataFrame) -> pd.DataFrame:
    """A table's cells and headers as a reader sees them."""
    out = frame.map(lambda v: shown(v) if isinstance(v, str) else v)
    out.columns = [shown(c) for c in out.columns]
    out.index = [shown(i) if isinstance(i, str) else i for i in out.index]
    return out


def page_text(app: AppTest) -> str:
    """Everything written on the page as a reader sees it: markdown, headers, captions, alerts, tables."""
    parts = [e.value for e in app.markdown] + [e.value for e in app.title] + [e.value for e in app.header]
    parts += [e.value for e in app.subheader] + [e.value for e in app.caption] + [e.value for e in app.warning]
    parts += [e.value for e in app.info] + [shown_table(t.value).to_string() for t in app.table]
    return shown("\n".join(str(p) for p in parts))
