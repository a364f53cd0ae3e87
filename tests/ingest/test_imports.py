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


def test_when_the_store_refuses_a_chunk_midway_nothing_is_saved(store, config, tmp_path, monkeypatch):
    """Chunks are written while the next is validated; a chunk the store refuses ends the import, and the
    chunks written before it go with the rollback."""
    written = []

    def refusing_the_second(connection, table, columns, batch_id):  # type: ignore[no-untyped-def]
        if written:
            raise sa.exc.OperationalError("INSERT", {}, Exception("disk full"))
        written.append(original(connection, table, columns, batch_id))

    original = imports._insert
    monkeypatch.setattr(imports, "_insert", refusing_the_second)
    rows = "".join(f"2025-01-{1 + n % 28:02d};mkb;Låg;IT-incident;INC-{n}\n" for n in range(imports.CHUNK_ROWS * 3))
    path = write_csv(tmp_path / "incidenter.csv", "datum;enhet;allvarlighetsgrad;kategori;ärendenummer\n" + rows)
    result = imports.import_file(store, config, "incidents", path, actor=operator("anna"))
    assert not result.ok and "Inget sparades" in result.file_error
    assert written  # the first chunk was in the store's transaction before the second was refused
    assert _rows(store, import_batches) == 0 and _rows(store, DATASET_TABLES["incidents"]) == 0


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


def test_a_status_file_of_one_area_replaces_that_area_only(store, config, tmp_path):
    """The scope is quarter × unit × area: the quarter's other areas stay as they were imported."""
    header = "period;enhet;område;status\n"
    whole = write_csv(tmp_path / "q.csv", header + "2025Q4;mkb;governance;Grön\n2025Q4;mkb;training;Gul\n")
    assert imports.import_file(store, config, "status", whole, actor=operator("anna")).ok
    one = write_csv(tmp_path / "one.csv", header + "2025Q4;mkb;training;Röd\n")
    result = imports.import_file(store, config, "status", one, actor=operator("anna"))
    assert result.ok and result.rows_superseded == 1
    assert result.scope_summary == "2025Q4 × MKB Fastighets AB × Utbildning och medvetenhet"
    with store.connect() as c:
        current = c.execute(
            sa.select(status.c.area, status.c.status).where(status.c.superseded_by.is_(None)).order_by(status.c.area)
        ).all()
    assert [tuple(r) for r in current] == [("governance", "green"), ("training", "red")]


def test_status_rows_imported_under_the_older_scope_are_still_replaced(store, config, tmp_path):
    """Rows from before the scope grew carry the key quarter|unit; they are matched on their columns."""
    path = write_csv(tmp_path / "q.csv", "period;enhet;område;status\n2025Q4;mkb;governance;Grön\n")
    assert imports.import_file(store, config, "status", path, actor=operator("anna")).ok
    with store.begin() as c:
        c.execute(status.update().values(scope_key="2025Q4|mkb"))  # as an older release wrote it
    again = write_csv(tmp_path / "r.csv", "period;enhet;område;status\n2025Q4;mkb;governance;Röd\n")
    assert imports.import_file(store, config, "status", again, actor=operator("anna")).rows_superseded == 1
