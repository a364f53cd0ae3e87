"""`make bench`: the board pack of a meeting on the bench store, timed in a process of its own: a record
of the last quarter is taken, then its deck is read as of the record's batch, every chart drawn offline,
and the PDF and the PowerPoint deck written at once. Prints one JSON line.

Usage: python bench/pack_timing.py   (DASHBOARD_DB_URL and DASHBOARD_CONFIG_DIR set)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from domain.configuration import load_config
    from domain.roles import operator
    from outputs.board_pack import both
    from store import meetings
    from store.engine import open_store
    from view_models.board_pack import pack_from_store

    engine, config = open_store(), load_config()
    record = meetings.create(
        engine,
        config,
        operator("bench"),
        body="servicenamnden",
        meeting_date="2026-02-17",
        item="§ 1",
        quarter="2025Q4",
    )
    started = time.perf_counter()
    document = pack_from_store(engine, config, record, made_by="bench")
    made = time.perf_counter()
    pdf, pptx = both(document)  # as the app and the command line make them: the PDF in a thread of its own
    done = time.perf_counter()
    print(
        json.dumps(
            {
                "pack_s": round(done - started, 2),
                "deck_and_charts_s": round(made - started, 2),
                "files_s": round(done - made, 2),
                "pdf_kb": len(pdf) // 1024,
                "pptx_kb": len(pptx) // 1024,
            }
        )
    )


if __name__ == "__main__":
    main()
