"""docs/performance.md from bench/results.json: the machine, the table per view, and each target checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

TITLES = {
    "lagesbild": "Lägesbild",
    "status": "Status",
    "incidenter": "Incidenter",
    "rekommendationer": "Rekommendationer",
    "sjalvskattningar": "Självskattningar",
    "data": "Data och importer",
    "utforska": "Utforska (incidenter per månad)",
    "preview": "Importens förhandsvisning (100 incidenter)",
}
COLD_MAX_MS, WARM_MAX_MS, NAIVE_FACTOR, PEAK_MAX_MB = 300, 150, 10, 500
IMPORT_MIN = {"sqlite": 200_000, "postgresql": 300_000}  # rows/s of incidents, validation included
IMPORT_FLOOR_SHARE = 0.7  # of the store's own bulk load of the same rows
# How the store itself loads rows (bench/floor.py): row-level security refuses COPY into its tables, so on
# PostgreSQL the rows are copied into a table of the transaction and inserted from it in one statement.
BULK_LOAD = {"sqlite": "executemany", "postgresql": "COPY and one INSERT … SELECT"}
SCALE_FACTOR = 1.2  # a view at ten million incidents against one million
SESSIONS_FACTOR = 3  # p95 at 30 sessions against one session's
SLIDE_MAX_MS, SLIDE_BARE_FACTOR, PACK_MAX_S = 1000, 1.5, 10


def _n(value: float) -> str:
    """Swedish grouping, as the app writes numbers."""
    return f"{value:,.0f}".replace(",", "\u00a0")


def _ratio(value: float) -> str:
    return f"{value:.0f} ×" if value >= 10 else f"{value:.1f} ×"


def _mark(ok: bool) -> str:
    return "✓ met" if ok else "✗ not met"


def _decimal(value: float, places: int = 2) -> str:
    return f"{value:.{places}f}".replace(".", ",")


def targets(name: str, backend: dict[str, Any]) -> list[tuple[str, bool, str]]:
    board = {k: v for k, v in backend["views"].items() if k not in ("data", "utforska")}
    views = board.values()
    cold = max(v["cold_ms"] for v in views)
    warm = max(v["warm_ms"] for v in views)
    compared = [v for v in views if "naive_ms" in v]
    ratio_cold = min((v["naive_ms"] / v["cold_ms"] for v in compared), default=0)
    ratio_warm = min((v["naive_ms"] / v["warm_ms"] for v in compared), default=0)
    over_floor = [TITLES[k] for k, v in board.items() if v["cold_ms"] > 2 * v["floor_ms"]]
    floor = backend.get("import_floor_rows_per_s", 0)
    share = backend["import_rows_per_s"] / floor if floor else 0
    slides = backend.get("slides")
    stepping = []
    if slides:
        ratio = slides["step_median_ms"] / max(slides["bare_step_median_ms"], 1)
        stepping = [
            (
                f"Next slide in Chromium ≤ {_n(SLIDE_MAX_MS)} ms",
                slides["step_max_ms"] <= SLIDE_MAX_MS,
                f"slowest of {slides['slides'] - 1} steps {_n(slides['step_max_ms'])} ms "
                f"(median {_n(slides['step_median_ms'])} ms)",
            ),
            (
                f"Next slide ≤ {SLIDE_BARE_FACTOR:.1f} × a bare page with as many charts".replace(".", ","),
                ratio <= SLIDE_BARE_FACTOR,
                f"{ratio:.2f} × (bare page: median {_n(slides['bare_step_median_ms'])} ms)".replace(".", ","),
            ),
        ]
    return [
        (f"Cold render ≤ {COLD_MAX_MS} ms", cold <= COLD_MAX_MS, f"slowest {_n(cold)} ms"),
        (
            "Cold render ≤ 2 × floor",
            not over_floor,
            "all views" if not over_floor else "exceeded by " + ", ".join(over_floor),
        ),
        (f"Warm rerun ≤ {WARM_MAX_MS} ms", warm <= WARM_MAX_MS, f"slowest {_n(warm)} ms"),
        (
            f"≥ {NAIVE_FACTOR} × faster than naive, cold and warm",
            min(ratio_cold, ratio_warm) >= NAIVE_FACTOR,
            f"least {_ratio(ratio_cold)} cold, {_ratio(ratio_warm)} warm",
        ),
        (
            f"Peak memory ≤ {PEAK_MAX_MB} MB (app serving all views)",
            backend["peak_rss_mb"] <= PEAK_MAX_MB,
            f"{backend['peak_rss_mb']} MB",
        ),
        (
            f"Import ≥ {_n(IMPORT_MIN[name])} rows/s, validation included",
            backend["import_rows_per_s"] >= IMPORT_MIN[name],
            f"{_n(backend['import_rows_per_s'])} rows/s",
        ),
        (
            f"Import ≥ {_decimal(IMPORT_FLOOR_SHARE, 1)} × the store's own bulk load of the same rows",
            share >= IMPORT_FLOOR_SHARE,
            f"{_decimal(share)} × ({_n(floor)} rows/s {BULK_LOAD[name]})",
        ),
        *stepping,
        *(
            [
                (
                    f"Board pack (PDF and PowerPoint) ≤ {PACK_MAX_S} s",
                    backend["pack"]["pack_s"] <= PACK_MAX_S,
                    f"{backend['pack']['pack_s']:.1f} s: deck and charts {backend['pack']['deck_and_charts_s']:.1f} s, "
                    f"PDF and PowerPoint together {backend['pack']['files_s']:.1f} s".replace(".", ","),
                )
            ]
            if "pack" in backend
            else []
        ),
    ]


def _table(backend: dict[str, Any]) -> list[str]:
    lines = [
        "| View | Cold ms | Warm ms | Floor ms | Drawing ms | Cold ÷ floor | Naive ms | Naive ÷ cold | Naive ÷ warm "
        "| Chromium ms |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for key, v in backend["views"].items():
        browser = _n(v["browser_ms"]) if "browser_ms" in v else "–"
        naive = (
            f"{_n(v['naive_ms'])} | {_ratio(v['naive_ms'] / v['cold_ms'])} | {_ratio(v['naive_ms'] / v['warm_ms'])}"
            if "naive_ms" in v
            else "– | – | –"
        )
        lines.append(
            f"| {TITLES[key]} | {_n(v['cold_ms'])} | {_n(v['warm_ms'])} | {v['floor_ms']:.1f} | "
            f"{_n(v['cold_ms'] - v['floor_ms'])} | {v['cold_ms'] / max(v['floor_ms'], 0.1):.1f} | {naive} | {browser} |"
        )
    return lines


def _scale(results: dict[str, Any]) -> list[str]:
    """The views at the scale run beside the same views at the main run, and the ratio against its target."""
    scale, base = results["scale"], results["sqlite"]["views"]
    lines = [
        f"## {_n(scale['incidents'])} incidents (SQLite)",
        "",
        f"The same views on a store of {_n(scale['incidents'])} incidents, loaded through the import path at "
        f"{_n(scale['sqlite']['import_rows_per_s'])} rows/s, measured in the same run as the tables above "
        f"({_n(results['incidents'])} incidents). The naive way is not measured at this scale: reading the "
        "whole incident table into pandas needs more memory than any view should approach (11,6 GB at ten million).",
        "",
        "| View | Cold ms | Cold × | Warm ms | Warm × |",
        "|---|--:|--:|--:|--:|",
    ]
    worst = 0.0
    for key, v in scale["sqlite"]["views"].items():
        cold, warm = v["cold_ms"] / base[key]["cold_ms"], v["warm_ms"] / base[key]["warm_ms"]
        worst = max(worst, cold, warm)
        lines.append(
            f"| {TITLES[key]} | {_n(v['cold_ms'])} | {_decimal(cold)} | {_n(v['warm_ms'])} | {_decimal(warm)} |"
        )
    if "preview_ms" in scale["sqlite"] and "preview_ms" in results["sqlite"]:
        preview = scale["sqlite"]["preview_ms"] / max(results["sqlite"]["preview_ms"], 0.1)
        worst = max(worst, preview)
        shown = _decimal(scale["sqlite"]["preview_ms"], 1)
        lines.append(f"| {TITLES['preview']} | {shown} | {_decimal(preview)} | – | – |")
    lines += [
        "",
        "| Target | | Measured |",
        "|---|---|---|",
        f"| Every view, cold and warm, ≤ {_decimal(SCALE_FACTOR, 1)} × its figure at {_n(results['incidents'])} "
        f"| {_mark(worst <= SCALE_FACTOR)} | at most {_decimal(worst)} × |",
        "",
    ]
    return lines


def _organisations(found: dict[str, Any]) -> list[str]:
    """One organisation's views alone in its installation, and beside many others in one store."""
    count = found["organisations"]
    lines = [
        f"## {_n(count)} organisations in one store (SQLite)",
        "",
        f"The board views of one organisation (Malmö's example data, imported) in an installation of its own, "
        f"beside the same views in an installation of {_n(count)} organisations, each with as much data "
        f"({_n(found['rows'])} rows in the store; bench/organisations.py). Every read is scoped to the "
        "organisation at the lowest layer and the indexes lead with it. Each view in three fresh processes, "
        f"the two installations taking turns; the median (measured {found.get('measured', '')}).",
        "",
        "| View | Alone, cold ms | Among many | × | Alone, warm ms | Among many | × |",
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    worst = 0.0
    for key, alone in found["one"].items():
        among = found["many"][key]
        cold, warm = among["cold_ms"] / alone["cold_ms"], among["warm_ms"] / alone["warm_ms"]
        worst = max(worst, cold, warm)
        lines.append(
            f"| {TITLES[key]} | {_n(alone['cold_ms'])} | {_n(among['cold_ms'])} | {_decimal(cold)} | "
            f"{_n(alone['warm_ms'])} | {_n(among['warm_ms'])} | {_decimal(warm)} |"
        )
    lines += [
        "",
        "| Target | | Measured |",
        "|---|---|---|",
        f"| One organisation's views among {_n(count)}, cold and warm, ≤ {_decimal(SCALE_FACTOR, 1)} × alone "
        f"| {_mark(worst <= SCALE_FACTOR)} | at most {_decimal(worst)} × |",
        "",
    ]
    return lines


def _sessions(sessions: dict[str, Any]) -> list[str]:
    """p50 and p95 per number of sessions, as members arrive at a meeting and all at one instant."""
    arrival = sessions["arrival"]
    lines = [
        "## Many sessions on one process",
        "",
        "Sessions speaking Streamlit's own websocket protocol (bench/sessions.py) to one app process on the "
        "SQLite store above, each opening Lägesbild and then stepping through the first five slides of the deck; "
        "a step is timed from its request to the server's `script_finished`. *At a meeting*: each member opens "
        f"the link at a random moment within {_n(arrival['within_s'])} s and reads each slide "
        f"{_n(arrival['reading_s'])} s. *All at once*: every session asks at the same instant and steps on at "
        "once — one process runs one script at a time (Python's lock), so there the p95 grows with the "
        "sessions. *All at once on two processes*: the same burst spread over two app processes (one per "
        "core) on the same store, as docs/nginx-dashboard.conf spreads members arriving from different "
        "addresses.",
        "",
        "| Sessions | At a meeting p50 ms | p95 ms | All at once p50 ms | p95 ms | On two processes p50 ms | p95 ms |",
        "|--:|--:|--:|--:|--:|--:|--:|",
    ]
    burst = sessions["burst"]
    spread = sessions.get("burst_two_processes")
    for n in ("1", "10", "30"):
        two = f"{_n(spread[n]['p50_ms'])} | {_n(spread[n]['p95_ms'])}" if spread else "– | –"
        lines.append(
            f"| {n} | {_n(sessions[n]['p50_ms'])} | {_n(sessions[n]['p95_ms'])} | {_n(burst[n]['p50_ms'])} | "
            f"{_n(burst[n]['p95_ms'])} | {two} |"
        )
    ratio = sessions["30"]["p95_ms"] / max(sessions["1"]["p95_ms"], 0.1)
    lines += [
        "",
        f"The server's resident memory grew by {_decimal(sessions['rss_mb_per_session'])} MB per open session "
        "(30 sessions; the caches are shared).",
        "",
        "| Target | | Measured |",
        "|---|---|---|",
        f"| p95 at 30 sessions ≤ {SESSIONS_FACTOR} × one session's (at a meeting) | "
        f"{_mark(ratio <= SESSIONS_FACTOR)} | {_decimal(ratio)} × |",
        "",
    ]
    return lines


def write_report(results: dict[str, Any], path: Path) -> None:
    m = results["machine"]
    lines = [
        "# Performance at a large city's scale",
        "",
        "Written by `make bench` (bench/run.py) from `bench/results.json`; do not edit by hand.",
        "",
        f"Measured {results['measured']} on {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, {m['os']}; "
        f"Python {m['python']}, SQLite {m['sqlite']}"
        + (f", PostgreSQL {m['postgresql']} (local, fsync off)" if "postgresql" in m else "")
        + ".",
        "",
        f"Data: {_n(results['incidents'])} incidents over 100 units and ten years; 40 quarters × 10 areas of status "
        "and 6 KPIs per unit; 2 000 recommendations with 10 000 updates; 100 000 self-assessment ratings. "
        "All loaded through the normal import path.",
        "",
        "- **Cold**: the view's first run with empty data caches, in a fresh process that has loaded its "
        "modules and drawn one other view (a started server); AppTest, server time.",
        "- **Warm**: the rerun after a filter change (another unit), whose queries are new to the cache.",
        "- **Cold** and **warm** are the median of three fresh processes.",
        "- **Floor**: the SQL the view asked for during the cold run, run directly with no cache (best of 5).",
        "- **Drawing**: cold minus floor, what Streamlit and the charts cost beyond the SQL. Where it exceeds the "
        "floor, no view can be drawn within 2 × its floor; the incident counts made the floors that small.",
        "- **Naive**: whole tables read into pandas and the view's figures aggregated there (best of 2), "
        "without drawing. For the small tables (2 000 recommendations, 40 000 status rows) reading everything "
        "takes less than drawing the view, so no way of asking can be 10 × faster there.",
        "- **Chromium**: headless Chromium, from opening the view's address to its last chart drawn, "
        "on a server that has served one other page.",
        "- **Next slide**: in Chromium at 1280×720, from the click on *Nästa bild →* to the next slide's run "
        "finished and its charts drawn, for every step through the deck of the last quarter; beside it the "
        "same steps through a bare Streamlit page with as many texts and charts per slide (bench/bare_slides.py), "
        "served in the same run. The first slide makes the deck and is reported apart.",
        "- **Board pack**: a meeting record of the last quarter made into the PDF and the PowerPoint deck in a "
        "process of its own: the deck read as of the record, every chart drawn offline (vl-convert), both files "
        "written.",
        "",
    ]
    for name, title in (("sqlite", "SQLite (the default)"), ("postgresql", "PostgreSQL")):
        if name not in results:
            continue
        backend = results[name]
        lines += [f"## {title}", "", *_table(backend), ""]
        lines += [
            f"Import of the incidents: {_n(backend['import_rows_per_s'])} rows/s, validation included "
            "(the median of three loads into fresh stores); the store's own bulk load of the same rows into "
            f"a fresh store, with the same indexes, {_n(backend.get('import_floor_rows_per_s', 0))} rows/s "
            "(bench/floor.py)"
            + (
                f", and into a bare table with the same columns but no foreign key and no index "
                f"{_n(backend['import_bare_floor_rows_per_s'])} rows/s — the most this engine takes in this way "
                "at all, so a higher import rate needs fewer checks or indexes in the store, not a faster import"
                if "import_bare_floor_rows_per_s" in backend
                else ""
            )
            + "; "
            f"the loading process peaked at {backend['import_peak_rss_mb']} MB. "
            f"The app serving every view, cold and warm, peaked at {backend['peak_rss_mb']} MB."
            + (
                f" The import's preview of a file of 100 incidents (one month, one unit) took "
                f"{_decimal(backend['preview_ms'], 1)} ms (bench/preview_timing.py)."
                if "preview_ms" in backend
                else ""
            ),
            "",
            "| Target | | Measured |",
            "|---|---|---|",
            *(f"| {target} | {_mark(ok)} | {figure} |" for target, ok, figure in targets(name, backend)),
            "",
        ]
    if "scale" in results:
        lines += _scale(results)
    if "organisations" in results:
        lines += _organisations(results["organisations"])
    if "sessions" in results:
        lines += _sessions(results["sessions"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
