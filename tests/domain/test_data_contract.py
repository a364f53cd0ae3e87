"""The data contract's column tables say what the declarations in domain/datasets/ say: every dataset has
its section, and each section lists the dataset's columns in order, with their Swedish headers and which
are required (the prose may add to the type column, never to the columns)."""

from __future__ import annotations

import re

import pytest

from domain.datasets import DATASETS
from tests.conftest import ROOT

CONTRACT = (ROOT / "docs" / "data-contract.md").read_text(encoding="utf-8")
_SECTION = re.compile(r"^### `(?P<name>\w+)` — .*$", re.M)
_ROW = re.compile(r"^\| (?P<canonical>\w+)(?P<star>\*?) \| (?P<swedish>[\wåäöÅÄÖ_]+) \|", re.M)


def _documented_columns(name: str) -> list[tuple[str, bool, str]]:
    """Every column row of every table under the dataset's headings (incidents has two)."""
    starts = [m for m in _SECTION.finditer(CONTRACT)]
    rows: list[tuple[str, bool, str]] = []
    for i, heading in enumerate(starts):
        if heading["name"] != name:
            continue
        end = starts[i + 1].start() if i + 1 < len(starts) else CONTRACT.index("\n## ", heading.end())
        section = CONTRACT[heading.end() : end]
        rows += [(m["canonical"], bool(m["star"]), m["swedish"]) for m in _ROW.finditer(section)]
    return [row for row in rows if row[0] != "canonical"]


@pytest.mark.parametrize("name", list(DATASETS))
def test_the_contract_lists_each_declared_column_with_its_swedish_header_and_requirement(name):
    declared = [(c.name, c.required, c.swedish) for c in DATASETS[name].columns]
    assert _documented_columns(name) == declared


def test_the_contract_documents_no_dataset_that_is_not_declared():
    assert {m["name"] for m in _SECTION.finditer(CONTRACT)} <= set(DATASETS)
