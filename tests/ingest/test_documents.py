"""The register of governing documents through the door: upserted by id, a revision before the decision
refused, types and statuses in Swedish or English."""

from __future__ import annotations

from domain.roles import operator
from ingest.imports import import_file
from store.batches import latest_batch_id
from store.schema import DATASET_TABLES
from tests.conftest import write_csv

documents = DATASET_TABLES["documents"]

HEADER = "id;titel;typ;ägare;beslutsdatum;nästa_revision;status\n"


def _current(store):
    with store.connect() as c:
        return c.execute(documents.select().where(documents.c.superseded_by.is_(None))).mappings().all()


def test_a_document_is_replaced_by_its_id_and_the_others_stay(sqlite_store, config, tmp_path):
    first = write_csv(
        tmp_path / "a.csv",
        HEADER + "D1;IT-säkerhetsplan;Plan;kommunstyrelsen;2010-06-14;2012-06-30;Gällande\n"
        "D2;IT-strategi;strategy;kommunstyrelsen;2011-03-21;2014-03-31;in_force\n",
    )
    assert import_file(sqlite_store, config, "documents", first, actor=operator("u")).ok
    revised = write_csv(
        tmp_path / "b.csv", HEADER + "D1;IT-säkerhetsplan;Plan;kommunstyrelsen;2026-02-01;2028-02-01;Gällande\n"
    )
    assert import_file(sqlite_store, config, "documents", revised, actor=operator("u")).ok
    rows = {r["document_id"]: r for r in _current(sqlite_store)}
    assert set(rows) == {"D1", "D2"} and str(rows["D1"]["next_revision"]) == "2028-02-01"
    assert (rows["D2"]["type"], rows["D2"]["status"]) == ("strategy", "in_force")


def test_a_revision_before_the_decision_is_refused_and_nothing_saved(sqlite_store, config, tmp_path):
    bad = write_csv(tmp_path / "fel.csv", HEADER + "D1;Plan;Plan;kommunstyrelsen;2020-01-01;2019-12-31;Gällande\n")
    result = import_file(sqlite_store, config, "documents", bad, actor=operator("u"))
    assert [(p.row, p.column, p.value) for p in result.problems] == [(2, "nästa_revision", "2019-12-31")]
    assert result.problems[0].expected == "ett datum från beslutsdatumet (2020-01-01) och framåt"
    with sqlite_store.connect() as c:
        assert latest_batch_id(c) == 0
