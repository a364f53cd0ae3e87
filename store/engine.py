"""Opening the store: the engine for `DASHBOARD_DB_URL`, SQLite's settings, and migrations to head.

The one place that creates engines; everything else is handed one.
"""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config as AlembicConfig

from store.scope import EVERY_ORGANISATION, current_organisation, scoped

DEFAULT_DB_URL = "sqlite:///data/dashboard.db"
PROJECT_DIR = Path(__file__).resolve().parent.parent
MIGRATIONS_DIR = PROJECT_DIR / "migrations"


def database_url() -> str:
    return os.environ.get("DASHBOARD_DB_URL", DEFAULT_DB_URL)


def create_store_engine(url: str | None = None) -> sa.Engine:
    """An engine for the store; SQLite gets WAL, foreign keys and its folder created."""
    url = url or database_url()
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": 30})
        sa.event.listen(engine, "connect", _sqlite_settings)
        return engine
    engine = sa.create_engine(url, pool_pre_ping=True)
    sa.event.listen(engine, "checkout", _name_organisation)
    return engine


def _name_organisation(dbapi_connection: object, _record: object, _proxy: object) -> None:
    """The organisation this connection may read and write, for PostgreSQL's row-level security: the
    current one of the thread that takes the connection from the pool."""
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("SELECT set_config('app.organisation', %s, false)", (current_organisation(),))
    cursor.close()


def _sqlite_settings(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def alembic_config(engine: sa.Engine) -> AlembicConfig:
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def migrate(engine: sa.Engine) -> None:
    """Bring the schema to the newest migration; existing data is kept by every migration."""
    with scoped(EVERY_ORGANISATION):
        command.upgrade(alembic_config(engine), "head")


def refresh_statistics(engine: sa.Engine, tables: list[sa.Table], changed: int) -> None:
    """ANALYZE the tables an import or undo has changed (`changed`: the rows it wrote and superseded).

    Until autovacuum gets round to a table (after 10 % of it has changed, at its next round),
    PostgreSQL plans as if the new rows were not there: right after loading the data, the
    recommendations with their progress took 160 ms instead of 22, and the first board view after
    importing a million incidents 2,9 s instead of 60 ms. ANALYZE samples at most 30 000 rows, so it
    costs at most a few hundred milliseconds at the end of an import.

    SQLite has no statistics until asked, and with every index led by the organisation it then took the
    organisation for a narrow filter: 10 000 progress updates scanned once for each of 2 000
    recommendations (1,5 s instead of 0,14). Its ANALYZE reads the whole table (0,5 s for a million
    incidents; a sample gave worse plans), so it runs when a table has none yet or the batch changed a
    tenth of it or more, as PRAGMA optimize decides in later SQLite versions.
    """
    with engine.connect() as connection:
        quote = connection.dialect.identifier_preparer.quote
        for table in tables:
            if engine.dialect.name == "sqlite" and not _sqlite_stale(connection, table.name, changed):
                continue
            connection.exec_driver_sql(f"ANALYZE {quote(table.name)}")
        connection.commit()


def _sqlite_stale(connection: sa.Connection, table: str, changed: int) -> bool:
    """No statistics for the table, or fewer than ten times the rows just changed."""
    if not connection.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
        return True
    stats = connection.exec_driver_sql("SELECT stat FROM sqlite_stat1 WHERE tbl = ?", (table,)).scalars().all()
    analysed = max((int(stat.split()[0]) for stat in stats), default=0)
    return analysed == 0 or changed * 10 >= analysed


def open_store(url: str | None = None) -> sa.Engine:
    engine = create_store_engine(url)
    migrate(engine)
    return engine
