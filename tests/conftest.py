"""Fixtures: the shipped configuration, and stores on SQLite and on a real, throwaway PostgreSQL server."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from domain.configuration import Config, load_config  # noqa: E402
from store.engine import create_store_engine, migrate  # noqa: E402


@pytest.fixture(scope="session")
def config() -> Config:
    return load_config(ROOT / "config")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file, copied for each test so migrations run once."""
    path = tmp_path_factory.mktemp("template") / "store.db"
    engine = create_store_engine(f"sqlite:///{path}")
    migrate(engine)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def sqlite_store(sqlite_template: Path, tmp_path: Path) -> Iterator[sa.Engine]:
    path = tmp_path / "store.db"
    shutil.copy(sqlite_template, path)
    engine = create_store_engine(f"sqlite:///{path}")
    yield engine
    engine.dispose()


class PostgresServer:
    """A PostgreSQL cluster in a temporary folder, listening on 127.0.0.1 only, removed afterwards."""

    def __init__(self) -> None:
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        initdb = found[-1] if found else shutil.which("initdb")
        if initdb is None:
            raise RuntimeError("PostgreSQL saknas; kör `make test`, som installerar det")
        self.bin = Path(initdb).parent
        self.dir = Path(tempfile.mkdtemp(prefix="dashboard-pg-"))
        self.port = _free_port()
        self.as_user: list[str] = []
        if os.geteuid() == 0:  # initdb refuses to run as root
            user = "postgres" if _user_exists("postgres") else "nobody"
            shutil.chown(self.dir, user)
            os.chmod(self.dir, 0o700)
            self.as_user = ["runuser", "-u", user, "--"]
        data = self.dir / "data"
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
            "--locale=C.UTF-8",
        )
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} -c fsync=off -c full_page_writes=off"
        self._run(str(self.bin / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(self.dir / "log"), "-w", "start")
        self.admin_url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"
        self.admin = sa.create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        self.template = "dashboard_template"
        with self.admin.connect() as connection:
            # The app's own login, as in production: no superuser (a superuser bypasses row-level
            # security), the owner of its database and tables (FORCE makes the policies bind it too).
            connection.exec_driver_sql(f"CREATE ROLE {APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS")
            connection.exec_driver_sql(f"CREATE DATABASE {self.template} OWNER {APP_ROLE}")
        engine = create_store_engine(self.url(self.template))
        migrate(engine)
        engine.dispose()

    def _run(self, *command: str) -> None:
        subprocess.run([*self.as_user, *command], check=True, capture_output=True, cwd=self.dir)

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{APP_ROLE}@127.0.0.1:{self.port}/{database}"

    def fresh_database(self) -> str:
        name = f"t_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as connection:
            connection.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE {self.template} OWNER {APP_ROLE}")
        return name

    def drop(self, name: str) -> None:
        with self.admin.connect() as connection:
            connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        self.admin.dispose()
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "immediate", "stop")
        shutil.rmtree(self.dir, ignore_errors=True)


APP_ROLE = "dashboard"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    server = PostgresServer()
    for _ in range(50):
        try:
            with server.admin.connect():
                break
        except sa.exc.OperationalError:
            time.sleep(0.1)
    yield server
    server.stop()


@pytest.fixture
def postgres_store(postgres_server: PostgresServer) -> Iterator[sa.Engine]:
    name = postgres_server.fresh_database()
    engine = create_store_engine(postgres_server.url(name))
    yield engine
    engine.dispose()
    postgres_server.drop(name)


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest) -> sa.Engine:
    """The store on each supported database: tests using it prove both."""
    return request.getfixturevalue(f"{request.param}_store")


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path
