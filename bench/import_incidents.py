"""Import 1 000 000 incident rows through the normal import path; report rows per second and peak memory.

Usage: python bench/import_incidents.py [--rows N] [--db-url URL]
The file is a service-desk export (one incident per row, Swedish headers, `;`, decimal comma), written
to bench/out/. The import runs in a child process so its peak resident memory is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

UNITS = [
    "Servicenämnden",
    "Kommunstyrelsen",
    "Grundskolenämnden",
    "Förskolenämnden",
    "Miljönämnden",
    "Kulturnämnden",
    "Tekniska nämnden",
    "Fritidsnämnden",
    "MKB Fastighets AB",
    "Valnämnden",
]
SEVERITIES = ["Låg"] * 13 + ["Medel"] * 6 + ["Hög"]
CATEGORIES = ["IT-incident"] * 40 + ["Informationssäkerhetsincident", "Personuppgiftsincident"]


def write_file(path: Path, rows: int) -> None:
    rng = random.Random(1)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("datum;enhet;allvarlighetsgrad;kategori;ärendenummer;rubrik;åtgärdad_datum\n")
        for n in range(rows):
            year = 2016 + n * 10 // rows
            month, day = rng.randint(1, 12), rng.randint(1, 28)
            out.write(
                f"{year}-{month:02d}-{day:02d};{rng.choice(UNITS)};{rng.choice(SEVERITIES)};"
                f"{rng.choice(CATEGORIES)};INC{n:08d};Ärende {n};{year}-{month:02d}-{min(28, day + 1):02d}\n"
            )


def child(path: Path, db_url: str) -> None:
    from configuration import load_config
    from data_sources.importer import import_file
    from data_sources.store import open_store

    engine = open_store(db_url)
    config = load_config(ROOT / "config")
    started = time.perf_counter()
    result = import_file(engine, config, "incidents", path, user="bench")
    seconds = time.perf_counter() - started
    # VmHWM is this process's own peak; ru_maxrss would include the forking parent's.
    peak_mb = int(re.search(r"VmHWM:\s+(\d+) kB", Path("/proc/self/status").read_text()).group(1)) / 1024
    print(
        json.dumps(
            {
                "outcome": result.outcome,
                "rows": result.rows,
                "seconds": round(seconds, 2),
                "rows_per_s": round(result.rows / seconds),
                "peak_rss_mb": round(peak_mb),
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--db-url", default=None)
    parser.add_argument("--child", type=Path, default=None)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.db_url)
        return
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    path = out / f"incidents-{args.rows}.csv"
    if not path.exists():
        write_file(path, args.rows)
    db = out / "bench.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    url = args.db_url or f"sqlite:///{db}"
    completed = subprocess.run(
        [sys.executable, __file__, "--child", str(path), "--db-url", url],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=os.environ,
    )
    if completed.returncode != 0:
        sys.exit(completed.stderr)
    figures = json.loads(completed.stdout.strip().splitlines()[-1])
    size_mb = path.stat().st_size / 1e6
    print(
        f"{figures['rows']:,} rader ({size_mb:.0f} MB) importerade på {figures['seconds']} s: "
        f"{figures['rows_per_s']:,} rader/s, högsta minne {figures['peak_rss_mb']} MB ({url.split(':')[0]})".replace(
            ",", " "
        )
    )


if __name__ == "__main__":
    main()
