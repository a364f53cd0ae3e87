"""What the training view says: completion per audience in the latest year, the history, and each
body's own members (the Cybersecurity Act's training duty for management bodies), from the counts."""

from __future__ import annotations

import pandas as pd

from domain.configuration import Config
from domain.formatting import swedish_int, swedish_percent
from domain.vocabulary import AUDIENCE_WORDS
from rules.training import by_year_and_audience
from view_models.situation import KeyFigure


def _share(value: float) -> str:
    rounded = round(float(value))
    return swedish_percent(rounded)


def latest_summary(rows: pd.DataFrame) -> str:
    """'2025: medarbetare 79 % (19 292 av 24 500), chefer 88 % (…), förtroendevalda 54 % (15 av 28).'"""
    if rows.empty:
        return "Ingen utbildning är registrerad."
    year = int(rows["year"].max())
    summed = by_year_and_audience(rows[rows["year"] == year])
    summed = summed.sort_values("audience", key=lambda a: a.map(list(AUDIENCE_WORDS).index))  # staff first
    parts = [
        f"{AUDIENCE_WORDS[r.audience].lower()} {_share(r.share)} "
        f"({swedish_int(r.completed)} av {swedish_int(r.population)})"
        for r in summed.itertuples()
        if not pd.isna(r.share)
    ]
    return f"Genomförd utbildning {year}: " + ", ".join(parts) + "."


def history_summary(rows: pd.DataFrame) -> str:
    """Each audience from its first year to its last: 'Medarbetare 2015: 10 % → 2025: 79 %'."""
    if rows.empty:
        return "Ingen utbildning är registrerad."
    summed = by_year_and_audience(rows)
    parts = []
    for audience in AUDIENCE_WORDS:
        mine = summed[summed["audience"] == audience].dropna(subset=["share"]).sort_values("year")
        if mine.empty:
            continue
        first, last = mine.iloc[0], mine.iloc[-1]
        text = f"{AUDIENCE_WORDS[audience]} {int(last['year'])}: {_share(last['share'])}"
        if len(mine) > 1:
            text = (
                f"{AUDIENCE_WORDS[audience]} {int(first['year'])}: {_share(first['share'])} → {text.split(' ', 1)[1]}"
            )
        parts.append(text)
    return "Andel som genomfört utbildningen – " + "; ".join(parts) + "."


def members_trained(rows: pd.DataFrame, body: str, config: Config) -> KeyFigure | None:
    """rows (with share) of any units: the body's elected members in their latest year."""
    mine = rows[(rows["unit"] == body) & (rows["audience"] == "elected")]
    if mine.empty:
        return None
    year = int(mine["year"].max())
    latest = mine[mine["year"] == year]
    population, completed = int(latest["population"].sum()), int(latest["completed"].sum())
    share = 100.0 * completed / population if population else float("nan")
    name = config.unit_names.get(body, body)
    return KeyFigure(
        f"{name}s ledamöter utbildade {year}",
        "–" if pd.isna(share) else _share(share),
        (
            f"{swedish_int(completed)} av {swedish_int(population)} ledamöter",
            "Utbildningskrav enligt cybersäkerhetslagen",
        ),
    )


def course_table(rows: pd.DataFrame, config: Config) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Period": rows["period"],
            "Enhet": rows["unit"].map(lambda u: config.unit_names.get(u, u)),
            "Målgrupp": rows["audience"].map(AUDIENCE_WORDS),
            "Utbildning": rows["course"],
            "I målgruppen": [swedish_int(n) for n in rows["population"]],
            "Genomförda": [swedish_int(n) for n in rows["completed"]],
            "Andel": ["–" if pd.isna(v) else _share(v) for v in rows["share"]],
        }
    )
