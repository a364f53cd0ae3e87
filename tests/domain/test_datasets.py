"""Every dataset is one declaration that holds together: its keys, scope, references, counts and Utforska's
dimensions name columns it has; its example file exists; a referenced dataset comes first in every list."""

from __future__ import annotations

import pytest

from domain.datasets import DATASETS
from domain.declarations import RowContext
from ingest.validation import Validator
from tests.conftest import ROOT

EXAMPLE_DATA = ROOT / "ingest" / "example_data"


def _stored(name: str) -> set[str]:
    dataset = DATASETS[name]
    return {c.stored_name for c in dataset.columns} | {s.name for s in dataset.stored}


@pytest.mark.parametrize("name", list(DATASETS))
def test_a_declaration_names_only_columns_it_has(name):
    dataset = DATASETS[name]
    columns = {c.name for c in dataset.columns}
    assert set(dataset.keys) <= columns
    assert set(dataset.required) <= columns
    assert set(dataset.scope) <= _stored(name)
    assert dataset.period_column is None or dataset.period_column in _stored(name)
    for reference in dataset.references:
        assert reference.column in columns
        assert reference.stored_column in _stored(reference.dataset)
        assert DATASETS[reference.dataset].position < dataset.position  # imported first
    if dataset.counts is not None:
        assert set(dataset.counts.dimensions) | {dataset.counts.total} <= _stored(name)
        assert set(dataset.counts.preview_keys) <= set(dataset.counts.dimensions)
    if dataset.explore is not None:
        assert set(dataset.explore.dimensions) <= _stored(name)
    assert (EXAMPLE_DATA / dataset.example_file).is_file()


def test_each_dataset_has_its_own_place_in_the_lists():
    positions = [d.position for d in DATASETS.values()]
    assert positions == sorted(positions) and len(set(positions)) == len(positions)


def test_the_row_rules_give_every_stored_column_of_a_valid_row(config):
    """The example row of each template, parsed and through its rules, fills the store's columns."""
    for name, dataset in DATASETS.items():
        if dataset.references:
            continue  # its ids must be in the store first
        header = [c.swedish for c in dataset.columns]
        row = [c.example for c in dataset.columns]
        validator = Validator(dataset, RowContext(config), header)
        stored = validator.check([(2, row)])
        assert validator.problems == [], (name, validator.problems)
        assert stored is not None and _stored(name) <= set(stored), name
