"""Nyckeltal: a KPI's value per period and unit, or the counts it is computed from (rates from counts)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from domain import kinds as k
from domain.configuration import Config
from domain.declarations import Column, Columns, Dataset, Explore, Measure, RowContext, RowProblem, Stored, Words
from domain.periods import period_end

C = Column


def _plain(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _values_from_counts(p: Columns, ctx: RowContext) -> tuple[Columns, list[RowProblem]]:
    """Numerator and denominator come together, only for a percentage, and give the value; a value given
    beside them agrees with them to half a percentage point. A count is whole; a percentage below 1 looks
    like a fraction and is questioned."""
    problems: list[RowProblem] = []
    values: list[float | None] = []
    for i, kpi_id in enumerate(p["kpi"]):
        kpi = ctx.config.kpis[kpi_id]
        value, numerator, denominator = p["value"][i], p["numerator"][i], p["denominator"][i]
        if (numerator is None) != (denominator is None):
            missing = "numerator" if numerator is None else "denominator"
            problems.append((i, missing, None, "både täljare och nämnare, eller ingen av dem"))
        elif numerator is not None:
            if kpi.unit != "percent":
                expected = (
                    f"inget: täljare och nämnare gäller bara procenttal, "
                    f"och {kpi.id} anges som {kpi.unit}; skriv värdet i kolumnen värde"
                )
                problems.append((i, "numerator", None, expected))
            elif denominator == 0 or numerator > denominator:
                expected = "en nämnare större än 0 och inte mindre än täljaren"
                problems.append((i, "denominator", str(denominator), expected))
            else:
                computed = 100.0 * numerator / denominator
                if value is not None and abs(computed - value) > 0.5:
                    expected = f"samma värde som täljare/nämnare ger ({_plain(round(computed, 1))} %)"
                    problems.append((i, "value", _plain(value), expected))
                value = computed
        register = ctx.registers.get(kpi_id, {}).get(p["unit"][i])
        if register is not None and value is not None:
            end = period_end(p["period"][i])
            done, share = register.share_by(end)
            if abs(share - value) > 0.5:
                expected = (
                    f"samma andel som registret {register.title} ger: {_plain(round(share, 1))} % "
                    f"({done} av {register.rows} {register.counted} senast {end.isoformat()}); "
                    "rätta nyckeltalet eller registret"
                )
                problems.append((i, "value", f"{_plain(round(value, 1))} %", expected))
        if value is not None and kpi.unit == "count" and not float(value).is_integer():
            problems.append((i, "value", _plain(value), f"ett heltal: {kpi.name} räknas i antal"))
        elif numerator is None and value is not None and kpi.unit == "percent" and 0 < value < 1:
            question = f"{_plain(value)} ser ut som en andel; menade du {_plain(round(100 * value, 1))} %?"
            ctx.questions.append((i, "value", _plain(value), question))
        if value is None and numerator is None:
            problems.append((i, "value", None, "ett värde, eller täljare och nämnare"))
        elif value is not None and kpi.unit == "percent" and not 0 <= value <= 100:
            problems.append((i, "value", _plain(value), "en procentsats mellan 0 och 100"))
        elif value is not None and value < 0:
            problems.append((i, "value", _plain(value), "ett värde som är 0 eller större"))
        values.append(value)
    store = dict(p)
    store["value"] = values
    store["year"] = [int(period[:4]) for period in p["period"]]
    store["quarter"] = [int(period[5]) if len(period) == 6 else None for period in p["period"]]
    return store, problems


def _unit_of_value(key: tuple[Any, ...], config: Config) -> str | None:
    """The preview writes a KPI's old and new value in its own unit (the key is period, unit, KPI)."""
    kpi = config.kpis.get(key[2])
    return None if kpi is None else kpi.unit


DATASET = Dataset(
    "kpis",
    "Nyckeltal",
    20,
    (
        C("period", "period", k.PERIOD, True, "2025Q2"),
        C("unit", "enhet", k.UNIT, True, "Servicenämnden", words=Words("enheter")),
        C("kpi", "nyckeltal", k.KPI, True, "phishing_click_rate", words=Words("nyckeltal", listed=3)),
        C("value", "värde", k.NUMBER, False, "", nullable=False),
        C("numerator", "täljare", k.COUNT0, False, "320", sql=sa.BigInteger),
        C("denominator", "nämnare", k.COUNT0, False, "1000", sql=sa.BigInteger),
        C("comment", "kommentar", k.TEXT, False, "Simuleringen avbröts efter 27 av 72 timmar"),
    ),
    scope=("period", "unit", "kpi"),  # a file replaces exactly the KPIs it names
    scope_text="period × enhet × nyckeltal",
    keys=("period", "unit", "kpi"),
    period_column="period",
    stored=(Stored("year", sa.Integer), Stored("quarter", sa.Integer, nullable=True)),
    rules=_values_from_counts,
    # Rows imported before the scope became period × unit × KPI carry the older key (period|unit).
    match_scope_on_columns=True,
    value_unit=_unit_of_value,
    explore=Explore(
        (Measure("value", "Värde (medel över enheter)", lambda t: sa.func.avg(t.c.value), "number"),),
        {"period": "Period", "year": "År", "unit": "Enhet", "kpi": "Nyckeltal"},
    ),
)
