"""One board view measured in a fresh process through Streamlit's AppTest; prints one JSON line.

cold: the view's first run with empty data caches, after the process has loaded its modules and drawn
one other view (as a server has once it has started). warm: the rerun after a filter change (another
unit chosen), whose queries are new and so not cached. floor: the SQL the view asked for, run directly
on one connection with no cache, best of five. The queries are recorded while the view runs, so the
floor is exactly the view's own questions. peak_rss_mb: this process's high-water mark (VmHWM).

Usage: python bench/view_timing.py VIEW   (DASHBOARD_DB_URL and DASHBOARD_CONFIG_DIR set; VIEW or "all")
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# view: (script, units widget key, units chosen for the warm rerun (none: the warm run is the same again),
# the link's parameters)
VIEWS: dict[str, tuple[str, str, list[str], dict[str, str]]] = {
    "lagesbild": ("views/situation.py", "units_situation", ["kommunstyrelsen"], {}),
    "status": ("views/status.py", "units_status", ["kommunstyrelsen"], {}),
    "incidenter": ("views/incidents.py", "units_incidents", ["servicenamnden"], {}),
    "rekommendationer": ("views/recommendations.py", "units_recommendations", ["servicenamnden"], {}),
    "sjalvskattningar": ("views/self_assessments.py", "units_self_assessments", ["servicenamnden"], {}),
    "data": ("views/data_overview.py", "", [], {}),
    "utforska": ("views/explore.py", "", [], {"ds": "incidents", "by": "month"}),  # every month's incidents
}
BOARD_VIEWS = tuple(v for v in VIEWS if v not in ("data", "utforska"))  # compared with the naive way
WARM_UP = "views/data_overview.py"


def peak_rss_mb() -> float:
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024  # type: ignore[union-attr]


def record_queries() -> list[tuple[Any, tuple[Any, ...]]]:
    """Every query a view asks through the shared cache, with its arguments, in order."""
    import ui.app_store as cached

    asked: list[tuple[Any, tuple[Any, ...]]] = []
    original_ask = cached._ask
    original_banner = cached.cached_example_data_in_use

    def ask(name: str, query: Any, url: str, latest: int, records: int, as_of: int | None, *args: Any) -> Any:
        asked.append((query, args))
        return original_ask(name, query, url, latest, records, as_of, *args)

    def banner(url: str, latest: int) -> bool:
        from queries.data_overview import example_data_in_use

        asked.append((example_data_in_use, ()))
        return original_banner(url, latest)

    original_overview = cached.cached_dataset_overview

    def overview(url: str, latest: int) -> Any:
        from queries.data_overview import dataset_overview

        asked.append((dataset_overview, ()))
        return original_overview(url, latest)

    cached._ask = ask  # type: ignore[assignment]
    cached.cached_dataset_overview = overview  # type: ignore[assignment]
    from ui import frame

    frame.cached_example_data_in_use = banner  # type: ignore[attr-defined]
    return asked


def floor_ms(asked: list[tuple[Any, tuple[Any, ...]]]) -> float:
    from store.engine import create_store_engine

    engine = create_store_engine()
    best = float("inf")
    with engine.connect() as connection:
        for _ in range(5):
            started = time.perf_counter()
            for query, args in asked:
                query(connection, *args)
            best = min(best, time.perf_counter() - started)
    engine.dispose()
    return best * 1000


def run(app: Any) -> float:
    started = time.perf_counter()
    app.run()
    elapsed = (time.perf_counter() - started) * 1000
    if app.exception:
        raise SystemExit(f"the view failed: {[e.value for e in app.exception]}")
    return elapsed


def measure(view: str) -> dict[str, float]:
    import streamlit as st
    from streamlit import config as streamlit_config
    from streamlit.testing.v1 import AppTest

    from ui.sections import _composed

    streamlit_config.set_option("server.address", "127.0.0.1")
    asked = record_queries()
    script, units_key, warm_units, params = VIEWS[view]
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
    started = time.perf_counter()
    app.run()  # the process's first run: imports, the store opened, Altair's schema read
    app.switch_page(WARM_UP if script != WARM_UP else "views/incidents.py")
    run(app)
    start_up = (time.perf_counter() - started) * 1000
    st.cache_data.clear()
    _composed.clear()  # the sections the first run composed, shared by sessions: not cold
    asked.clear()
    for name, value in params.items():
        app.query_params[name] = value
    app.switch_page(script)
    cold = run(app)
    cold_queries = list(asked)
    if units_key:
        app.multiselect(key=units_key).set_value(warm_units)
    warm = run(app)
    return {
        "cold_ms": round(cold, 1),
        "warm_ms": round(warm, 1),
        "floor_ms": round(floor_ms(cold_queries), 1),
        "queries": len(cold_queries),
        "start_up_ms": round(start_up),
        "peak_rss_mb": round(peak_rss_mb()),
    }


def measure_all() -> dict[str, float]:
    """Every view cold and warm in one process: the memory of an app serving them all."""
    from streamlit import config as streamlit_config
    from streamlit.testing.v1 import AppTest

    streamlit_config.set_option("server.address", "127.0.0.1")
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
    run(app)
    for script, units_key, warm_units, _ in VIEWS.values():
        app.switch_page(script)
        run(app)
        if units_key:
            app.multiselect(key=units_key).set_value(warm_units)
        run(app)
    return {"peak_rss_mb": round(peak_rss_mb())}


if __name__ == "__main__":
    name = sys.argv[1]
    print(json.dumps(measure_all() if name == "all" else measure(name)))
