"""Training through the door: the audience in Swedish or English, completed above the audience refused."""

from __future__ import annotations

from domain.roles import operator
from ingest.imports import import_file
from store.batches import latest_batch_id
from store.schema import DATASET_TABLES
from tests.conftest import write_csv

training = DATASET_TABLES["training"]

HEADER = "period;enhet;målgrupp;utbildning;antal_i_målgruppen;genomförda\n"


def test_rows_are_stored_with_the_audience_coded_and_the_year_for_sorting(sqlite_store, config, tmp_path):
    path = write_csv(
        tmp_path / "u.csv",
        HEADER + "2025Q2;servicenamnden;Ledamöter;Cybersäkerhetslagen;13;9\n"
        "2025;servicenamnden;managers;Chefsutbildning;40;31\n",
    )
    assert import_file(sqlite_store, config, "training", path, actor=operator("u")).ok
    with sqlite_store.connect() as c:
        rows = sorted(c.execute(training.select()).mappings().all(), key=lambda r: r["audience"])
    assert [(r["audience"], r["period"], r["year"], r["completed"]) for r in rows] == [
        ("elected", "2025Q2", 2025, 9),
        ("managers", "2025", 2025, 31),
    ]


def test_completed_above_the_audience_and_an_unknown_audience_are_refused(sqlite_store, config, tmp_path):
    path = write_csv(
        tmp_path / "fel.csv",
        HEADER + "2025;servicenamnden;Förtroendevalda;Kurs;13;14\n2025;servicenamnden;Alla;Kurs;13;1\n",
    )
    result = import_file(sqlite_store, config, "training", path, actor=operator("u"))
    found = {(p.row, p.column): p.expected for p in result.problems}
    assert found[(2, "genomförda")] == "högst antalet i målgruppen (13)"
    assert found[(3, "målgrupp")].startswith("en målgrupp: Medarbetare (staff), Chefer (managers)")
    with sqlite_store.connect() as c:
        assert latest_batch_id(c) == 0
