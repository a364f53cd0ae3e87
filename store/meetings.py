"""Meeting records: what a board was shown at a meeting — its body, date, agenda item and quarter, the
batch every figure is read as of, and a hash of the configuration that shaped the figures. A record is
made once and never changed: the database refuses updates and deletes."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import sqlalchemy as sa

from domain import clock
from domain.configuration import DEFAULT_ORGANISATION, ORGANISATION_FOLDER, Config
from domain.roles import Actor, ensure
from domain.text_matching import fold
from domain.values import Invalid, parse_quarter
from store.access_log import write_event
from store.batches import latest_batch_id, take_write_lock
from store.schema import inserted_id, meeting_records
from store.scope import of_organisation

# The files whose content shapes the figures a board sees (accounts do not).
SHAPING_FILES = ("organisation", "areas", "kpis", "assessments", "app")


class MeetingError(Exception):
    """A record that cannot be made; the message is Swedish and names the value."""


@dataclass(frozen=True)
class MeetingRecord:
    id: int
    body: str
    meeting_date: dt.date
    item: str
    quarter: str
    title: str
    created_by: str
    created_at: dt.datetime
    batch_id: int
    config_sha256: str
    prepared_by: str | None = None  # the person the cover names (records made before it was asked: none)
    organisation: str = DEFAULT_ORGANISATION


def config_fingerprint(config: Config) -> str:
    """SHA-256 of the configuration files that shape the figures, as they are on disk."""
    digest = hashlib.sha256()
    own = config.directory / ORGANISATION_FOLDER / config.organisation.id
    for name in SHAPING_FILES:
        path = own / f"{name}.yaml"
        if not path.exists():  # the organisation's own file where it has one, else the shared one
            path = config.directory / f"{name}.yaml"
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.exists() else b"") + b"\0")
    return digest.hexdigest()


def create(
    engine: sa.Engine,
    config: Config,
    actor: Actor,
    *,
    body: str,
    meeting_date: str | dt.date,
    item: str,
    quarter: str,
    title: str = "",
    prepared_by: str = "",
) -> MeetingRecord:
    """Record a meeting as of the store's latest batch, with its access-log entry in the same transaction.
    `prepared_by` is the person the pack's cover names: the account's name in the app, `--prepared-by` on
    the command line (never the computer's user)."""
    ensure(actor, "record_meetings")
    unit = _unit(config, body)
    day = _day(meeting_date)
    item, title, prepared_by = item.strip(), title.strip(), prepared_by.strip()
    wrong = []  # every field that cannot be used, named at once
    if not item or len(item) > 40:
        wrong.append("Ange ärendets paragraf, till exempel '§ 88' (högst 40 tecken).")
    period = ""
    if not quarter.strip():
        wrong.append("Ange kvartalet som redovisas, till exempel 2025Q4.")
    else:
        try:
            period = parse_quarter(quarter)
        except Invalid as exc:
            wrong.append(f"Kvartalet '{quarter}' går inte att använda; förväntat {exc.expected}.")
    if len(title) > 300:
        wrong.append("Rubriken får vara högst 300 tecken.")
    if len(prepared_by) > 200:
        wrong.append("Namnet på den som förberett ärendet får vara högst 200 tecken.")
    if wrong:
        raise MeetingError(" ".join(wrong))
    with engine.begin() as connection:
        take_write_lock(connection)
        batch = latest_batch_id(connection)
        if batch == 0:
            raise MeetingError("Det finns inga data ännu; importera kvartalets filer innan mötet protokollförs.")
        record_id = inserted_id(
            connection.execute(
                meeting_records.insert().values(
                    body=unit,
                    meeting_date=day,
                    item=item,
                    quarter=period,
                    title=title or f"IT- och informationssäkerhet {period}",
                    created_by=actor.id[:300],
                    created_at=clock.now(),
                    batch_id=batch,
                    config_sha256=config_fingerprint(config),
                    prepared_by=prepared_by or None,
                )
            )
        )
        write_event(
            connection,
            actor.id,
            actor.role,
            "meeting_recorded",
            target=f"möte {record_id}",
            detail=f"{config.unit_names[unit]} {day.isoformat()} {item}, {period}, data per import nr {batch}",
        )
    record = find(engine, record_id)
    assert record is not None
    return record


def find(engine: sa.Engine, record_id: int) -> MeetingRecord | None:
    with engine.connect() as connection:
        row = connection.execute(
            sa.select(meeting_records).where(meeting_records.c.id == record_id, of_organisation(meeting_records))
        ).first()
    return None if row is None else MeetingRecord(**row._mapping)


def all_records(engine: sa.Engine) -> list[MeetingRecord]:
    """Newest meeting first."""
    query = (
        sa.select(meeting_records)
        .where(of_organisation(meeting_records))
        .order_by(meeting_records.c.meeting_date.desc(), meeting_records.c.id.desc())
    )
    with engine.connect() as connection:
        return [MeetingRecord(**row._mapping) for row in connection.execute(query)]


def newest_record_id(connection: sa.Connection) -> int:
    """The newest record's id, 0 when there is none."""
    return int(
        connection.execute(
            sa.select(sa.func.coalesce(sa.func.max(meeting_records.c.id), 0)).where(of_organisation(meeting_records))
        ).scalar_one()
    )


def previous(engine: sa.Engine, record: MeetingRecord) -> MeetingRecord | None:
    """The same body's meeting before this one, if any."""
    r = meeting_records.c
    earlier = sa.or_(
        r.meeting_date < record.meeting_date, sa.and_(r.meeting_date == record.meeting_date, r.id < record.id)
    )
    query = (
        sa.select(meeting_records)
        .where(of_organisation(meeting_records), r.body == record.body, earlier)
        .order_by(r.meeting_date.desc(), r.id.desc())
    )
    with engine.connect() as connection:
        row = connection.execute(query.limit(1)).first()
    return None if row is None else MeetingRecord(**row._mapping)


def _unit(config: Config, body: str) -> str:
    wanted = fold(body)
    for unit in config.organisation.units:
        if wanted in {fold(unit.id), fold(unit.name), *(fold(a) for a in unit.aliases)}:
            return unit.id
    raise MeetingError(f"Enheten '{body}' finns inte i organisation.yaml.")


def _day(value: str | dt.date) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise MeetingError(f"Datumet '{value}' går inte att använda; skriv det ÅÅÅÅ-MM-DD.") from None
