"""`make bench`: the board views at a large city's scale, side by side with their floor and the naive way.

Generates the data (bench/generate.py), loads it through the normal import path into SQLite and into
a throwaway PostgreSQL server, beside the store's own bulk load of the same rows (bench/floor.py), then
measures per view, each in a fresh process: cold render and warm rerun through AppTest, the floor (the
view's own SQL alone), the naive way (whole tables into pandas), peak memory, and in headless Chromium
the time from opening the view to its last chart drawn. Then the same views on SQLite at `--scale`
incidents (ten million by default; the naive way is skipped there: it needs more memory than a view
should ever approach), 1, 10 and 30 sessions at once on one app process (bench/sessions.py), and one
organisation's views alone and among `--organisations` others in one store (bench/organisations.py).
Writes bench/results.json and docs/performance.md. Timings live here, never in the tests.

Usage: python bench/run.py [--incidents N] [--scale N] [--organisations N] [--no-postgres] [--no-browser]
       [--no-sessions]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from report import write_report  # noqa: E402
from slides import slide_times  # noqa: E402
from view_timing import BOARD_VIEWS, VIEWS  # noqa: E402

PATHS = {"lagesbild": "", "status": "status", "incidenter": "incidenter", "rekommendationer": "rekommendationer"}
PATHS["sjalvskattningar"] = "sjalvskattningar"


LATEST_QUARTER = "2025Q4"  # the generated data's last quarter: the deck a board would be shown
RUNS = 3  # each view timed in three fresh processes; the median is reported (one run varies by ±15 %)
NAIVE_UP_TO = 1_000_000  # above this the naive way is not measured (at ten million it took 11,6 GB)


def child(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT, env=env)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def app_env(url: str, config: Path) -> dict[str, str]:
    return os.environ | {"DASHBOARD_DB_URL": url, "DASHBOARD_CONFIG_DIR": str(config), "DASHBOARD_DEMO": "0"}


def measure_backend(
    name: str, url: str, config: Path, data: Path, browser: bool, fresh_store: Callable[[], str], incidents: int
) -> dict[str, Any]:
    """Every figure for one database; the imports also go, RUNS - 1 more times, into throwaway stores."""
    env = app_env(url, config)
    print(f"[{name}] importerar …", flush=True)
    loads = [child([str(HERE / "load.py"), url, str(config), str(data)], env)]
    loads += [child([str(HERE / "load.py"), fresh_store(), str(config), str(data)], env) for _ in range(RUNS - 1)]
    print(f"[{name}] samma rader utan import (golvet) …", flush=True)
    floors = [child([str(HERE / "floor.py"), url, fresh_store()], env) for _ in range(RUNS)]
    result: dict[str, Any] = {
        "import_rows_per_s": round(statistics.median(load["import_rows_per_s"] for load in loads)),
        "import_floor_rows_per_s": round(statistics.median(f["import_floor_rows_per_s"] for f in floors)),
        "import_bare_floor_rows_per_s": round(statistics.median(f["bare_floor_rows_per_s"] for f in floors)),
        "import_peak_rss_mb": max(load["import_peak_rss_mb"] for load in loads),
        "datasets": {k: v for k, v in loads[0].items() if k not in ("import_rows_per_s", "import_peak_rss_mb")},
        "views": view_figures(name, env, naive=url if incidents <= NAIVE_UP_TO else None),
    }
    result["peak_rss_mb"] = child([str(HERE / "view_timing.py"), "all"], env)["peak_rss_mb"]
    result["preview_ms"] = child([str(HERE / "preview_timing.py")], env)["preview_ms"]
    print(f"[{name}] styrelsepaketet …", flush=True)
    result["pack"] = child([str(HERE / "pack_timing.py")], env)
    if browser:
        print(f"[{name}] Chromium …", flush=True)
        for view, ms in browser_times(env).items():
            result["views"][view]["browser_ms"] = ms
        print(f"[{name}] bilderna …", flush=True)
        result["slides"] = slide_times(env, served, quarter=LATEST_QUARTER)
    return result


def view_figures(name: str, env: dict[str, str], naive: str | None) -> dict[str, Any]:
    """Each view's median of RUNS fresh processes; the board views beside the naive way when asked."""
    figures: dict[str, Any] = {}
    for view in VIEWS:
        print(f"[{name}] {view} …", flush=True)
        runs = [child([str(HERE / "view_timing.py"), view], env) for _ in range(RUNS)]
        figures[view] = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        if naive is not None and view in BOARD_VIEWS:
            figures[view] |= child([str(HERE / "naive.py"), naive, view], env)
    return figures


