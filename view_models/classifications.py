"""What the classification view says: per unit how far its systems have come, and which classifications
are older than the configured age, flagged with a word and a symbol (no streamlit)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from charts.classifications import coverage_by_unit
from domain.configuration import Config
from domain.datasets.classifications import DATASET
from domain.formatting import swedish_date, swedish_int, swedish_percent, swedish_value
from domain.roles import VIEW_NAMED
from queries import classifications as classification_queries
from rules.classifications import older_than, with_shares
from view_models.sections import Ask, Chart, Figure, Scope, Section, Table, ViewContent, scope_label

OUTDATED = "■ Äldre än {months} månader"
MISSING = "✗ Saknas"
ON_A_SLIDE = 8  # units on a slide, those furthest behind


def coverage_summary(coverage: pd.DataFrame, months: int) -> str:
    """'20 system i 5 enheter: 17 klassade (85 %), 14 med riskanalys (70 %), …; 4 klassningar äldre än 36 månader.'"""
    if coverage.empty:
        return "Inga system är registrerade."
    total = int(coverage["systems"].sum())

    def part(column: str, words: str) -> str:
        n = int(coverage[column].sum())
        return f"{swedish_int(n)} {words} ({swedish_percent(round(100 * n / total))})"

    outdated = int(coverage["outdated"].sum())
    return (
        f"{swedish_int(total)} system i {swedish_int(len(coverage))} enheter: "
        f"{part('classified', 'klassade')}, {part('risk_analysed', 'med riskanalys')}, "
        f"{part('followed_up', 'med åtgärder uppföljda')}; "
        f"{swedish_int(outdated)} klassningar äldre än {months} månader."
    )


def coverage_table(coverage: pd.DataFrame, config: Config, months: int) -> pd.DataFrame:
    def with_share(column: str) -> list[str]:
        return [
            f"{swedish_int(n)} ({swedish_percent(round(100 * n / total))})"
            for n, total in zip(coverage[column], coverage["systems"], strict=True)
        ]

    return pd.DataFrame(
        {
            "Enhet": coverage["unit"].map(lambda u: config.unit_names.get(u, u)),
            "System": [swedish_int(n) for n in coverage["systems"]],
            "Klassade": with_share("classified"),
            "Med riskanalys": with_share("risk_analysed"),
            "Åtgärder uppföljda": with_share("followed_up"),
            f"Klassning äldre än {months} mån": [swedish_int(n) for n in coverage["outdated"]],
        }
    )


def register_table(register: pd.DataFrame, config: Config, months: int) -> pd.DataFrame:
    """Each system, its steps' dates, and a flag where a step is missing or the classification too old."""
    flag = OUTDATED.format(months=months)

    def dated(day: Any) -> str:
        return MISSING if day is None or pd.isna(day) else swedish_date(day)

    return pd.DataFrame(
        {
            "Enhet": register["unit"].map(lambda u: config.unit_names.get(u, u)),
            "System": register["system"],
            "Klassad": [dated(d) for d in register["classified_date"]],
            "Riskanalys": [dated(d) for d in register["risk_analysis_date"]],
            "Åtgärder uppföljda": [dated(d) for d in register["measures_followed_up_date"]],
            "Aktualitet": [flag if old else "" for old in register["outdated"]],
        }
    )


def body_figure(coverage: pd.DataFrame, body: str, config: Config, months: int) -> Figure | None:
    """The body's own systems classified, as a key figure on Lägesbild; the old ones named as such. No tone:
    there is no configured target to judge the share by."""
    mine = coverage[coverage["unit"] == body]
    if mine.empty:
        return None
    row = mine.iloc[0]
    systems, classified, outdated = int(row["systems"]), int(row["classified"]), int(row["outdated"])
    notes: tuple[str, ...] = (f"{swedish_int(classified)} av {swedish_int(systems)} system",)
    if outdated:
        notes += (f"{OUTDATED.format(months=months)}: {swedish_int(outdated)}",)
    return Figure(
        f"{config.unit_names.get(body, body)}s system klassade",
        swedish_value(100 * classified / systems, "percent"),  # as the KPI it computes: one figure per fact
        notes,
        heading="Klassning",
        datasets=(DATASET.name,),
    )


def compose(ask: Ask, scope: Scope, config: Config) -> ViewContent:
    """Per unit the share classified, analysed and followed up, each counted from the systems; every system
    with its dates. Too old is judged on the scope's day (a meeting's date)."""
    view = VIEW_NAMED[DATASET.name]
    whose = scope_label(scope, config.unit_names)
    months = config.app.classification_max_age_months
    cutoff = older_than(scope.on, months)
    coverage = ask(classification_queries.coverage_by_unit, scope.units, cutoff)
    if coverage.empty:
        return ViewContent(view, whose, empty="Inga system är registrerade.")
    coverage = with_shares(coverage)
    shown = coverage.sort_values(["classified_share", "unit"]).head(ON_A_SLIDE)  # the furthest behind
    rest = f"De {len(shown)} enheter med lägst andel klassade av {len(coverage)}; alla finns på Informationsklassning."
    summary = coverage_summary(coverage, months)
    sections: list[Section] = [
        Chart(
            "Klassning, riskanalys och uppföljning per enhet",
            coverage_by_unit(coverage, config.unit_names),
            summary,
            coverage_table(coverage, config, months),
            "klassning-per-enhet.csv",
            slide_chart=coverage_by_unit(shown, config.unit_names) if scope.in_deck else None,
            note="" if len(shown) == len(coverage) else rest,
            datasets=(DATASET.name,),
        )
    ]
    if not scope.in_deck:
        register = ask(classification_queries.register, scope.units, cutoff)
        sections.append(Table("Varje system", register_table(register, config, months), "klassning-system.csv"))
    return ViewContent(view, whose, tuple(sections))  # the chart's sentence is the headline: said once
