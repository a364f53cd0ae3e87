"""Load the generated files into a store through the normal import path, in a process of its own.

Prints one JSON line: seconds per dataset, incident rows per second (validation included) and this
process's peak resident memory. Usage: python bench/load.py DB_URL CONFIG_DIR DATA_DIR
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ORDER = ("status", "kpis", "recommendations", "recommendation_updates", "self_assessments", "incidents")


def main() -> None:
    from domain.configuration import load_config
    from domain.roles import operator
    from ingest.imports import import_file
    from store.engine import open_store

    url, config_dir, data = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    engine = open_store(url)
    config = load_config(config_dir)
    figures: dict[str, object] = {}
    for dataset in ORDER:
        started = time.perf_counter()
        result = import_file(engine, config, dataset, data / f"{dataset}.csv", actor=operator("bench"))
        seconds = time.perf_counter() - started
        if result.outcome != "imported":
            sys.exit(f"{dataset}: {result.summary()} {result.messages()[:3]}")
        figures[dataset] = {"rows": result.rows, "seconds": round(seconds, 2)}
    incidents = figures["incidents"]
    assert isinstance(incidents, dict)
    status = Path("/proc/self/status").read_text()
    peak = int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024  # type: ignore[union-attr]
    figures["import_rows_per_s"] = round(incidents["rows"] / incidents["seconds"])
    figures["import_peak_rss_mb"] = round(peak)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
