"""The shared query cache: one answer for every session, and never older than the latest import."""

from __future__ import annotations

from tests.conftest import write_csv
from tests.pages.conftest import page_text


def test_a_board_view_shows_an_import_at_once_in_an_open_session_and_a_new_one(open_view, app_env):
    from configuration import load_config
    from data_sources.importer import import_file
    from data_sources.store import open_store

    before = open_view("views/status.py")
    assert "Brandvägg bytt i januari" not in page_text(before)
    path = write_csv(
        app_env / "status-2025q4.csv",
        "period;enhet;område;status;trend;kommentar\n"
        "2025Q4;Servicenämnden;governance;Röd;Ned;Brandvägg bytt i januari\n",
    )
    assert import_file(open_store(), load_config(), "status", path, user="controller").outcome == "imported"

    before.run()  # the session that was open when the import landed
    assert "Brandvägg bytt i januari" in page_text(before)
    assert before.selectbox(key="period_choice").value == "2025Q4"
    after = open_view("views/status.py")  # and a session opened afterwards
    assert "Brandvägg bytt i januari" in page_text(after)


def test_an_answer_is_shared_until_the_latest_batch_changes(app_env):
    from queries.cached import ask

    calls: list[str] = []

    def figures_for(connection, unit: str) -> str:
        calls.append(unit)
        return f"svar för {unit}"

    url = f"sqlite:///{app_env / 'store.db'}"
    assert ask(figures_for, url, 7, "mkb") == "svar för mkb"
    assert ask(figures_for, url, 7, "mkb") == "svar för mkb"  # another session asking the same: cached
    assert calls == ["mkb"]
    ask(figures_for, url, 8, "mkb")  # an import made batch 8 the latest: asked again
    ask(figures_for, url, 8, "servicenamnden")
    assert calls == ["mkb", "mkb", "servicenamnden"]
