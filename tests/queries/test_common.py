"""The frames that cross from queries to rules and view models have declared columns: every query that
answers with a frame says which, and an answer that drifts from them is refused where it is asked."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pandas as pd
import pytest

import queries
from queries.common import returns

DYNAMIC = {"queries.explore.explore"}  # Utforska's columns are the groupings the link asks for


def _frame_queries() -> list[object]:
    found = []
    for module in pkgutil.iter_modules(queries.__path__):
        loaded = importlib.import_module(f"queries.{module.name}")
        for name, function in inspect.getmembers(loaded, inspect.isfunction):
            ours = function.__module__ == loaded.__name__ and not name.startswith("_")
            if (
                ours
                and "DataFrame" in str(inspect.signature(function).return_annotation)
                and name not in ("frame", "returns")
            ):
                found.append(function)
    return found


@pytest.mark.parametrize("query", _frame_queries(), ids=lambda q: f"{q.__module__}.{q.__qualname__}")
def test_every_frame_a_query_answers_with_has_declared_columns(query):
    if f"{query.__module__}.{query.__qualname__}" in DYNAMIC:
        return
    assert getattr(query, "columns", None), "declare the columns with @returns(...)"


def test_an_answer_with_other_columns_than_declared_is_refused():
    @returns("year", "count")
    def drifted() -> pd.DataFrame:
        return pd.DataFrame({"year": [2025], "antal": [3]})

    with pytest.raises(TypeError, match=r"drifted gav kolumnerna \('year', 'antal'\)"):
        drifted()
    assert drifted.columns == ("year", "count")
