"""The incident reporting columns: times to the minute in Swedish time, a report before the detection
refused with the cell named, and files without the columns imported as before."""

from __future__ import annotations

import datetime as dt

from domain.roles import operator
from ingest.imports import import_file
from store.schema import DATASET_TABLES
from tests.conftest import write_csv

incidents = DATASET_TABLES["incidents"]

HEADER = "datum;enhet;allvarlighetsgrad;kategori;ärendenummer;upptäckt;betydande;tidig_varning;incidentanmälan\n"


def test_times_are_stored_to_the_minute(sqlite_store, config, tmp_path):
    path = write_csv(
        tmp_path / "i.csv",
        HEADER + "2025-10-14;servicenamnden;Kritisk;IT;INC-1;2025-10-14 07:40;Ja;2025-10-14T15:00;2025-10-18 10.00\n",
    )
    assert import_file(sqlite_store, config, "incidents", path, actor=operator("u")).ok
    with sqlite_store.connect() as c:
        row = c.execute(incidents.select()).mappings().one()
    assert row["detected_at"] == dt.datetime(2025, 10, 14, 7, 40) and row["significant"] is True
    assert row["early_warning_at"] == dt.datetime(2025, 10, 14, 15, 0)
    assert row["notification_at"] == dt.datetime(2025, 10, 18, 10, 0)


def test_a_report_before_the_detection_and_a_time_that_is_not_one_are_refused(sqlite_store, config, tmp_path):
    path = write_csv(
        tmp_path / "fel.csv",
        HEADER
        + "2025-10-14;servicenamnden;Kritisk;IT;INC-1;2025-10-14 07:40;Ja;2025-10-14 07:00;\n"
        + "2025-10-14;servicenamnden;Kritisk;IT;INC-2;i morse;Ja;;\n",
    )
    result = import_file(sqlite_store, config, "incidents", path, actor=operator("u"))
    assert [(p.row, p.column, p.value) for p in result.problems] == [
        (2, "tidig_varning", "2025-10-14 07:00"),
        (3, "upptäckt", "i morse"),
    ]
    assert result.problems[0].expected == "en tidpunkt efter upptäckten (2025-10-14 07:40)"
    assert result.problems[1].expected.startswith("en tidpunkt skriven ÅÅÅÅ-MM-DD TT:MM")
