"""What an import borrows from the process it runs in is given back, whatever the outcome.

An import pauses Python's cycle collector for speed; a server that kept it paused would slowly fill
its memory with unreclaimed cycles, so the collector must be running again after every import.
"""

from __future__ import annotations

import gc

import pytest

from domain.roles import operator
from ingest.imports import import_file
from tests.conftest import write_csv

HEADER = "datum;enhet;allvarlighetsgrad;kategori;rubrik\n"


@pytest.mark.parametrize(
    ("row", "outcome"),
    [("2025-01-05;servicenamnden;Låg;IT-incident;Skrivaren\n", "imported"), ("2025-13-05;x;y;z;\n", "invalid")],
)
def test_the_cycle_collector_is_paused_while_importing_and_running_again_after(
    sqlite_store, config, tmp_path, row, outcome
):
    seen_during: list[bool] = []
    path = write_csv(tmp_path / "incidenter.csv", HEADER + row)
    assert gc.isenabled()
    result = import_file(
        sqlite_store,
        config,
        "incidents",
        path,
        actor=operator("u"),
        progress=lambda _rows: seen_during.append(gc.isenabled()),
    )
    assert result.outcome == outcome
    assert seen_during == [False]
    assert gc.isenabled()


def test_an_import_does_not_turn_on_a_collector_someone_else_paused(sqlite_store, config, tmp_path):
    path = write_csv(tmp_path / "incidenter.csv", HEADER + "2025-01-05;servicenamnden;Låg;IT-incident;\n")
    gc.disable()
    try:
        assert import_file(sqlite_store, config, "incidents", path, actor=operator("u")).outcome == "imported"
        assert not gc.isenabled()
    finally:
        gc.enable()
