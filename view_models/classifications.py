"""What the classification view says: per unit how far its systems have come, and which classifications
are older than the configured age, flagged with a word and a symbol (no streamlit)."""

from __future__ import annotations

import pandas as pd

from domain.configuration import Config
from domain.formatting import swedish_date, swedish_int, swedish_percent
from view_models.situation import KeyFigure

OUTDATED = "■ Äldre än {months} månader"
MISSING = "✗ Saknas"


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

    def dated(day: object) -> str:
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


def body_figure(coverage: pd.DataFrame, body: str, config: Config, months: int) -> KeyFigure | None:
    """The body's own systems classified, as a key figure on Lägesbild; the old ones named as such. No tone:
    there is no configured target to judge the share by."""
    mine = coverage[coverage["unit"] == body]
    if mine.empty:
        return None
    row = mine.iloc[0]
    systems, classified, outdated = int(row["systems"]), int(row["classified"]), int(row["outdated"])
    notes = (f"{swedish_int(classified)} av {swedish_int(systems)} system",)
    if outdated:
        notes += (f"{OUTDATED.format(months=months)}: {swedish_int(outdated)}",)
    return KeyFigure(
        f"{config.unit_names.get(body, body)}s system klassade",
        swedish_percent(round(100 * classified / systems)),
        notes,
    )
