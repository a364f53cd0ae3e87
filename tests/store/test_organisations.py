"""Several organisations in one store, on SQLite and PostgreSQL: each reads and writes only its own rows,
even where their unit ids and files are the same; on PostgreSQL row-level security holds the same line
for a connection that names no organisation or another one."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from access import access_store
from domain.configuration import load_config
from domain.roles import operator
from ingest import imports
from ingest.demo import load_example_data
from ingest.imports import import_file
from queries.incidents import incidents_by_month
from store import batches, meetings
from store.engine import create_store_engine
from store.schema import DATASET_TABLES, access_log, import_batches, visible_as_of
from store.scope import EVERY_ORGANISATION, scoped
from tests.conftest import ROOT, write_csv

EXAMPLE = ROOT / "config" / "exempel-flera-organisationer"
EXAMPLE_DATA = ROOT / "ingest" / "example_data"
OPERATOR = operator("test")
status = DATASET_TABLES["status"]
SAME_FILE = "period;enhet;område;status\n2025Q4;kommunstyrelsen;governance;Röd\n"  # a unit id both have


@pytest.fixture(scope="module")
def configs():
    return {o: load_config(EXAMPLE, o) for o in ("standard", "burlov")}


def _statuses(engine: sa.Engine) -> list[tuple[str, str, str]]:
    with engine.connect() as connection:
        return list(
            connection.execute(
                sa.select(status.c.period, status.c.unit, status.c.status).where(visible_as_of(status, None))
            ).all()
        )


def test_the_same_file_in_two_organisations_is_two_imports_each_seeing_its_own(store, configs, tmp_path):
    path = write_csv(tmp_path / "status.csv", SAME_FILE)
    with scoped("standard"):
        first = import_file(store, configs["standard"], "status", path, actor=OPERATOR)
    with scoped("burlov"):
        second = import_file(store, configs["burlov"], "status", path, actor=OPERATOR)
        assert second.outcome == "imported"  # not "the same file as import 1": that one is Malmö's
        assert _statuses(store) == [("2025Q4", "kommunstyrelsen", "red")]
        corrected = write_csv(tmp_path / "rättad.csv", SAME_FILE.replace("Röd", "Grön"))
        assert import_file(store, configs["burlov"], "status", corrected, actor=OPERATOR).rows_superseded == 1
        with store.connect() as connection:
            assert [b.id for b in batches.history(connection)] == [first.batch_id + 2, second.batch_id]
        with pytest.raises(batches.UndoRefused, match=f"ingen import med nummer {first.batch_id}"):
            imports.undo(store, first.batch_id, actor=OPERATOR)  # Malmö's import, asked for from Burlöv
    with scoped("standard"):
        assert _statuses(store) == [("2025Q4", "kommunstyrelsen", "red")]  # Burlöv's correction is Burlöv's
        with store.connect() as connection:
            assert [b.id for b in batches.history(connection)] == [first.batch_id]
            assert batches.latest_batch_id(connection) == first.batch_id


def test_example_data_counts_records_and_links_stay_in_their_organisation(store, configs):
    for organisation, config in configs.items():
        assert all(r.ok for r in load_example_data(store, config)), organisation
    with scoped("burlov"):
        record = meetings.create(
            store,
            configs["burlov"],
            OPERATOR,
            body="kommunstyrelsen",
            meeting_date="2026-02-10",
            item="§ 5",
            quarter="2025Q4",
        )
        token, link = access_store.create_link(store, "revisor@burlov.se", "test", meeting_id=record.id)
        with store.connect() as connection:
            burlov = incidents_by_month(connection, ("kommunstyrelsen",), "2024-01", "2025-12")
    with scoped("standard"):
        assert meetings.find(store, record.id) is None and meetings.all_records(store) == []
        assert access_store.all_links(store) == []
        with store.connect() as connection:
            malmo = incidents_by_month(connection, ("kommunstyrelsen",), "2024-01", "2025-12")
    assert access_store.link_by_token(store, token).organisation == "burlov"  # the link says whose it is
    assert link.organisation == "burlov"
    # the same unit id, read from the cells of each organisation's own incidents: each its own file's sum
    assert burlov["count"].sum() == _kommunstyrelsen_2024_2025(EXAMPLE_DATA / "organisationer" / "burlov")
    assert malmo["count"].sum() == _kommunstyrelsen_2024_2025(EXAMPLE_DATA)


def _kommunstyrelsen_2024_2025(folder: Path) -> int:
    rows = [line.split(";") for line in (folder / "incidents.csv").read_text(encoding="utf-8").splitlines()[1:]]
    return sum(int(r[4]) for r in rows if r[1] == "kommunstyrelsen" and r[0][:4] in ("2024", "2025"))


def test_a_query_that_names_no_organisation_reads_nothing_on_postgresql(postgres_store, configs, tmp_path):
    with scoped("burlov"):
        assert all(r.ok for r in load_example_data(postgres_store, configs["burlov"]))
    bare = sa.create_engine(postgres_store.url)  # a connection that never says which organisation
    try:
        with bare.connect() as connection:
            for table in (status, import_batches, access_log, DATASET_TABLES["incidents"]):
                assert connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one() == 0
            connection.exec_driver_sql("SELECT set_config('app.organisation', 'standard', false)")
            assert connection.execute(sa.select(sa.func.count()).select_from(status)).scalar_one() == 0
            with pytest.raises(sa.exc.ProgrammingError, match="row-level security"):
                connection.execute(
                    import_batches.insert().values(
                        organisation="burlov",
                        kind="import",
                        dataset="status",
                        created_at=sa.func.now(),
                        user_name="x",
                        source="x",
                        row_count=0,
                        rows_superseded=0,
                        scope_summary="",
                        scope_keys="[]",
                        is_example=False,
                    )
                )
            connection.rollback()
            connection.exec_driver_sql("SELECT set_config('app.organisation', 'burlov', false)")
            assert connection.execute(sa.select(sa.func.count()).select_from(status)).scalar_one() == 64
    finally:
        bare.dispose()
    with scoped(EVERY_ORGANISATION), postgres_store.connect() as connection:  # administration: every row
        assert connection.execute(sa.select(sa.func.count()).select_from(status)).scalar_one() == 64


def test_several_app_engines_name_their_organisation_per_connection(postgres_store, configs):
    engine = create_store_engine(str(postgres_store.url.render_as_string(hide_password=False)))
    try:
        with scoped("burlov"):
            load_example_data(engine, configs["burlov"])
        with scoped("standard"), engine.connect() as connection:  # the pooled connection, named anew
            assert connection.execute(sa.select(sa.func.count()).select_from(status)).scalar_one() == 0
        with scoped("burlov"), engine.connect() as connection:
            assert connection.execute(sa.select(sa.func.count()).select_from(status)).scalar_one() == 64
    finally:
        engine.dispose()


def test_a_file_naming_another_organisations_unit_is_refused_naming_the_cell(store, configs, tmp_path):
    path = write_csv(tmp_path / "status.csv", "period;enhet;område;status\n2025Q4;Servicenämnden;governance;Röd\n")
    with scoped("burlov"):
        result = import_file(store, configs["burlov"], "status", path, actor=OPERATOR)
        assert result.outcome == "invalid" and _statuses(store) == []
    problem = result.problems[0]
    assert (problem.row, problem.column, problem.value) == (2, "enhet", "Servicenämnden")
    assert "Socialnämnden" in problem.expected  # suggested from Burlöv's own units, none of Malmö's
