"""The import's preview of a small incidents file (100 incidents of one month and one unit) against the
store: what a controller waits for after choosing a file, whatever the store already holds. Validated and
compared with the store, nothing written; the median of five. Prints one JSON line: {"preview_ms": N}.

Usage: python bench/preview_timing.py   (DASHBOARD_DB_URL and DASHBOARD_CONFIG_DIR set)
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ROWS = 100


def main() -> None:
    from domain.configuration import load_config
    from domain.roles import operator
    from ingest.imports import import_file
    from store.engine import open_store

    engine, config = open_store(), load_config()
    lines = [f"2025-06-{1 + n % 28:02d};servicenamnden;Låg;IT-incident;PREVIEW{n:05d};Prov {n}" for n in range(ROWS)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "incidenter-juni.csv"
        path.write_text("datum;enhet;allvarlighetsgrad;kategori;ärendenummer;rubrik\n" + "\n".join(lines) + "\n")
        times = []
        for _ in range(5):
            started = time.perf_counter()
            result = import_file(engine, config, "incidents", path, actor=operator("bench"), dry_run=True)
            times.append((time.perf_counter() - started) * 1000)
            if not result.ok:
                sys.exit(f"the preview failed: {result.messages()[:3]}")
    print(json.dumps({"preview_ms": round(statistics.median(times), 1)}))


if __name__ == "__main__":
    main()
