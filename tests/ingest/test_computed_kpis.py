"""One figure per fact: where the classification register holds a body's systems, `systems_classified` is
counted from the register, and an imported value that differs from it by more than half a point is refused
naming both figures."""

from __future__ import annotations

from domain.roles import operator
from ingest.demo import load_example_data
from ingest.imports import import_file
from queries import status
from tests.conftest import write_csv

HEADER = "period;enhet;nyckeltal;värde;täljare;nämnare\n"


def _import(store, config, tmp_path, text: str):
    return import_file(store, config, "kpis", write_csv(tmp_path / "nyckeltal.csv", HEADER + text), actor=operator("u"))


def _rows(store) -> int:
    with store.connect() as connection:
        return connection.exec_driver_sql("select count(*) from kpis").scalar()


def test_an_imported_value_off_the_register_is_refused_naming_both_figures(sqlite_store, config, tmp_path):
    load_example_data(sqlite_store, config)
    before = _rows(sqlite_store)
    r = _import(sqlite_store, config, tmp_path, "2025Q4;servicenamnden;systems_classified;64;;\n")
    assert not r.ok and _rows(sqlite_store) == before  # nothing saved
    (problem,) = r.problems
    assert (problem.row, problem.column, problem.value) == (2, "värde", "64 %")
    assert problem.expected == (
        "samma andel som registret Informationsklassning ger: 87,5 % (7 av 8 system klassade senast 2025-12-31); "
        "rätta nyckeltalet eller registret"
    )
    counted = _import(sqlite_store, config, tmp_path, "2025Q4;servicenamnden;systems_classified;;200;320\n")
    assert not counted.ok and counted.problems[0].value == "62,5 %"  # the value from the counts, compared
    assert _import(sqlite_store, config, tmp_path, "2025Q4;servicenamnden;systems_classified;87,8;;\n").ok


def test_the_kpi_is_counted_from_the_register_for_its_units_and_imported_for_the_others(sqlite_store, config, tmp_path):
    load_example_data(sqlite_store, config)
    assert _import(sqlite_store, config, tmp_path, "2025Q4;fritidsnamnden;systems_classified;;30;40\n").ok
    with sqlite_store.connect() as connection:
        mine = status.kpi_series(connection, ("servicenamnden",))
        theirs = status.kpi_series(connection, ("fritidsnamnden",))
        both = status.kpi_series(connection, ("servicenamnden", "fritidsnamnden"))
        provenance = status.kpi_provenance(connection, ("servicenamnden",))
    classified = mine[mine["kpi"] == "systems_classified"].set_index("period")
    # Ekonomisystem (2022-09-20), Personalsystem (2023-01-17) and Passersystem (2021-11-03) by 2023Q1
    assert classified.loc["2023Q1", ["numerator", "denominator"]].tolist() == [3, 8]
    assert classified.loc["2025Q4", ["numerator", "denominator"]].tolist() == [7, 8]
    assert len(classified) == 12  # every quarter the body reports KPIs for
    other = theirs[theirs["kpi"] == "systems_classified"]
    assert other[["period", "numerator", "denominator"]].values.tolist() == [["2025Q4", 30, 40]]
    summed = both[(both["kpi"] == "systems_classified") & (both["period"] == "2025Q4")].iloc[0]
    assert (summed["numerator"], summed["denominator"], summed["units"]) == (37, 48, 2)  # a rate from counts
    latest = provenance[provenance["kpi"] == "systems_classified"].iloc[0]
    assert (latest["period"], latest["numerator"], latest["source"]) == ("2025Q4", 7, "exempeldata/classifications.csv")
