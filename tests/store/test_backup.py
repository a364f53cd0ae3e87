"""Backup and restore on both databases: a copy made while the store is in use, restored into a fresh
store, presents a meeting as it was presented, with every import and the access log intact; a wrong
file, an existing file or a store with data is refused in Swedish and nothing is written."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from domain.roles import operator
from ingest.demo import load_example_data
from ingest.imports import import_file
from queries.common import asking
from store import backup, batches, meetings
from store.engine import create_store_engine
from store.schema import access_log
from store.scope import EVERY_ORGANISATION, scoped
from tests.conftest import write_csv
from view_models.presentation import DeckScope, contents

OPERATOR = operator("ada (kommandorad)")


def _log(engine: sa.Engine) -> list[dict]:
    """Every organisation's log and the installation's own events (a backup, a restore)."""
    with scoped(EVERY_ORGANISATION), engine.connect() as connection:
        rows = connection.execute(sa.select(access_log).order_by(access_log.c.id)).all()
    return [r._asdict() for r in rows]


def _history(engine: sa.Engine) -> list[batches.BatchRecord]:
    with engine.connect() as connection:
        return list(batches.history(connection, None))  # every field of every import


def _presented(engine: sa.Engine, record: meetings.MeetingRecord, config) -> list[tuple]:
    """Every figure and chart sentence of the meeting's views, read as of its import (as presented)."""
    scope = DeckScope(record.body, record.quarter, record.meeting_date)
    return [(v.view.name, v.figures, v.sentences) for v in contents(asking(engine, record.batch_id), scope, config)]


@pytest.fixture
def restored_url(request, tmp_path, postgres_server):
    """A fresh store of the same kind as `store`: a new SQLite file, or a new (migrated, empty) database."""
    if request.getfixturevalue("store").dialect.name == "sqlite":
        return f"sqlite:///{tmp_path / 'återläst' / 'store.db'}"
    return postgres_server.url(postgres_server.fresh_database())


def test_a_backup_made_while_in_use_restores_the_meeting_as_presented_the_imports_and_the_log(
    store, config, tmp_path, restored_url
):
    load_example_data(store, config)
    record = meetings.create(
        store, config, OPERATOR, body="servicenamnden", meeting_date="2026-02-17", item="§ 12", quarter="2025Q4"
    )
    corrected = "period;enhet;område;status\n2025Q4;servicenamnden;governance;Röd\n"  # after the meeting
    assert import_file(store, config, "status", write_csv(tmp_path / "s.csv", corrected), actor=OPERATOR).ok
    before_log, before_history = _log(store), _history(store)
    presented = _presented(store, record, config)

    with store.connect() as reading:  # the app keeps reading while the copy is made
        reading.execute(sa.select(access_log.c.id)).all()
        made = backup.backup(store, tmp_path / "kopia", actor=OPERATOR.id, role=OPERATOR.role)
    assert (made.imports, made.meetings) == (len(before_history), 1)

    held = backup.restore(restored_url, tmp_path / "kopia", actor=OPERATOR.id, role=OPERATOR.role)
    restored = create_store_engine(restored_url)  # as the app opens it: naming its organisation
    try:
        assert (held.imports, held.meetings) == (made.imports, 1)
        assert _history(restored) == before_history
        assert meetings.all_records(restored) == meetings.all_records(store)
        assert _presented(restored, record, config) == presented
        log = _log(restored)
        assert log[: len(before_log)] == before_log  # every event as it was, in order
        assert [row["event"] for row in log[len(before_log) :]] == ["restore"]  # then the restore itself
        assert [row["event"] for row in _log(store)[len(before_log) :]] == ["backup"]
    finally:
        restored.dispose()


def test_a_backup_is_never_written_over_and_a_restore_never_overwrites_data(store, config, tmp_path):
    load_example_data(store, config)
    (tmp_path / "kopia").write_text("en annan fil", encoding="utf-8")
    with pytest.raises(backup.BackupError, match=r"finns redan.*skrivs aldrig över"):
        backup.backup(store, tmp_path / "kopia", actor=OPERATOR.id, role=OPERATOR.role)
    assert (tmp_path / "kopia").read_text(encoding="utf-8") == "en annan fil"
    backup.backup(store, tmp_path / "ny-kopia", actor=OPERATOR.id, role=OPERATOR.role)
    history = _history(store)
    with pytest.raises(backup.BackupError, match="Lagret har redan data"):
        backup.restore(store.url.render_as_string(hide_password=False), tmp_path / "ny-kopia", actor="x", role=None)
    assert _history(store) == history


def test_a_file_that_is_no_backup_is_refused_and_leaves_no_store_behind(tmp_path):
    (tmp_path / "anteckningar.db").write_text("inte en databas", encoding="utf-8")
    target = tmp_path / "nytt" / "store.db"
    with pytest.raises(backup.BackupError, match="ingen säkerhetskopia av lagret"):
        backup.restore(f"sqlite:///{target}", tmp_path / "anteckningar.db", actor="x", role=None)
    with pytest.raises(backup.BackupError, match="finns inte"):
        backup.restore(f"sqlite:///{target}", tmp_path / "saknas.db", actor="x", role=None)
    assert not target.exists()
