"""The import page's words: every error as a row, the size limit, the columns of a template."""

from __future__ import annotations

from ingest.imports import ImportResult
from ingest.validation import Problem
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


def test_the_column_help_lists_names_and_the_allowed_values(config):
    help_table = vm.column_help("status", config).set_index("Kolumn")
    assert help_table.loc["enhet", "Engelskt namn"] == "unit" and help_table.loc["enhet", "Obligatorisk"] == "ja"
    assert help_table.loc["status", "Värden eller format"] == "Grön, Gul, Röd"
    assert "Servicenämnden" in help_table.loc["enhet", "Värden eller format"]
    assert help_table.loc["period", "Värden eller format"] == "kvartal, till exempel 2025Q3"
