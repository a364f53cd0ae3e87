"""The store's tables follow from the declarations: each declared column under its stored name, with its
kind's type (or the column's own) and required columns not null; a dataset with counts gets their table."""

from __future__ import annotations

import sqlalchemy as sa

from domain.datasets import DATASETS
from store.schema import COUNTS_TABLES, DATASET_TABLES, HISTORY_COLUMNS, tables_written_by


def test_each_declared_column_is_a_column_of_its_table():
    for name, dataset in DATASETS.items():
        table = DATASET_TABLES[name]
        for column in dataset.columns:
            stored = table.c[column.stored_name]
            expected = (column.sql or column.kind.sql)()
            assert type(stored.type) is type(expected), (name, column.name)
            if column.required:
                assert not stored.nullable, (name, column.name)
        assert set(HISTORY_COLUMNS) <= set(table.c.keys())


def test_a_text_column_has_the_length_a_file_is_checked_against():
    assert DATASET_TABLES["documents"].c.title.type.length == 300
    assert isinstance(DATASET_TABLES["documents"].c.document_id.type, sa.String)


def test_the_declared_counts_get_their_table_and_are_written_with_the_rows():
    incidents = DATASETS["incidents"]
    cells = COUNTS_TABLES["incidents"]
    assert incidents.counts is not None
    assert set(incidents.counts.dimensions) | {"incidents", "rows", "batch_id"} <= set(cells.c.keys())
    assert tables_written_by("incidents") == [DATASET_TABLES["incidents"], cells]
    assert tables_written_by("training") == [DATASET_TABLES["training"]]
