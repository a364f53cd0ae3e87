"""Batch semantics on SQLite and PostgreSQL: supersede, undo, as-of, duplicate files, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from domain.roles import operator
from ingest import imports
from ingest.imports import import_file
from store import batches
from store.schema import DATASET_TABLES, import_batches, visible_as_of
from tests.conftest import write_csv

status = DATASET_TABLES["status"]

HEADER = "period;enhet;område;status;kommentar\n"


def _status_file(tmp_path: Path, name: str, rows: list[str]) -> Path:
    return write_csv(tmp_path / name, HEADER + "".join(r + "\n" for r in rows))


def _current_status(engine: sa.Engine, as_of: int | None = None) -> dict[tuple[str, str, str], str]:
    with engine.connect() as c:
        rows = c.execute(
            sa.select(status.c.period, status.c.unit, status.c.area, status.c.status).where(
                visible_as_of(status, as_of)
            )
        )
        return {(p, u, a): s for p, u, a, s in rows}


def test_import_supersedes_only_within_its_scope_and_keeps_history(store, config, tmp_path):
    first = _status_file(
        tmp_path,
        "q1.csv",
        [
            "2025Q1;Servicenämnden;governance;Gul;",
            "2025Q1;Kommunstyrelsen;governance;Röd;",
            "2025Q2;Servicenämnden;governance;Gul;",
        ],
    )
    r1 = import_file(store, config, "status", first, actor=operator("anna"))
    assert r1.outcome == "imported" and r1.rows == 3 and r1.rows_superseded == 0

    second = _status_file(tmp_path, "q1-rättad.csv", ["2025Q1;servicenamnden;governance;Grön;Rättad"])
    r2 = import_file(store, config, "status", second, actor=operator("anna"))
    assert r2.outcome == "imported"
    assert r2.rows_superseded == 1  # only 2025Q1 × servicenämnden

    now = _current_status(store)
    assert now[("2025Q1", "servicenamnden", "governance")] == "green"
    assert now[("2025Q1", "kommunstyrelsen", "governance")] == "red"
    assert now[("2025Q2", "servicenamnden", "governance")] == "amber"
    with store.connect() as c:
        assert c.execute(sa.select(sa.func.count()).select_from(status)).scalar_one() == 4  # nothing deleted


def test_reading_as_of_an_earlier_batch_shows_what_was_there(store, config, tmp_path):
    r1 = import_file(
        store,
        config,
        "status",
        _status_file(tmp_path, "a.csv", ["2025Q1;servicenamnden;training;Röd;"]),
        actor=operator("u"),
    )
    import_file(
        store,
        config,
        "status",
        _status_file(tmp_path, "b.csv", ["2025Q1;servicenamnden;training;Grön;"]),
        actor=operator("u"),
    )
    assert _current_status(store)[("2025Q1", "servicenamnden", "training")] == "green"
    assert _current_status(store, as_of=r1.batch_id)[("2025Q1", "servicenamnden", "training")] == "red"


def test_undo_restores_what_the_batch_superseded_and_keeps_both_states_readable(store, config, tmp_path):
    r1 = import_file(
        store,
        config,
        "status",
        _status_file(tmp_path, "a.csv", ["2025Q1;servicenamnden;training;Röd;"]),
        actor=operator("u"),
    )
    r2 = import_file(
        store,
        config,
        "status",
        _status_file(
            tmp_path, "b.csv", ["2025Q1;servicenamnden;training;Grön;", "2025Q1;servicenamnden;continuity;Gul;"]
        ),
        actor=operator("u"),
    )
    record = imports.undo(store, r2.batch_id, actor=operator("controller"))
    assert record.kind == "undo" and record.row_count == 1 and record.rows_superseded == 2

    assert _current_status(store) == {("2025Q1", "servicenamnden", "training"): "red"}
    assert _current_status(store, as_of=r2.batch_id)[("2025Q1", "servicenamnden", "continuity")] == "amber"
    assert _current_status(store, as_of=r1.batch_id) == {("2025Q1", "servicenamnden", "training"): "red"}
    with store.connect() as c:
        undone_by = c.execute(sa.select(import_batches.c.undone_by_batch_id).where(import_batches.c.id == r2.batch_id))
        assert undone_by.scalar_one() == record.id


def test_undo_is_refused_when_a_later_import_replaced_part_of_the_batch(store, config, tmp_path):
    r1 = import_file(
        store,
        config,
        "status",
        _status_file(tmp_path, "a.csv", ["2025Q1;servicenamnden;training;Röd;"]),
        actor=operator("u"),
    )
    r2 = import_file(
        store,
        config,
        "status",
        _status_file(tmp_path, "b.csv", ["2025Q1;servicenamnden;training;Gul;"]),
        actor=operator("u"),
    )
    with pytest.raises(batches.UndoRefused, match=f"nummer {r2.batch_id}"):
        imports.undo(store, r1.batch_id, actor=operator("u"))
    imports.undo(store, r2.batch_id, actor=operator("u"))
    with pytest.raises(batches.UndoRefused, match="redan ångrad"):
        imports.undo(store, r2.batch_id, actor=operator("u"))
    with pytest.raises(batches.UndoRefused, match="ingen import"):
        imports.undo(store, 999, actor=operator("u"))


def test_the_same_file_twice_is_recognised_and_changes_nothing(store, config, tmp_path):
    path = _status_file(tmp_path, "a.csv", ["2025Q1;servicenamnden;training;Röd;"])
    r1 = import_file(store, config, "status", path, actor=operator("u"))
    r2 = import_file(store, config, "status", path, actor=operator("u"))
    assert r2.outcome == "unchanged" and r2.same_as_batch == r1.batch_id
    assert "redan importerad" in r2.summary()
    with store.connect() as c:
        assert batches.latest_batch_id(c) == r1.batch_id
        assert c.execute(sa.select(sa.func.count()).select_from(status)).scalar_one() == 1


def test_the_same_file_after_its_undo_is_imported_again(store, config, tmp_path):
    path = _status_file(tmp_path, "a.csv", ["2025Q1;servicenamnden;training;Röd;"])
    r1 = import_file(store, config, "status", path, actor=operator("u"))
    imports.undo(store, r1.batch_id, actor=operator("u"))
    again = import_file(store, config, "status", path, actor=operator("u"))
    assert again.outcome == "imported"
    assert _current_status(store) == {("2025Q1", "servicenamnden", "training"): "red"}


def test_a_file_with_one_bad_row_saves_nothing(store, config, tmp_path):
    rows = [f"2025Q1;servicenamnden;{area};Grön;" for area in ("governance", "training", "continuity")]
    rows.append("2025Q1;servicenamnden;suppliers;Lila;")
    result = import_file(store, config, "status", _status_file(tmp_path, "bad.csv", rows), actor=operator("u"))
    assert result.outcome == "invalid"
    assert [(p.row, p.column, p.value) for p in result.problems] == [(5, "status", "Lila")]
    with store.connect() as c:
        assert c.execute(sa.select(sa.func.count()).select_from(status)).scalar_one() == 0
        assert batches.latest_batch_id(c) == 0


def test_a_large_file_is_written_in_chunks_and_rolled_back_whole_on_a_late_error(store, config, tmp_path, monkeypatch):
    from ingest import imports as importer

    monkeypatch.setattr(importer, "CHUNK_ROWS", 7)
    header = "datum;enhet;allvarlighetsgrad;kategori;antal\n"
    good = "".join(f"2025-{m:02d};servicenamnden;Låg;IT;{n + 1}\n" for m in range(1, 13) for n in range(3))
    path = write_csv(tmp_path / "inc.csv", header + good + "2025-13;servicenamnden;Låg;IT;1\n")
    result = import_file(store, config, "incidents", path, actor=operator("u"))
    assert result.outcome == "invalid" and result.problems[0].row == 38
    with store.connect() as c:
        assert batches.latest_batch_id(c) == 0

    path = write_csv(tmp_path / "inc2.csv", header + good)
    result = import_file(store, config, "incidents", path, actor=operator("u"))
    assert result.outcome == "imported" and result.rows == 36


def test_check_validates_without_writing(store, config, tmp_path):
    path = _status_file(tmp_path, "a.csv", ["2025Q1;servicenamnden;training;Röd;"])
    result = import_file(store, config, "status", path, actor=operator("u"), dry_run=True)
    assert result.outcome == "valid" and result.rows == 1
    with store.connect() as c:
        assert batches.latest_batch_id(c) == 0


def test_history_lists_batches_newest_first_with_who_and_source(store, config, tmp_path):
    import_file(
        store,
        config,
        "status",
        _status_file(tmp_path, "a.csv", ["2025Q1;servicenamnden;training;Röd;"]),
        actor=operator("anna"),
    )
    import_file(
        store,
        config,
        "status",
        _status_file(tmp_path, "b.csv", ["2025Q2;servicenamnden;training;Röd;"]),
        actor=operator("bertil"),
    )
    with store.connect() as c:
        rows = batches.history(c)
    assert [(b.user_name, b.source, b.row_count) for b in rows] == [("bertil", "b.csv", 1), ("anna", "a.csv", 1)]
    assert rows[0].sha256 and len(rows[0].sha256) == 64
    assert rows[0].scope_summary == "2025Q2 × Servicenämnden × Utbildning och medvetenhet"


def _times_analyzed(engine: sa.Engine, table: str) -> int:
    with engine.connect() as c:
        c.exec_driver_sql("SELECT pg_stat_clear_snapshot()")
        return c.exec_driver_sql(
            "SELECT analyze_count FROM pg_stat_user_tables WHERE relname = %s", (table,)
        ).scalar_one()


def test_every_import_and_undo_leave_postgresql_with_fresh_statistics(postgres_store, config, tmp_path):
    """Without statistics PostgreSQL plans for an empty table: the first view after a bulk load took seconds."""
    first = import_file(
        postgres_store,
        config,
        "status",
        _status_file(tmp_path, "a.csv", ["2025Q1;servicenamnden;training;Röd;"]),
        actor=operator("u"),
    )
    assert first.outcome == "imported"
    assert _times_analyzed(postgres_store, "status") == 1
    rows = [f"2025Q{q};servicenamnden;{a};Gul;" for q in (2, 3) for a in ("training", "governance")]
    second = import_file(postgres_store, config, "status", _status_file(tmp_path, "b.csv", rows), actor=operator("u"))
    assert second.outcome == "imported"
    assert _times_analyzed(postgres_store, "status") == 2
    imports.undo(postgres_store, second.batch_id, actor=operator("u"))
    assert _times_analyzed(postgres_store, "status") == 3


def _analysed_rows(engine: sa.Engine, table: str) -> int | None:
    """The rows SQLite's statistics last counted in the table's scope index (None: never analysed)."""
    with engine.connect() as c:
        stat = c.exec_driver_sql(
            "SELECT stat FROM sqlite_stat1 WHERE idx = ?", (f"ix_{table}_current_scope",)
        ).scalar_one_or_none()
    return None if stat is None else int(stat.split()[0])


def test_sqlite_gets_statistics_when_a_batch_changes_a_tenth_of_a_table_or_more(sqlite_store, config, tmp_path):
    """Without statistics SQLite took the organisation for a narrow filter (1,5 s instead of 0,14)."""
    rows = [
        f"{y}Q{q};servicenamnden;{a};Gul;"
        for y in range(2010, 2025)
        for q in (1, 2, 3, 4)
        for a in ("training", "governance")
    ]
    many = import_file(sqlite_store, config, "status", _status_file(tmp_path, "a.csv", rows), actor=operator("u"))
    assert many.rows == 120 and _analysed_rows(sqlite_store, "status") == 120
    one = _status_file(tmp_path, "b.csv", ["2025Q1;servicenamnden;training;Röd;"])
    assert import_file(sqlite_store, config, "status", one, actor=operator("u")).rows == 1
    assert _analysed_rows(sqlite_store, "status") == 120  # one row in 120: the statistics still hold
    areas = ("training", "governance", "communication", "incident_management")
    more = [f"2025Q{q};servicenamnden;{a};Röd;" for q in (2, 3, 4) for a in areas]
    assert import_file(sqlite_store, config, "status", _status_file(tmp_path, "c.csv", more), actor=operator("u")).ok
    assert _analysed_rows(sqlite_store, "status") == 133  # twelve more, a tenth of 121: analysed again
