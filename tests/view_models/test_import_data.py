"""The import page's words: every error as a row, the size limit, the columns of a template."""

from __future__ import annotations

from data_sources.imports import ImportResult
from data_sources.validation import Problem
from view_models import import_data as vm


def test_every_problem_is_a_row_with_row_column_value_and_expectation():
    result = ImportResult(
        "invalid",
        "status",
        "status.csv",
        problems=[Problem(3, "enhet", "Servicenämden", "en enhet som finns")],
        problem_count=1,
    )
    assert vm.problem_table(result).to_dict("records") == [
        {"Rad": "3", "Kolumn": "enhet", "Värde": "Servicenämden", "Förväntat": "en enhet som finns"}
    ]


def test_a_file_error_is_one_row():
    result = ImportResult("invalid", "status", "s.xlsx", file_error="Filen går inte att läsa", problem_count=1)
    assert vm.problem_table(result).iloc[0]["Förväntat"] == "Filen går inte att läsa"


def test_the_column_help_lists_the_swedish_and_english_names():
    help_table = vm.column_help("status")
    assert {"Kolumn": "enhet", "Engelskt namn": "unit", "Obligatorisk": "ja"}.items() <= help_table.iloc[
        1
    ].to_dict().items()
