"""The shape of the code: the root reads as the stack, each layer imports only those below it, Streamlit
stays in the entry point, views/ and ui/, and no pages/ folder lets Streamlit run views before sign-in."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

# Top to bottom; a module may import its own layer and the ones below it, never one above.
LAYERS = (
    "dashboard",
    "command_line",
    "views",
    "ui",
    "outputs",
    "view_models",
    "charts",
    "rules",
    "queries",
    "ingest",
    "access",
    "store",
    "data_sources",  # only `python -m data_sources`, handed over to command_line.py
    "domain",
)
ENTRY_POINTS = ("dashboard", "command_line")  # files at the root, at the top of the stack
PROJECT_FILES = {
    "Makefile",
    "README.md",
    "pyproject.toml",
    "constraints.txt",
    "requirements.txt",
    "requirements-dev.txt",
}
OTHER_FOLDERS = {"bench", "config", "docs", "migrations", "scripts", "tests", "data", "__pycache__"}


def _modules() -> list[Path]:
    entries = [ROOT / f"{name}.py" for name in ENTRY_POINTS]
    return [*entries, *(p for layer in LAYERS if layer not in ENTRY_POINTS for p in (ROOT / layer).rglob("*.py"))]


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names & set(LAYERS)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_import_runs_from_a_lower_layer_to_a_higher_one(path):
    # The entry points (dashboard.py, command_line.py) stand above every layer; `python -m data_sources`
    # hands over to command_line.py by name (runpy), so data_sources imports nothing above it.
    layer = path.relative_to(ROOT).parts[0].removesuffix(".py")
    upward = {name for name in _imported(path) if LAYERS.index(name) < LAYERS.index(layer)}
    assert not upward, f"{path.relative_to(ROOT)} imports {sorted(upward)}, which lie above {layer}"


def test_the_root_holds_the_entry_point_and_the_layers_only():
    loose = [
        p.name
        for p in ROOT.iterdir()
        if not p.name.startswith(".")
        and p.name not in PROJECT_FILES
        and p.name not in OTHER_FOLDERS
        and p.name not in {f"{layer}.py" if layer in ENTRY_POINTS else layer for layer in LAYERS}
    ]
    assert loose == [], f"loose at the root: {loose}"


def test_there_is_no_pages_folder_that_streamlit_would_run_before_sign_in():
    # Streamlit 1.67 lists and runs a pages/ folder's scripts next to the main script for a visitor who
    # has not signed in, until some session has called st.navigation. The views live in views/.
    assert not (ROOT / "pages").exists()


def _ruff_on_streamlit_import_in(place: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--stdin-filename", place, "-"],
        input="import streamlit as st\n\nst.write(1)\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


@pytest.mark.parametrize(
    "place", ["rules/probe.py", "view_models/probe.py", "ingest/probe.py", "store/probe.py", "domain/p.py"]
)
def test_ruff_refuses_streamlit_below_the_ui(place):
    checked = _ruff_on_streamlit_import_in(place)
    assert checked.returncode == 1 and "TID251" in checked.stdout


@pytest.mark.parametrize("place", ["ui/probe.py", "views/probe.py", "dashboard.py"])
def test_ruff_allows_streamlit_in_the_ui_and_the_views(place):
    checked = _ruff_on_streamlit_import_in(place)
    assert checked.returncode == 0, checked.stdout


def test_each_view_has_one_name_in_every_layer():
    from domain.roles import VIEWS

    for view in VIEWS:
        assert (ROOT / view.script).exists()
        assert (ROOT / "view_models" / f"{view.name}.py").exists(), f"view_models/{view.name}.py"


APP_FOLDERS = tuple(layer for layer in LAYERS if layer not in ENTRY_POINTS)


def _app_modules() -> list[Path]:
    return [
        *(ROOT / f"{name}.py" for name in ENTRY_POINTS),
        *(p for d in APP_FOLDERS for p in (ROOT / d).rglob("*.py")),
    ]


@pytest.mark.parametrize("path", _app_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_app_module_is_over_600_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 600


def test_a_dataset_is_named_in_at_most_three_app_modules():
    """Its declaration, its view's declaration and what only it has; every list of datasets comes from
    iterating the declarations, so adding one touches no generic code."""
    import re

    from domain.datasets import DATASETS

    # The first release's ids are also ordinary words of the code: the status column and view, the KPIs'
    # configuration file, the incident view, the recommendations view.
    first_release = {"status", "kpis", "incidents", "recommendations"}
    for name in set(DATASETS) - first_release:
        quoted = re.compile(rf"""["']{name}["']""")
        naming = [p.relative_to(ROOT) for p in _app_modules() if quoted.search(p.read_text(encoding="utf-8"))]
        assert len(naming) <= 3, (name, naming)


@pytest.mark.parametrize("path", [*(ROOT / "views").glob("*.py"), *(ROOT / "ui").glob("*.py")], ids=lambda p: p.name)
def test_every_list_to_choose_from_has_a_swedish_placeholder(path):
    """Streamlit's own placeholder is English ("Choose an option"); every selectbox and multiselect names its own."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        choosing = isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        if choosing and node.func.attr in ("selectbox", "multiselect"):
            assert any(k.arg == "placeholder" for k in node.keywords), f"{path.name}:{node.lineno}"
