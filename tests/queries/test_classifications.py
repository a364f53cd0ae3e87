"""A classification too old, decided once in SQL: the register and the counts per unit agree."""

from __future__ import annotations

import datetime as dt

from domain.roles import operator
from ingest.imports import import_file
from queries import classifications
from tests.conftest import write_csv


def test_only_a_classification_before_the_cutoff_is_outdated(store, config, tmp_path):
    path = write_csv(
        tmp_path / "k.csv",
        "enhet;system;klassningsdatum\nservicenamnden;a;2023-11-23\nservicenamnden;b;2023-11-24\nservicenamnden;c;\n",
    )
    assert import_file(store, config, "classifications", path, actor=operator("u")).ok
    cutoff = dt.date(2023, 11, 24)
    with store.connect() as c:
        register = classifications.register(c, (), cutoff)
        coverage = classifications.coverage_by_unit(c, (), cutoff)
    assert [bool(v) for v in register["outdated"]] == [True, False, False]
    assert coverage.iloc[0]["outdated"] == 1
