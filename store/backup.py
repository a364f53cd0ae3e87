"""A backup of the whole store in one file, and the store restored from it: every import, meeting record,
link, account and the access log, as they were.

SQLite is copied with its own online backup (the app may keep running: readers and the WAL are
respected), PostgreSQL with `pg_dump`'s custom format and `pg_restore`. A restore only goes into an empty
store (nothing is ever overwritten), then brings the schema up to date, so a backup made by an older
version opens in this one. Messages are Swedish and say what to do.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from store.access_log import write_event
from store.engine import create_store_engine, migrate
from store.schema import access_log, import_batches, meeting_records
from store.scope import EVERY_ORGANISATION, scoped


class BackupError(Exception):
    """A backup or restore that cannot be made; the message says why in Swedish."""


@dataclass(frozen=True)
class Contents:
    """What a store holds that must never be lost: its imports, meeting records and access-log rows."""

    imports: int
    meetings: int
    events: int

    def words(self) -> str:
        return f"{self.imports} importer, {self.meetings} mötesprotokoll, {self.events} händelser i åtkomstloggen"


def contents(connection: sa.Connection) -> Contents:
    def count(table: sa.Table) -> int:
        return int(connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())

    return Contents(count(import_batches), count(meeting_records), count(access_log))


def backup(engine: sa.Engine, target: Path, *, actor: str, role: str | None) -> Contents:
    """Every organisation's rows (the installation's backup; logged as the installation's event)."""
    with scoped(EVERY_ORGANISATION):
        return _backup(engine, target, actor=actor, role=role)


def _backup(engine: sa.Engine, target: Path, *, actor: str, role: str | None) -> Contents:
    """Copy the store at `engine` to the new file `target`; the copy is logged in the store afterwards."""
    if target.exists():
        raise BackupError(f"{target} finns redan. Välj ett nytt filnamn; en säkerhetskopia skrivs aldrig över.")
    if not target.parent.is_dir():
        raise BackupError(f"Mappen {target.parent} finns inte. Skapa den eller välj en annan plats.")
    with engine.connect() as connection:
        held = contents(connection)
    if engine.dialect.name == "sqlite":
        _sqlite_backup(_sqlite_path(engine), target)
    elif engine.dialect.name == "postgresql":
        _run_pg("pg_dump", "--format=custom", "--no-owner", "--enable-row-security", f"--file={target}", engine=engine)
    else:
        raise BackupError(f"Säkerhetskopior görs för SQLite och PostgreSQL, inte för {engine.dialect.name}.")
    with engine.begin() as connection:
        write_event(connection, actor, role, "backup", target=str(target), detail=held.words())
    return held


def restore(url: str, source: Path, *, actor: str, role: str | None) -> Contents:
    """Every organisation's rows, as `backup` took them."""
    with scoped(EVERY_ORGANISATION):
        return _restore(url, source, actor=actor, role=role)


def _restore(url: str, source: Path, *, actor: str, role: str | None) -> Contents:
    """The store at `url`, empty until now, as it was when `source` was made; then migrated and logged.
    The file is checked before the store is touched: a wrong file leaves nothing behind."""
    if not source.is_file():
        raise BackupError(f"Filen {source} finns inte.")
    engine = create_store_engine(url)
    try:
        if engine.dialect.name == "sqlite":
            _check_sqlite_backup(source)
            if _sqlite_path(engine).exists():
                _refuse_unless_empty(engine)
            engine.dispose()  # no pooled connection holds the empty store while it is replaced
            _sqlite_restore(source, _sqlite_path(engine))
        elif engine.dialect.name == "postgresql":
            _run_pg("pg_restore", "--list", str(source), engine=None)
            _refuse_unless_empty(engine)
            _drop_empty_tables(engine)
            restoring = (
                "--no-owner",
                "--clean",
                "--if-exists",
                "--exit-on-error",
                "--single-transaction",
                "--enable-row-security",
            )
            _run_pg("pg_restore", *restoring, str(source), engine=engine)
        else:
            raise BackupError(f"Återläsning görs till SQLite och PostgreSQL, inte till {engine.dialect.name}.")
        migrate(engine)
        with engine.begin() as connection:
            held = contents(connection)
            write_event(connection, actor, role, "restore", target=str(source), detail=held.words())
        return held
    finally:
        engine.dispose()


def _refuse_unless_empty(engine: sa.Engine) -> None:
    """Nothing is overwritten: a store with any row in any table is left as it is."""
    inspector = sa.inspect(engine)
    with engine.connect() as connection:
        for name in inspector.get_table_names():
            if name == "alembic_version":
                continue
            table = sa.table(name)
            if connection.execute(sa.select(sa.literal(1)).select_from(table).limit(1)).first() is not None:
                raise BackupError(
                    "Lagret har redan data och skrivs aldrig över. Läs tillbaka till ett tomt lager: "
                    "sätt DASHBOARD_DB_URL till en ny SQLite-fil eller en ny, tom PostgreSQL-databas."
                )


def _sqlite_path(engine: sa.Engine) -> Path:
    database = engine.url.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        raise BackupError("Lagret är inte en SQLite-fil; ange en fil i DASHBOARD_DB_URL.")
    return Path(database)


def _sqlite_backup(source: Path, target: Path) -> None:
    """SQLite's online backup into a file beside the target, checked, then moved into place."""
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(handle)
    partial = Path(name)
    try:
        with closing(sqlite3.connect(source)) as live, closing(sqlite3.connect(partial)) as copy:
            live.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
            if copy.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise BackupError(f"Kopian av {source} blev inte hel. Försök igen; lagret är orört.")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _check_sqlite_backup(source: Path) -> None:
    try:
        with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as backup_file:
            tables = {row[0] for row in backup_file.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{source} är ingen säkerhetskopia av lagret: det är ingen SQLite-fil.") from error
    if not {"alembic_version", "import_batches", "access_log"} <= tables:
        raise BackupError(f"{source} är ingen säkerhetskopia av lagret (dess tabeller saknas).")


def _sqlite_restore(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with (
        closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as backup_file,
        closing(sqlite3.connect(target)) as store,
    ):
        backup_file.backup(store)
        store.execute("PRAGMA journal_mode=WAL")  # as the store runs (the copy is a single file)


def _drop_empty_tables(engine: sa.Engine) -> None:
    """An empty but migrated PostgreSQL store gives way to the backup's own tables (checked empty above);
    the backup's functions replace the store's (pg_restore --clean)."""
    tables = sa.MetaData()
    tables.reflect(engine)
    tables.drop_all(engine)


def _run_pg(program: str, *arguments: str, engine: sa.Engine | None) -> None:
    """pg_dump or pg_restore, on the store's database when `engine` is given; the password goes in the
    environment, never in the arguments (which any user of the machine can list)."""
    found = shutil.which(program)
    if found is None:
        raise BackupError(f"{program} saknas. Installera PostgreSQL:s klientprogram (Debian: postgresql-client).")
    environment = dict(os.environ)
    # Every organisation's rows: row-level security lets a connection see the organisation it names.
    environment["PGOPTIONS"] = f"-c app.organisation={EVERY_ORGANISATION}"
    if engine is not None:
        url = engine.url
        address = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
        arguments = (*arguments, f"--dbname={address}")
        if url.password:
            environment["PGPASSWORD"] = str(url.password)
    done = subprocess.run([found, *arguments], env=environment, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        said = next((line for line in lines if "error" in line), lines[-1] if lines else f"slutkod {done.returncode}")
        raise BackupError(f"{program} misslyckades: {said}")
