"""Migrations create exactly the schema in store/schema.py (made from the declarations), on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from domain.roles import operator
from store.engine import migrate
from store.schema import metadata


def test_migrated_store_matches_the_schema(store):
    with store.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == []


def test_migrating_again_keeps_the_data(store, config, tmp_path):
    from ingest.imports import import_file
    from tests.conftest import write_csv

    path = write_csv(tmp_path / "s.csv", "period;enhet;område;status\n2025Q1;mkb;governance;Grön\n")
    assert import_file(store, config, "status", path, actor=operator("u")).ok
    migrate(store)
    with store.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM status").scalar_one() == 1
        assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar_one() == "0018"
