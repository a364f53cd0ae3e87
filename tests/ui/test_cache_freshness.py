"""The shared query cache: one answer for every session, and never older than the latest import."""

from __future__ import annotations

from domain.roles import operator
from tests.conftest import write_csv
from tests.views.conftest import page_text


def test_a_board_view_shows_an_import_at_once_in_an_open_session_and_a_new_one(open_view, app_env):
    from domain.configuration import load_config
    from ingest.imports import import_file
    from store.engine import open_store

    before = open_view("views/status.py")
    assert "Brandvägg bytt i januari" not in page_text(before)
    path = write_csv(
        app_env / "status-2025q4.csv",
        "period;enhet;område;status;trend;kommentar\n"
        "2025Q4;Servicenämnden;governance;Röd;Ned;Brandvägg bytt i januari\n",
    )
    assert import_file(open_store(), load_config(), "status", path, actor=operator("controller")).outcome == "imported"

    before.run()  # the session that was open when the import landed
    assert "Brandvägg bytt i januari" in page_text(before)
    assert before.selectbox(key="period_choice").value == "2025Q4"
    after = open_view("views/status.py")  # and a session opened afterwards
    assert "Brandvägg bytt i januari" in page_text(after)


def test_an_answer_is_shared_until_the_latest_batch_changes(app_env):
    from ui.app_store import ask, store_key

    calls: list[str] = []

    def figures_for(connection, unit: str, *, as_of: int | None = None) -> str:
        calls.append(unit)
        return f"svar för {unit}"

    url = store_key(f"sqlite:///{app_env / 'store.db'}", "standard")
    assert ask(figures_for, url, 7, "mkb") == "svar för mkb"
    assert ask(figures_for, url, 7, "mkb") == "svar för mkb"  # another session asking the same: cached
    assert calls == ["mkb"]
    ask(figures_for, url, 8, "mkb")  # an import made batch 8 the latest: asked again
    ask(figures_for, url, 8, "servicenamnden")
    assert calls == ["mkb", "mkb", "servicenamnden"]


def test_an_answer_as_of_an_earlier_batch_is_its_own(app_env):
    from ui.app_store import ask, store_key

    seen: list[int | None] = []

    def figures_for(connection, unit: str, *, as_of: int | None = None) -> str:
        seen.append(as_of)
        return f"{unit} per {as_of}"

    url = store_key(f"sqlite:///{app_env / 'store.db'}", "standard")
    assert ask(figures_for, url, 9, "mkb") == "mkb per None"
    assert ask(figures_for, url, 9, "mkb", as_of=4) == "mkb per 4"
    assert seen == [None, 4]


def test_one_organisation_never_gets_another_organisations_cached_answer(app_env):
    from store.scope import current_organisation
    from ui.app_store import ask, store_key

    asked_as: list[str] = []

    def figures_for(connection, unit: str, *, as_of: int | None = None) -> str:
        asked_as.append(current_organisation())
        return f"{current_organisation()}: {unit}"

    url = f"sqlite:///{app_env / 'store.db'}"
    assert ask(figures_for, store_key(url, "standard"), 7, "kommunstyrelsen") == "standard: kommunstyrelsen"
    # the same question, the same unit id and the same latest batch, in another organisation
    assert ask(figures_for, store_key(url, "lomma"), 7, "kommunstyrelsen") == "lomma: kommunstyrelsen"
    assert asked_as == ["standard", "lomma"]
