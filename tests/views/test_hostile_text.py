"""Every view, fed hostile text in every text field a file can fill and in the link: the text is shown as
text, never as Markdown that would make a live image (a beacon), a link, HTML or a directive."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from domain.configuration import load_config
from domain.roles import VIEWS
from store.engine import open_store
from tests.hostile import HOSTILE, LIVE, import_hostile
from tests.views.conftest import page_text


def _rendered(app: AppTest) -> list[str]:
    """Every string Streamlit renders as Markdown on the page, raw, as sent to the browser."""
    texts = [e.value for kind in ("markdown", "title", "header", "subheader", "caption") for e in getattr(app, kind)]
    texts += [e.value for kind in ("warning", "info", "error", "success") for e in getattr(app, kind)]
    texts += [e.label for e in app.expander]
    for table in app.table:
        frame = table.value
        texts += [str(c) for c in frame.columns] + [str(v) for v in frame.to_numpy().ravel() if isinstance(v, str)]
    return texts


@pytest.fixture
def hostile_store(app_env):
    import_hostile(open_store(), load_config(), app_env)
    return app_env


@pytest.mark.parametrize("script", [v.script for v in VIEWS], ids=[v.name for v in VIEWS])
def test_hostile_text_is_shown_as_text_on_every_view(hostile_store, open_view, script):
    app = open_view(
        script,
        unit=[HOSTILE[0], "servicenamnden"],
        period=HOSTILE[2],
        assessment=HOSTILE[1],
        model=HOSTILE[3],
        survey=HOSTILE[0],
        year=HOSTILE[1],
        fraga=HOSTILE[2],
    )
    live = [text for text in _rendered(app) if LIVE.search(text)]
    assert live == [], live
    shows_text = ("situation", "status", "recommendations", "incidents", "documents", "survey_results")
    shows_text += ("classifications", "accessibility_reviews", "training", "phishing_campaigns")
    if script in {f"views/{name}.py" for name in shows_text}:
        assert any(h in page_text(app) for h in HOSTILE)  # shown, as the text it is
