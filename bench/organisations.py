"""Several organisations in one store: the board views of one organisation with its own data alone,
beside the same views when the store also holds `N - 1` other organisations with a municipality's data
each (the national scale of the multi-organisation issue: 290 municipalities).

Both stores hold Malmö's example data for the organisation `standard`, loaded through the import path;
the other organisations' rows are copies of it (each with its own batches), made in SQL: the same
amount of data per organisation as a municipality imports, in minutes rather than hours. The one store
is read with the shipped one-organisation configuration, the other with a generated configuration of
N organisations, so the figures compare an installation of one with one of many.

Usage: python bench/organisations.py OUT N   (prints one JSON line)
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from view_timing import VIEWS  # noqa: E402

from domain.configuration import load_config  # noqa: E402
from ingest.demo import load_example_data  # noqa: E402
from store.engine import open_store  # noqa: E402
from store.schema import COUNTS_TABLES, DATASET_TABLES, import_batches  # noqa: E402
from store.scope import EVERY_ORGANISATION, scoped  # noqa: E402

RUNS = 3


def configuration(out: Path, count: int) -> Path:
    """The shipped configuration with `count` organisations of Malmö's units: `standard` first."""
    folder = out / "organisations-config"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(ROOT / "config", folder)
    shipped = yaml.safe_load((ROOT / "config" / "organisation.yaml").read_text(encoding="utf-8"))
    listed = [{"id": "standard", **shipped}]
    listed += [{**shipped, "id": f"kommun_{n:03d}", "municipality": f"Kommun {n:03d}"} for n in range(1, count)]
    (folder / "organisation.yaml").write_text(
        yaml.safe_dump({"organisations": listed}, allow_unicode=True), encoding="utf-8"
    )
    return folder


def stores(out: Path, count: int) -> tuple[str, str]:
    """One store with `standard`'s example data; a copy of it with `count - 1` more organisations."""
    one, many = out / "one-organisation.db", out / "organisations.db"
    for path in (one, many):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    engine = open_store(f"sqlite:///{one}")
    load_example_data(engine, load_config(ROOT / "config"))
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    shutil.copy(one, many)
    engine = open_store(f"sqlite:///{many}")
    with scoped(EVERY_ORGANISATION), engine.begin() as connection:
        top = connection.execute(sa.select(sa.func.max(import_batches.c.id))).scalar_one()
        for n in range(1, count):
            _copy(connection, f"kommun_{n:03d}", n * top)
    with engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
    engine.dispose()
    return f"sqlite:///{one}", f"sqlite:///{many}"


def _copy(connection: sa.Connection, organisation: str, offset: int) -> None:
    """`standard`'s batches and rows as `organisation`'s, its batch ids moved up by `offset`."""
    moved = {"id", "batch_id", "origin_batch_id", "superseded_by", "undoes_batch_id", "undone_by_batch_id"}
    for table in (import_batches, *DATASET_TABLES.values(), *COUNTS_TABLES.values()):
        names = [c.name for c in table.c if not (c.name == "id" and table is not import_batches)]
        values = [
            sa.literal(organisation).label(n)
            if n == "organisation"
            else (table.c[n] + offset).label(n)
            if n in moved
            else table.c[n]
            for n in names
        ]
        query = sa.select(*values).where(table.c.organisation == "standard")
        connection.execute(table.insert().from_select(names, query))


def _timed(view: str, env: dict[str, str]) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, str(HERE / "view_timing.py"), view], capture_output=True, text=True, cwd=ROOT, env=env
    )
    if done.returncode != 0:
        sys.exit(f"{view} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def timings(one: tuple[str, Path], many: tuple[str, Path]) -> dict[str, dict[str, Any]]:
    """Each view in fresh processes, the two installations taking turns (the machine's drift falls on
    both alike); the median of RUNS each."""
    envs = {
        name: os.environ | {"DASHBOARD_DB_URL": url, "DASHBOARD_CONFIG_DIR": str(config), "DASHBOARD_DEMO": "0"}
        for name, (url, config) in (("one", one), ("many", many))
    }
    figures: dict[str, dict[str, Any]] = {"one": {}, "many": {}}
    for view in VIEWS:
        runs: dict[str, list[dict[str, float]]] = {"one": [], "many": []}
        for _ in range(RUNS):
            for name, env in envs.items():
                runs[name].append(_timed(view, env))
        for name, taken in runs.items():
            figures[name][view] = {key: statistics.median(r[key] for r in taken) for key in ("cold_ms", "warm_ms")}
    return figures


def main() -> None:
    out, count = Path(sys.argv[1]), int(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    config = configuration(out, count)
    one, many = stores(out, count)
    engine = sa.create_engine(many)
    with engine.connect() as connection:
        rows = sum(
            connection.execute(sa.select(sa.func.count()).select_from(t)).scalar_one() for t in DATASET_TABLES.values()
        )
    engine.dispose()
    result = {
        "organisations": count,
        "rows": rows,
        "measured": time.strftime("%Y-%m-%d"),
        **timings((one, ROOT / "config"), (many, config)),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
