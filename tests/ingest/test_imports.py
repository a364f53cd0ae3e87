"""The one door for writes: permission first, then the batch and its access-log entry in one transaction."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from domain.roles import Actor, Forbidden, operator
from ingest import imports
from store.schema import DATASET_TABLES, access_log, import_batches
from tests.conftest import write_csv

status = DATASET_TABLES["status"]

FILE = "period;enhet;område;status\n2025Q1;mkb;governance;Grön\n"
VIEWER = Actor(id="nils@malmo.se", name="Nils", role="viewer", kind="local")


def _rows(store, table: sa.Table) -> int:
    with store.connect() as c:
        return c.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


def test_an_import_and_its_log_entry_are_written_together(store, config, tmp_path):
    result = imports.import_file(store, config, "status", write_csv(tmp_path / "s.csv", FILE), actor=operator("anna"))
    with store.connect() as c:
        entry = c.execute(sa.select(access_log.c.actor, access_log.c.event, access_log.c.target)).one()
    assert tuple(entry) == ("anna", "import", f"import {result.batch_id}")


def test_when_the_log_entry_cannot_be_written_nothing_is_saved(store, config, tmp_path, monkeypatch):
    def failing(*_args, **_kwargs):
        raise sa.exc.OperationalError("INSERT INTO access_log", {}, Exception("disk full"))

    monkeypatch.setattr(imports, "write_event", failing)
    result = imports.import_file(store, config, "status", write_csv(tmp_path / "s.csv", FILE), actor=operator("anna"))
    assert result.outcome == "invalid" and "Inget sparades" in result.messages()[0]
    assert "disk full" not in result.messages()[0] and "OperationalError" not in result.messages()[0]
    assert _rows(store, import_batches) == 0 and _rows(store, status) == 0


def test_a_viewer_may_check_a_file_but_never_import_or_undo_one(store, config, tmp_path):
    path = write_csv(tmp_path / "s.csv", FILE)
    assert imports.import_file(store, config, "status", path, actor=VIEWER, dry_run=True).outcome == "valid"
    with pytest.raises(Forbidden):
        imports.import_file(store, config, "status", path, actor=VIEWER)
    done = imports.import_file(store, config, "status", path, actor=operator("anna"))
    with pytest.raises(Forbidden):
        imports.undo(store, done.batch_id, actor=VIEWER)
    assert _rows(store, import_batches) == 1


def test_an_undo_and_its_log_entry_are_written_together(store, config, tmp_path):
    done = imports.import_file(store, config, "status", write_csv(tmp_path / "s.csv", FILE), actor=operator("anna"))
    record = imports.undo(store, done.batch_id, actor=operator("bertil"))
    with store.connect() as c:
        entries = c.execute(sa.select(access_log.c.actor, access_log.c.event, access_log.c.detail)).all()
    assert tuple(entries[-1]) == ("bertil", "undo", f"ångring nr {record.id}")