def measure_scale(out: Path, incidents: int) -> dict[str, Any]:
    """The views on SQLite at `incidents`, loaded once through the import path: what ten million cost."""
    config, data = generate(out / "scale", incidents)
    db = out / "scale.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    url = f"sqlite:///{db}"
    env = app_env(url, config)
    print(f"[skala {incidents}] importerar …", flush=True)
    load = child([str(HERE / "load.py"), url, str(config), str(data)], env)
    result = {
        "incidents": incidents,
        "sqlite": {
            "import_rows_per_s": load["import_rows_per_s"],
            "views": view_figures(f"skala {incidents}", env, naive=None),
            "preview_ms": child([str(HERE / "preview_timing.py")], env)["preview_ms"],
        },
    }
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return result


def measure_sessions(url: str, config: Path) -> dict[str, Any]:
    """1, 10 and 30 sessions on one app process over Streamlit's websocket, the server's memory with them;
    then the burst again on two processes (one per core), the sessions spread over them as nginx spreads
    members arriving from different addresses."""
    env = app_env(url, config)
    with serving(env) as (base, pid):
        results = child([str(HERE / "sessions.py"), base, str(pid)], env)
    with serving(env) as (first, first_pid), serving(env) as (second, second_pid):
        spread = child([str(HERE / "sessions.py"), first, str(first_pid), second, str(second_pid), "--burst-only"], env)
    results["burst_two_processes"] = spread["burst"]
    return results


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(env: dict[str, str], script: str = "dashboard.py") -> Iterator[tuple[str, int]]:
    """The app served on a free port until the block ends: its address and its process id."""
    import urllib.request

    port = _free_port()
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true"]
    command += ["--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.1)
        yield base, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextmanager
def served(env: dict[str, str], script: str = "dashboard.py") -> Iterator[str]:
    with serving(env, script) as (base, _):
        yield base


CHARTS_DRAWN = """() => {
  const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')];
  return charts.every(c => c.querySelector('canvas, svg'));
}"""
SCRIPT_DONE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def browser_times(env: dict[str, str]) -> dict[str, float]:
    """Per view: from opening its address to its last chart drawn, the first time after start-up."""
    from playwright.sync_api import sync_playwright

    from scripts.screenshot import CHROMIUM_FLAGS

    times: dict[str, float] = {}
    with served(env) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS)
        warm = browser.new_page()
        warm.goto(f"{base}/data")  # the server's first page (streamlit#9992), not one measured
        warm.wait_for_selector(SCRIPT_DONE, timeout=300_000)
        warm.close()
        for view, path in PATHS.items():
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            started = time.perf_counter()
            page.goto(f"{base}/{path}")
            page.wait_for_selector(SCRIPT_DONE, timeout=300_000)
            page.wait_for_function(CHARTS_DRAWN, timeout=120_000, polling=20)
            times[view] = round((time.perf_counter() - started) * 1000)
            page.close()
        browser.close()
    return times


def machine() -> dict[str, str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory_gb": f"{memory_kb / 1024 / 1024:.0f}",
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--incidents", type=int, default=1_000_000)
    parser.add_argument("--scale", type=int, default=10_000_000, help="incidents of the scale run; 0: none")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--no-sessions", action="store_true")
    parser.add_argument("--organisations", type=int, default=290, help="organisations in one store; 0: none")
    args = parser.parse_args()
    out = HERE / "out"
    print("Skapar data …", flush=True)
    config, data = generate(out, args.incidents)
    results: dict[str, Any] = {"machine": machine(), "incidents": args.incidents, "measured": time.strftime("%Y-%m-%d")}
    db = out / "bench.db"
    spares = [*(out / f"import-{n}.db" for n in range(RUNS)), *(out / f"floor-{n}.db" for n in range(RUNS))]
    for path in (db, *spares):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    spare_urls = (f"sqlite:///{path}" for path in spares)
    results["sqlite"] = measure_backend(
        "sqlite", f"sqlite:///{db}", config, data, not args.no_browser, lambda: next(spare_urls), args.incidents
    )
    if not args.no_sessions:
        print("[sqlite] 1, 10 och 30 sessioner …", flush=True)
        results["sessions"] = measure_sessions(f"sqlite:///{db}", config)
    for path in spares:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    if not args.no_postgres:
        from tests.conftest import PostgresServer

        server = PostgresServer()
        try:
            url = server.url(server.fresh_database())
            with server.admin.connect() as connection:
                results["machine"]["postgresql"] = connection.exec_driver_sql("SHOW server_version").scalar_one()
            results["postgresql"] = measure_backend(
                "postgresql",
                url,
                config,
                data,
                not args.no_browser,
                lambda: server.url(server.fresh_database()),
                args.incidents,
            )
        finally:
            server.stop()
    if args.scale:
        results["scale"] = measure_scale(out, args.scale)
    if args.organisations:
        print(f"[{args.organisations} organisationer] …", flush=True)
        results["organisations"] = child(
            [str(HERE / "organisations.py"), str(out), str(args.organisations)], os.environ
        )
    (HERE / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    write_report(results, ROOT / "docs" / "performance.md")
    print((ROOT / "docs" / "performance.md").read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
