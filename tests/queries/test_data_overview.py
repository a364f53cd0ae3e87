"""Data och importer reads each dataset's extent from its declared counts where it has them, and its example
rows through the example batches: the figures are the same as counting the rows, on both stores, after an
own import replaces some example rows and after that import is undone."""

from __future__ import annotations

from domain.roles import operator
from ingest.demo import load_example_data
from ingest.imports import import_file, undo
from queries.data_overview import dataset_overview
from tests.conftest import write_csv

HEADER = "datum;enhet;allvarlighetsgrad;kategori;antal\n"


def _counted(store) -> dict[str, tuple[int, str, str, int]]:
    """Incidents and status counted row by row: the figures the overview must give without doing so."""
    found = {}
    with store.connect() as connection:
        for table, period in (("incidents", "month"), ("status", "period")):
            found[table] = connection.exec_driver_sql(
                f"SELECT count(*), min(t.{period}), max(t.{period}), "
                f"sum(CASE WHEN b.is_example THEN 1 ELSE 0 END) FROM {table} t "
                "JOIN import_batches b ON b.id = t.origin_batch_id WHERE t.superseded_by IS NULL"
            ).one()
    return {name: (int(r[0]), str(r[1]), str(r[2]), int(r[3])) for name, r in found.items()}


def _overview(store) -> dict[str, tuple[int, str, str, int]]:
    with store.connect() as connection:
        return {
            d.dataset: (d.rows, str(d.first_period), str(d.last_period), d.example_rows)
            for d in dataset_overview(connection)
            if d.dataset in ("incidents", "status")
        }


def test_the_overview_agrees_with_the_rows_after_an_own_import_and_its_undo(store, config, tmp_path):
    load_example_data(store, config)
    assert _overview(store) == _counted(store)
    example = _overview(store)["incidents"]
    rows = "2025-12;servicenamnden;Låg;IT-incident;3\n2026-01;mkb;Hög;IT-incident;1\n"
    own = write_csv(tmp_path / "inc.csv", HEADER + rows)
    result = import_file(store, config, "incidents", own, actor=operator("anna"))
    assert result.ok, result.messages()
    after = _overview(store)
    assert after == _counted(store)
    assert after["incidents"][2] == "2026-01" and after["incidents"][3] < example[3]  # example rows replaced
    undo(store, result.batch_id, actor=operator("anna"))
    assert _overview(store) == _counted(store) and _overview(store)["incidents"] == example


def test_the_critical_incidents_without_a_full_report_are_those_the_rule_finds(store, config):
    from queries.incidents import critical_incidents, critical_without_full_report
    from rules.incidents import report_completeness

    load_example_data(store, config)
    with store.connect() as connection:
        every = critical_incidents(connection, ())
        found = critical_without_full_report(connection)
    expected = every[~report_completeness(every)]
    assert len(found) == 8 and list(found["reference"]) == list(expected["reference"])
