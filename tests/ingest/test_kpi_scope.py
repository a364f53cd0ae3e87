"""A KPI file replaces exactly the KPIs it names (scope period × unit × KPI), also in a store whose rows
were imported when the scope was period × unit."""

from __future__ import annotations

import sqlalchemy as sa

from domain.roles import operator
from ingest.imports import import_file
from store.schema import DATASET_TABLES
from tests.conftest import write_csv

kpis = DATASET_TABLES["kpis"]

HEADER = "period;enhet;nyckeltal;värde;täljare;nämnare\n"
ALL_FOUR = (
    "2025Q4;servicenamnden;training_completion;;20000;24500\n"
    "2025Q4;servicenamnden;mfa_coverage;;29760;31000\n"
    "2025Q4;servicenamnden;critical_patches_overdue;2;;\n"
    "2025Q4;servicenamnden;systems_classified;64;;\n"
)
THREE = (
    "2025Q4;servicenamnden;training_completion;;21000;24500\n"
    "2025Q4;servicenamnden;mfa_coverage;;30000;31000\n"
    "2025Q4;servicenamnden;phishing_click_rate;12;;\n"
)


def _current(store) -> dict[str, float]:
    with store.connect() as c:
        rows = c.execute(sa.select(kpis.c.kpi, kpis.c.value).where(kpis.c.superseded_by.is_(None))).all()
    return {kpi: round(value, 1) for kpi, value in rows}


def test_a_file_of_three_kpis_leaves_the_quarters_other_kpis_current(store, config, tmp_path):
    import_file(store, config, "kpis", write_csv(tmp_path / "a.csv", HEADER + ALL_FOUR), actor=operator("u"))
    preview = import_file(
        store, config, "kpis", write_csv(tmp_path / "b.csv", HEADER + THREE), actor=operator("u"), dry_run=True
    )
    assert preview.rows_superseded == 2  # training and MFA; phishing is new
    done = import_file(store, config, "kpis", write_csv(tmp_path / "b.csv", HEADER + THREE), actor=operator("u"))
    assert done.rows_superseded == 2
    assert _current(store) == {
        "training_completion": 85.7,
        "mfa_coverage": 96.8,
        "phishing_click_rate": 12.0,
        "critical_patches_overdue": 2.0,
        "systems_classified": 64.0,
    }


def test_rows_imported_under_the_older_scope_are_replaced_per_kpi(store, config, tmp_path):
    import_file(store, config, "kpis", write_csv(tmp_path / "a.csv", HEADER + ALL_FOUR), actor=operator("u"))
    with store.begin() as c:  # as a store from before the change holds them
        c.execute(kpis.update().values(scope_key=kpis.c.period + "|" + kpis.c.unit))
    import_file(store, config, "kpis", write_csv(tmp_path / "b.csv", HEADER + THREE), actor=operator("u"))
    assert set(_current(store)) == {
        "training_completion",
        "mfa_coverage",
        "phishing_click_rate",
        "critical_patches_overdue",
        "systems_classified",
    }
    assert _current(store)["mfa_coverage"] == 96.8


def test_a_count_kpi_with_decimals_is_an_error_and_a_fraction_for_a_percentage_is_questioned(store, config, tmp_path):
    header = "period;enhet;nyckeltal;värde\n"
    count = write_csv(tmp_path / "c.csv", header + "2025Q4;mkb;critical_patches_overdue;2,5\n")
    refused = import_file(store, config, "kpis", count, actor=operator("u"))
    assert refused.outcome == "invalid"
    assert [(p.row, p.column, p.value) for p in refused.problems] == [(2, "värde", "2,5")]
    assert "ett heltal" in refused.problems[0].expected
    fraction = write_csv(tmp_path / "f.csv", header + "2025Q4;mkb;mfa_coverage;0,96\n")
    checked = import_file(store, config, "kpis", fraction, actor=operator("u"), dry_run=True)
    assert checked.outcome == "valid"
    assert [p.expected for p in checked.questioned] == ["0,96 ser ut som en andel; menade du 96 %?"]
    assert "f.csv, rad 2, kolumn värde: 0,96 ser ut som en andel; menade du 96 %?" in checked.warnings
    assert import_file(store, config, "kpis", fraction, actor=operator("u")).outcome == "imported"  # confirmed past
