"""What the self-assessment view says: its summaries and tables."""

from __future__ import annotations

import pandas as pd

from domain import vocabulary
from domain.configuration import Config
from domain.formatting import swedish_int, swedish_percent

RATING_WORDS = vocabulary.RATING_WORDS
RATING_ORDER = [c.id for c in vocabulary.RATINGS]


def shares_summary(shares: pd.DataFrame) -> str:
    satisfied = shares[shares["rating"] == "satisfactory"].sort_values("year")
    if satisfied.empty:
        return "Inga bedömningar är tillfredsställande."
    first, last = satisfied.iloc[0], satisfied.iloc[-1]
    text = f"Tillfredsställande {int(last['year'])}: {swedish_percent(last['share'])}"
    if len(satisfied) > 1:
        text = (
            f"Andelen tillfredsställande gick från {swedish_percent(first['share'])} ({int(first['year'])}) "
            f"till {swedish_percent(last['share'])} ({int(last['year'])})"
        )
    improvement = shares[(shares["rating"] == "improvement") & (shares["year"] == last["year"])]
    if not improvement.empty:
        text += f"; förbättringsområden {swedish_percent(improvement.iloc[0]['share'])}"
    return text + "."


def shares_table(shares: pd.DataFrame) -> pd.DataFrame:
    table = shares.pivot_table(index="year", columns="rating", values="share", fill_value=0.0)
    table = table.reindex(columns=[r for r in RATING_ORDER if r in table.columns])
    out = table.map(lambda v: swedish_percent(v)).rename(columns=RATING_WORDS)
    counts = shares.groupby("year")["count"].sum()
    out["Antal bedömningar"] = counts.map(str)
    return out.reset_index().rename(columns={"year": "År"})


def matrix_summary(matrix: pd.DataFrame, config: Config) -> str:
    per_unit = matrix.groupby("unit")[["satisfactory", "total"]].sum()
    share = 100 * per_unit["satisfactory"] / per_unit["total"]
    lowest = share.sort_values().head(3)
    text = ", ".join(f"{config.unit_names.get(u, u)} {swedish_percent(v)}" for u, v in lowest.items())
    return f"{len(per_unit)} enheter; lägst andel tillfredsställande: {text}."


def matrix_table(matrix: pd.DataFrame, config: Config, categories: list[str]) -> pd.DataFrame:
    table = matrix.pivot_table(index="unit", columns="category", values="share")
    table = table.reindex(columns=[c for c in categories if c in table.columns]).map(swedish_percent)
    table.index = table.index.map(lambda u: config.unit_names.get(u, u))
    return table.reset_index().rename(columns={"unit": "Enhet"}).fillna("–")


def statement_table(results: pd.DataFrame) -> pd.DataFrame:
    table = results.pivot_table(
        index=["statement", "text"], columns="rating", values="share", fill_value=0.0, sort=False
    )
    table = table.reindex(columns=[r for r in RATING_ORDER if r in table.columns]).map(swedish_percent)
    return table.rename(columns=RATING_WORDS).reset_index().rename(columns={"statement": "Påstående", "text": "Text"})


def comparison_summary(comparison: pd.DataFrame, first: int, last: int) -> str:
    """'Andelen tillfredsställande per påstående gick från 41–71 % (2021) till 65–78 % (2024).'"""

    def span(year: int) -> str:
        shares = comparison.loc[comparison["year"] == year, "share"].round()
        low, high = shares.min(), shares.max()
        return swedish_percent(low) if low == high else f"{swedish_int(low)}–{swedish_percent(high)}"

    if comparison.empty:
        return "Inga bedömningar att jämföra."
    return f"Andelen tillfredsställande per påstående gick från {span(first)} ({first}) till {span(last)} ({last})."


def comparison_table(comparison: pd.DataFrame, first: int, last: int, texts: dict[str, str]) -> pd.DataFrame:
    rows = []
    for statement in (s for s in texts if s in set(comparison["statement"])):
        mine = comparison[comparison["statement"] == statement].set_index("year")
        row = {"Påstående": statement, "Text": texts[statement]}
        for year in (first, last):
            if year in mine.index:
                r = mine.loc[year]
                row[str(year)] = f"{swedish_percent(r['share'])} ({int(r['satisfactory'])} av {int(r['total'])})"
            else:
                row[str(year)] = "–"
        if first in mine.index and last in mine.index:
            change = round(mine.at[last, "share"]) - round(mine.at[first, "share"])
            row["Förändring"] = f"{change:+d} procentenheter".replace("-", "−")
        else:
            row["Förändring"] = "–"
        rows.append(row)
    return pd.DataFrame(rows)
