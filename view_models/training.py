"""What the training view says: completion per audience in the latest year, the history, and each
body's own members (the Cybersecurity Act's training duty for management bodies), from the counts."""

from __future__ import annotations

import pandas as pd

from charts.training import completion_by_unit, completion_over_years
from domain.configuration import Config
from domain.datasets.training import DATASET
from domain.formatting import swedish_int, swedish_percent
from domain.roles import VIEW_NAMED
from domain.vocabulary import AUDIENCE_WORDS
from queries import training as training_queries
from rules.training import by_year_and_audience, with_completion
from view_models.sections import Ask, Chart, Figure, Scope, ViewContent, scope_label


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


def members_trained(rows: pd.DataFrame, body: str, config: Config) -> Figure | None:
    """rows (with share) of any units: the body's elected members in their latest year."""
    mine = rows[(rows["unit"] == body) & (rows["audience"] == "elected")]
    if mine.empty:
        return None
    year = int(mine["year"].max())
    latest = mine[mine["year"] == year]
    population, completed = int(latest["population"].sum()), int(latest["completed"].sum())
    share = 100.0 * completed / population if population else float("nan")
    name = config.unit_names.get(body, body)
    return Figure(
        f"{name}s ledamöter utbildade {year}",
        "–" if pd.isna(share) else _share(share),
        (
            f"{swedish_int(completed)} av {swedish_int(population)} ledamöter",
            "Utbildningskrav enligt cybersäkerhetslagen",
        ),
        heading="Ledamöternas utbildning",
        datasets=(DATASET.name,),
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


def compose(ask: Ask, scope: Scope, config: Config) -> ViewContent:
    """Completion per unit and audience in the latest year, and over the years, from the counts."""
    view = VIEW_NAMED[DATASET.name]
    whose = scope_label(scope, config.unit_names)
    rows = ask(training_queries.courses, scope.units)
    if rows.empty:
        return ViewContent(view, whose, empty="Ingen utbildning är registrerad ännu.")
    rows = with_completion(rows)
    year = int(rows["year"].max())
    latest = rows[rows["year"] == year]
    return ViewContent(
        view,
        whose,
        (
            Chart(
                f"Genomförd utbildning per enhet och målgrupp {year}",
                completion_by_unit(latest, config.unit_names),
                latest_summary(rows),
                course_table(latest, config),
                f"utbildning-{year}.csv",
                slide_title=f"Genomförd utbildning {year}",
                datasets=(DATASET.name,),
            ),
            Chart(
                "Utbildning över åren",
                completion_over_years(by_year_and_audience(rows)),
                history_summary(rows),
                course_table(rows, config),
                "utbildning.csv",
                heading="Över åren",
                datasets=(DATASET.name,),
            ),
        ),
    )
