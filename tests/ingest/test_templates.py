"""The templates a controller downloads: each accepts its own example row, and the Excel one offers a list
for every coded column, from which a filled-in row imports without an error."""

from __future__ import annotations

import io
import tempfile
from functools import cache
from pathlib import Path

import openpyxl
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.allowed_values import allowed_values
from domain.configuration import load_config
from domain.datasets import DATASETS
from domain.roles import operator
from ingest.exports import template_csv, template_xlsx
from ingest.imports import import_file
from store.engine import open_store
from tests.conftest import ROOT

CONFIG = load_config(ROOT / "config")


@cache
def _store_with_the_example_recommendation() -> sa.Engine:
    """A store where the recommendation the update template names exists."""
    folder = Path(tempfile.mkdtemp())
    engine = open_store(f"sqlite:///{folder / 'store.db'}")
    path = folder / "recommendations.csv"
    path.write_bytes(template_csv("recommendations") + b"\n")  # not the template's own bytes: checked anew
    assert import_file(engine, CONFIG, "recommendations", path, actor=operator("u")).ok
    return engine


@settings(max_examples=len(DATASETS) * 2, deadline=None)
@given(dataset=st.sampled_from(list(DATASETS)), kind=st.sampled_from(["csv", "xlsx"]))
def test_every_template_accepts_its_own_example_row(dataset, kind):
    folder = Path(tempfile.mkdtemp())
    path = folder / f"mall-{dataset}.{kind}"
    path.write_bytes(template_csv(dataset) if kind == "csv" else _filled_in(dataset))
    result = import_file(
        _store_with_the_example_recommendation(), CONFIG, dataset, path, actor=operator("u"), dry_run=True
    )
    assert result.ok and result.rows == 1, result.messages()


def _filled_in(dataset: str) -> bytes:
    """The Excel template with the instructions' example row typed into the data sheet."""
    book = openpyxl.load_workbook(io.BytesIO(template_xlsx(dataset, CONFIG)))
    example = [row[4].value for row in book["Instruktioner"].iter_rows(min_row=2)]
    book[DATASETS[dataset].title].append(example)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _lists(book: openpyxl.Workbook, sheet_name: str) -> dict[str, list[str]]:
    """Header → the values its drop-down offers, read from the workbook as Excel would."""
    data, lists = book[sheet_name], book["Listor"]
    header = [c.value for c in data[1]]
    offered: dict[str, list[str]] = {}
    for validation in data.data_validations.dataValidation:
        column = next(iter(validation.sqref.ranges)).min_col
        _, reference = validation.formula1.split("!")
        first, last = reference.replace("$", "").split(":")
        offered[header[column - 1]] = [c.value for (c,) in lists[f"{first}:{last}"]]
    return offered


def test_a_row_filled_in_from_the_excel_lists_imports_without_an_error(tmp_path):
    engine = _store_with_the_example_recommendation()
    for dataset, chosen in DATASETS.items():
        book = openpyxl.load_workbook(io.BytesIO(template_xlsx(dataset, CONFIG)))
        assert book.sheetnames[0] == chosen.title and "Instruktioner" in book.sheetnames
        offered = _lists(book, chosen.title)
        coded = [c.swedish for c in chosen.columns if allowed_values(c, CONFIG) is not None]
        assert sorted(offered) == sorted(coded), dataset
        sheet = book[chosen.title]
        assert sheet.max_row == 1, dataset  # headers only: no example that reads as real figures
        example = [row[4].value for row in book["Instruktioner"].iter_rows(min_row=2)]
        for index, column in enumerate(chosen.columns, start=1):
            if column.swedish in offered:
                choices = offered[column.swedish]
                pick = choices[-1] if column.kind.name == "unit" else choices[0]  # a company; the first of the rest
                sheet.cell(row=2, column=index, value=pick)
            else:
                sheet.cell(row=2, column=index, value=example[index - 1])
        path = tmp_path / f"ifylld-{dataset}.xlsx"
        book.save(path)
        result = import_file(engine, CONFIG, dataset, path, actor=operator("u"), dry_run=True)
        assert result.ok, (dataset, result.messages())
