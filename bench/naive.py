"""The naive way many dashboards work, per board view: read whole tables into pandas on every rerun,
keep the current rows, and aggregate the view's figures there. The yardstick the app must beat 10×.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pandas as pd
import sqlalchemy as sa

UNIT = "servicenamnden"


def _current(engine: sa.Engine, table: str) -> pd.DataFrame:
    frame = pd.read_sql_table(table, engine)
    return frame[frame["superseded_by"].isna()]


def _incident_figures(incidents: pd.DataFrame) -> None:
    last = incidents["year"].max()
    incidents.groupby(["year", "category"])["count"].sum()
    recent = incidents[incidents["year"] >= last - 1]
    recent.groupby(["month", "severity"])["count"].sum()
    incidents[incidents["year"] == last].groupby(["unit", "severity"])["count"].sum()
    incidents[incidents["severity"] == "critical"].sort_values("date")


def _latest_recommendation_status(engine: sa.Engine) -> pd.DataFrame:
    recommendations = _current(engine, "recommendations")
    updates = _current(engine, "recommendation_updates").sort_values("date")
    latest = updates.groupby("recommendation_id").tail(1)
    return recommendations.merge(latest, on="recommendation_id", how="left", suffixes=("", "_update"))


def situation(engine: sa.Engine) -> None:
    status = _current(engine, "status")
    status[status["unit"] == UNIT].groupby(["period", "status"]).size()
    kpis = _current(engine, "kpis")
    kpis[kpis["unit"] == UNIT].groupby(["period", "kpi"])[["numerator", "denominator"]].sum()
    incidents = _current(engine, "incidents")
    incidents[incidents["severity"] == "critical"].groupby("year")["count"].sum()
    _latest_recommendation_status(engine)
    ratings = _current(engine, "self_assessments")
    ratings[ratings["assessment"] == "internal_control"].groupby(["year", "rating"]).size()


def status(engine: sa.Engine) -> None:
    status = _current(engine, "status")
    mine = status[status["unit"] == UNIT]
    mine.pivot_table(index="period", columns="area", values="status", aggfunc="first")
    kpis = _current(engine, "kpis")
    kpis[kpis["unit"] == UNIT].groupby(["period", "kpi"])[["numerator", "denominator", "value"]].sum()


def incidents(engine: sa.Engine) -> None:
    _incident_figures(_current(engine, "incidents"))


def recommendations(engine: sa.Engine) -> None:
    latest = _latest_recommendation_status(engine)
    latest.groupby(["audit", "status"]).size()


def self_assessments(engine: sa.Engine) -> None:
    ratings = _current(engine, "self_assessments")
    chosen = ratings[ratings["assessment"] == "internal_control"]
    chosen.groupby(["year", "rating"]).size()
    chosen[chosen["year"] == chosen["year"].max()].groupby(["unit", "statement", "rating"]).size()


NAIVE: dict[str, Callable[[sa.Engine], None]] = {
    "lagesbild": situation,
    "status": status,
    "incidenter": incidents,
    "rekommendationer": recommendations,
    "sjalvskattningar": self_assessments,
}


def naive_ms(engine: sa.Engine, view: str, repeats: int = 2) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        NAIVE[view](engine)
        best = min(best, time.perf_counter() - started)
    return best * 1000


if __name__ == "__main__":
    import json
    import sys

    url, view = sys.argv[1], sys.argv[2]
    engine = sa.create_engine(url)
    print(json.dumps({"naive_ms": round(naive_ms(engine, view), 1)}))
