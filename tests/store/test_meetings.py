"""Meeting records: made once as of the latest batch, logged, and never changed (store tests on both databases)."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from domain.roles import Actor, Forbidden, operator
from ingest.imports import import_file
from store import meetings
from store.schema import access_log, meeting_records
from tests.conftest import write_csv

CONTROLLER = operator("anna (kommandorad)")


def _data(store, config, tmp_path) -> int:
    path = write_csv(tmp_path / "s.csv", "period;enhet;område;status\n2025Q4;servicenamnden;governance;Gul\n")
    return import_file(store, config, "status", path, actor=CONTROLLER).batch_id


def test_a_record_is_read_as_of_the_latest_batch_and_logged(store, config, tmp_path):
    batch = _data(store, config, tmp_path)
    record = meetings.create(
        store, config, CONTROLLER, body="Servicenämnden", meeting_date="2026-10-22", item="§ 88", quarter="2025-Q4"
    )
    assert (record.body, record.meeting_date, record.item, record.quarter) == (
        "servicenamnden",
        dt.date(2026, 10, 22),
        "§ 88",
        "2025Q4",
    )
    assert record.batch_id == batch and len(record.config_sha256) == 64
    assert record.title == "IT- och informationssäkerhet 2025Q4"
    assert meetings.all_records(store) == [record]
    with store.connect() as c:
        event = c.execute(
            sa.select(access_log.c.event, access_log.c.target).where(access_log.c.event == "meeting_recorded")
        ).one()
    assert tuple(event) == ("meeting_recorded", f"möte {record.id}")


def test_the_database_refuses_to_change_or_remove_a_record(store, config, tmp_path):
    _data(store, config, tmp_path)
    meetings.create(
        store, config, CONTROLLER, body="servicenamnden", meeting_date="2026-10-22", item="§ 88", quarter="2025Q4"
    )
    for statement in (meeting_records.update().values(batch_id=999), meeting_records.delete()):
        with pytest.raises(sa.exc.DBAPIError), store.begin() as c:
            c.execute(statement)
    assert meetings.all_records(store)[0].batch_id != 999


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("body", "Servicenämden", "Enheten 'Servicenämden' finns inte"),
        ("meeting_date", "22/10/2026", "Datumet '22/10/2026' går inte att använda"),
        ("quarter", "Q5 2025", "Kvartalet 'Q5 2025' går inte att använda"),
        ("item", " ", "Ange ärendets paragraf"),
    ],
)
def test_a_bad_value_is_refused_in_swedish_and_nothing_is_recorded(
    sqlite_store, config, tmp_path, field, value, message
):
    _data(sqlite_store, config, tmp_path)
    values = {"body": "servicenamnden", "meeting_date": "2026-10-22", "item": "§ 88", "quarter": "2025Q4"} | {
        field: value
    }
    with pytest.raises(meetings.MeetingError, match=message):
        meetings.create(sqlite_store, config, CONTROLLER, **values)
    assert meetings.all_records(sqlite_store) == []


def test_only_controllers_and_administrators_record_and_never_an_empty_store(sqlite_store, config, tmp_path):
    values = {"body": "servicenamnden", "meeting_date": "2026-10-22", "item": "§ 88", "quarter": "2025Q4"}
    with pytest.raises(meetings.MeetingError, match="inga data"):
        meetings.create(sqlite_store, config, CONTROLLER, **values)
    _data(sqlite_store, config, tmp_path)
    with pytest.raises(Forbidden):
        meetings.create(sqlite_store, config, Actor(id="bo", name="Bo", role="viewer", kind="local"), **values)


def test_an_empty_form_names_every_missing_field_at_once(sqlite_store, config, tmp_path):
    _data(sqlite_store, config, tmp_path)
    with pytest.raises(meetings.MeetingError) as refused:
        meetings.create(
            sqlite_store, config, CONTROLLER, body="servicenamnden", meeting_date="2026-10-22", item="", quarter=""
        )
    assert str(refused.value) == (
        "Ange ärendets paragraf, till exempel '§ 88' (högst 40 tecken). "
        "Ange kvartalet som redovisas, till exempel 2025Q4."
    )
    assert meetings.all_records(sqlite_store) == []
