"""What the survey view says: each question's answers per unit and for everyone, and one question over
the years, always from the respondents (no streamlit)."""

from __future__ import annotations

import pandas as pd

from charts.survey_results import unit_label
from domain.configuration import Config, Survey
from domain.formatting import swedish_int, swedish_percent
from rules.survey_results import ALL


def positive_words(survey: Survey) -> str:
    """'Ja' or 'Ja eller Delvis', in quotes: what the share counts."""
    return " eller ".join(f"«{a}»" for a in survey.positive)


def question_summary(shares: pd.DataFrame, survey: Survey, config: Config) -> str:
    """'10 % av 420 svarande svarade «Ja» (högst Servicenämnden 17 %, lägst Kulturnämnden 3 %).'"""
    positive = shares[shares["answer"].isin(survey.positive)].groupby("unit")["respondents"].sum()
    totals = shares.groupby("unit")["respondents"].sum()
    if ALL not in totals or totals[ALL] == 0:
        return "Ingen har svarat på frågan."
    share = 100.0 * positive.reindex(totals.index, fill_value=0) / totals.where(totals > 0)
    everyone = f"{swedish_percent(round(share[ALL]))} av {swedish_int(int(totals[ALL]))} svarande"
    text = f"{everyone} svarade {positive_words(survey)}"
    units = share.drop(ALL).dropna()
    if len(units) > 1:
        high, low = units.idxmax(), units.idxmin()
        text += (
            f" (högst {config.unit_names.get(high, high)} {swedish_percent(round(units[high]))}, "
            f"lägst {config.unit_names.get(low, low)} {swedish_percent(round(units[low]))})"
        )
    return text + "."


def answers_table(shares: pd.DataFrame, survey: Survey, config: Config) -> pd.DataFrame:
    """A row per unit, the average last: each answer's count and share, and the respondents."""
    order = sorted((u for u in shares["unit"].unique() if u != ALL), key=lambda u: config.unit_names.get(u, u))
    rows = []
    for unit in [*order, ALL]:
        mine = shares[shares["unit"] == unit].set_index("answer")
        row = {"Enhet": unit_label(unit, config.unit_names)}
        for answer in survey.scale:
            if answer in mine.index:
                n, share = int(mine.at[answer, "respondents"]), mine.at[answer, "share"]
                row[answer] = f"{swedish_int(n)} ({'–' if pd.isna(share) else swedish_percent(round(share))})"
            else:
                row[answer] = "0"
        row["Svarande"] = swedish_int(int(mine["respondents"].sum()))
        rows.append(row)
    return pd.DataFrame(rows)


def years_summary(shares: pd.DataFrame, survey: Survey) -> str:
    """'Andel «Ja», alla svarande: 2020 10 % → 2023 14 %.'"""
    everyone = shares[shares["unit"] == ALL].sort_values("year")
    parts = [f"{int(r.year)} {swedish_percent(round(r.share))}" for r in everyone.itertuples() if not pd.isna(r.share)]
    if not parts:
        return "Ingen har svarat på frågan."
    return f"Andel som svarat {positive_words(survey)}, alla svarande: " + " → ".join(parts) + "."


def years_table(shares: pd.DataFrame, config: Config) -> pd.DataFrame:
    order = sorted((u for u in shares["unit"].unique() if u != ALL), key=lambda u: config.unit_names.get(u, u))
    rows = []
    for unit in [*order, ALL]:
        mine = shares[shares["unit"] == unit].sort_values("year")
        row = {"Enhet": unit_label(unit, config.unit_names)}
        for r in mine.itertuples():
            row[str(int(r.year))] = (
                f"{'–' if pd.isna(r.share) else swedish_percent(round(r.share))} "
                f"({swedish_int(int(r.positive))} av {swedish_int(int(r.respondents))})"
            )
        rows.append(row)
    return pd.DataFrame(rows).fillna("–")
