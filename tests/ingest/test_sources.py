"""`sync`: file globs and SQL sources from config/sources.yaml, credentials from the environment."""

from __future__ import annotations

import shutil

import sqlalchemy as sa

from domain.configuration import load_config
from domain.roles import operator
from ingest.sources import sync_sources
from store.schema import DATASET_TABLES
from tests.conftest import ROOT, write_csv

incidents = DATASET_TABLES["incidents"]
status = DATASET_TABLES["status"]

SOURCES = """sources:
  - name: statusrapporter
    dataset: status
    path: {glob}
  - name: ärendesystemet
    dataset: incidents
    url: sqlite:///${{SERVICEDESK_DB}}
    query: SELECT opened AS datum, unit AS enhet, sev AS allvarlighetsgrad, cat AS kategori, n AS antal FROM tickets
"""


def _setup(tmp_path, monkeypatch):
    folder = tmp_path / "config"
    shutil.copytree(ROOT / "config", folder)
    imports = tmp_path / "imports"
    imports.mkdir()
    write_csv(imports / "2025q1.csv", "period;enhet;område;status\n2025Q1;mkb;governance;Grön\n")
    write_csv(imports / "2025q2.csv", "period;enhet;område;status\n2025Q2;mkb;governance;Gul\n")
    source_db = tmp_path / "servicedesk.db"
    engine = sa.create_engine(f"sqlite:///{source_db}")
    with engine.begin() as c:
        c.exec_driver_sql("CREATE TABLE tickets (opened TEXT, unit TEXT, sev TEXT, cat TEXT, n INTEGER)")
        c.exec_driver_sql(
            "INSERT INTO tickets VALUES ('2025-01', 'Servicenämnden', 'low', 'it', 1200),"
            " ('2025-02', 'Servicenämnden', 'high', 'it', 80)"
        )
    engine.dispose()
    (folder / "sources.yaml").write_text(SOURCES.format(glob=imports / "*.csv"), encoding="utf-8")
    monkeypatch.setenv("SERVICEDESK_DB", str(source_db))
    return load_config(folder)


def test_sync_imports_files_and_sql_and_a_second_sync_changes_nothing(store, tmp_path, monkeypatch):
    config = _setup(tmp_path, monkeypatch)
    results = sync_sources(store, config, actor=operator("sync"))
    assert [(r.source, r.outcome, r.rows) for r in results] == [
        ("statusrapporter: 2025q1.csv", "imported", 1),
        ("statusrapporter: 2025q2.csv", "imported", 1),
        ("ärendesystemet (SQL)", "imported", 2),
    ]
    with store.connect() as c:
        assert c.execute(sa.select(sa.func.sum(incidents.c.count))).scalar_one() == 1280
        assert c.execute(sa.select(sa.func.count()).select_from(status)).scalar_one() == 2
    again = sync_sources(store, config, actor=operator("sync"))
    assert [r.outcome for r in again] == ["unchanged", "unchanged", "unchanged"]


def test_a_missing_environment_variable_is_named(store, tmp_path, monkeypatch):
    config = _setup(tmp_path, monkeypatch)
    monkeypatch.delenv("SERVICEDESK_DB")
    results = sync_sources(store, config, actor=operator("sync"))
    assert results[-1].messages() == ["Källan 'ärendesystemet': miljövariabeln SERVICEDESK_DB är inte satt"]


def test_a_failing_query_is_reported_without_internals(store, tmp_path, monkeypatch):
    _setup(tmp_path, monkeypatch)
    text = (tmp_path / "config" / "sources.yaml").read_text(encoding="utf-8").replace("FROM tickets", "FROM saknas")
    (tmp_path / "config" / "sources.yaml").write_text(text, encoding="utf-8")
    results = sync_sources(store, load_config(tmp_path / "config"), actor=operator("sync"))
    assert results[-1].outcome == "invalid"
    assert results[-1].messages()[0].startswith("Källan 'ärendesystemet': frågan kunde inte köras mot databasen")
