"""KPI rules: the value of a quarter (a rate from its counts) and how it stands against its bands."""

from __future__ import annotations

import math

import pandas as pd

from domain.configuration import Kpi
from domain.vocabulary import Tone


def band(kpi: Kpi, value: float) -> Tone:
    """How far the value is from its target: 'green' when it meets the target (Når målet), 'amber' when it
    falls short but is at or better than the amber threshold (Nära målet), 'red' beyond it (Långt från
    målet). A value short of its target is never green."""
    if meets_target(kpi, value):
        return "green"
    near = value >= kpi.amber if kpi.better == "higher" else value <= kpi.amber
    return "amber" if near else "red"


def meets_target(kpi: Kpi, value: float) -> bool:
    return value >= kpi.target if kpi.better == "higher" else value <= kpi.target


def quarterly_values(series: pd.DataFrame, kpis: dict[str, Kpi]) -> pd.DataFrame:
    """One value per KPI and quarter: a rate from summed counts when every unit gave counts; otherwise
    the sum (counts) or the mean (rates without counts) of the units' values."""
    rows = []
    for item in series.itertuples(index=False):
        kpi = kpis.get(item.kpi)
        if kpi is None:
            continue
        numerator = denominator = None
        if item.units_with_counts == item.units and item.denominator:
            numerator, denominator = int(item.numerator), int(item.denominator)
            value = 100.0 * numerator / denominator
        elif kpi.unit == "percent":
            value = float(item.mean_value)
        else:
            value = float(item.sum_value)
        if math.isnan(value):
            continue
        rows.append(
            {
                "kpi": item.kpi,
                "period": item.period,
                "value": value,
                "numerator": numerator,
                "denominator": denominator,
                "comment": item.comment,
                "band": band(kpi, value),
                "meets_target": meets_target(kpi, value),
                "target": kpi.target,
            }
        )
    columns = ["kpi", "period", "value", "numerator", "denominator", "comment", "band", "meets_target", "target"]
    return pd.DataFrame(rows, columns=columns)
