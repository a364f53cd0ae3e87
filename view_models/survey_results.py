"""What the survey view says: each question's answers per unit and for everyone, and one question over
the years, always from the respondents (no streamlit)."""

from __future__ import annotations

import pandas as pd

from charts.survey_results import answers_by_unit, positive_over_years, unit_label
from domain.configuration import Config, Survey
from domain.datasets.survey_results import DATASET
from domain.formatting import swedish_int, swedish_percent
from domain.roles import VIEW_NAMED
from queries import survey_results as survey_queries
from rules.survey_results import ALL, answer_shares, positive_shares
from view_models.sections import Ask, Chart, Scope, Section, Text, ViewContent, scope_label


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


SURVEY_QUESTIONS = 6  # questions of a survey in the deck; the view has them all
SURVEY_UNITS = 13  # bars of a question on a slide, the average included


def compose(ask: Ask, scope: Scope, config: Config) -> ViewContent:
    """A chart per question, a bar per unit and everyone's average; one question over the years. On the
    screen the link's survey, year and question (`survey`, `year`, `fraga`); in the deck each survey's
    latest year, its first questions, and on a slide the units with the lowest share."""
    view = VIEW_NAMED[DATASET.name]
    whose = scope_label(scope, config.unit_names)
    editions = ask(survey_queries.editions)
    editions = editions[editions["survey"].isin(list(config.surveys))]
    if editions.empty:
        return ViewContent(view, whose, empty="Inga enkätsvar är registrerade.")
    surveys = [config.surveys[s] for s in dict.fromkeys(editions["survey"])]
    if not scope.in_deck:
        surveys = [s for s in surveys if s.id in scope.filter("survey")] or surveys[:1]
    sections: list[Section] = []
    for survey in surveys:
        years = sorted(int(y) for y in editions.loc[editions["survey"] == survey.id, "year"])
        wanted = [int(y) for y in scope.filter("year") if y.isdigit() and int(y) in years]
        year = years[-1] if scope.in_deck or not wanted else wanted[0]
        sections += _questions(ask, scope, config, survey, year)
        if not scope.in_deck and len(years) > 1:
            sections += _over_the_years(ask, scope, config, survey)
    return ViewContent(view, whose, tuple(sections))


def _questions(ask: Ask, scope: Scope, config: Config, survey: Survey, year: int) -> list[Section]:
    answers = ask(survey_queries.answers_by_unit, survey.id, year, scope.units)
    questions = [q for q in ask(survey_queries.questions, survey.id)]
    sections: list[Section] = [
        Text(": varje stapel är en enhet, den sista alla svarande.", strong=f"{survey.name} {year}")
    ]
    asked = [(n, q) for n, q in enumerate(questions, start=1) if q in set(answers["question"])]
    more = len(asked) - SURVEY_QUESTIONS
    for i, (number, question) in enumerate(asked):
        shares = answer_shares(answers[answers["question"] == question])
        shown, few = fewest_positive(shares, survey.positive)
        last = f"{more} frågor till finns på Enkäter." if i + 1 == SURVEY_QUESTIONS and more > 0 else ""
        sections.append(
            Chart(
                f"{survey.name} {year}, fråga {number}",
                answers_by_unit(shares, survey.scale, survey.positive, config.unit_names),
                question_summary(shares, survey, config),
                answers_table(shares, survey, config),
                f"{survey.id}-{year}-fraga-{number}.csv",
                fit="short",
                slide_chart=(
                    answers_by_unit(shown, survey.scale, survey.positive, config.unit_names) if scope.in_deck else None
                ),
                lead=question,
                heading=f"Fråga {number}",
                note=" ".join(n for n in (few, last) if n),
                on_slide=i < SURVEY_QUESTIONS,
                datasets=(DATASET.name,),
            )
        )
    return sections


def _over_the_years(ask: Ask, scope: Scope, config: Config, survey: Survey) -> list[Section]:
    """The link's question (`fraga`, numbered as the survey asks them) across the years it was answered."""
    questions = ask(survey_queries.questions, survey.id)
    wanted = [int(n) for n in scope.filter("fraga") if n.isdigit() and 1 <= int(n) <= len(questions)]
    number = wanted[0] if wanted else 1
    compared = questions[number - 1]
    by_year = positive_shares(ask(survey_queries.positive_by_year, survey.id, compared, survey.positive, scope.units))
    return [
        Chart(
            f"Fråga {number} över åren",
            positive_over_years(by_year, config.unit_names, " eller ".join(survey.positive)),
            years_summary(by_year, survey),
            years_table(by_year, config),
            f"{survey.id}-fraga-{number}-over-aren.csv",
            lead=compared,
            on_slide=False,
            datasets=(DATASET.name,),
        )
    ]


def fewest_positive(shares: pd.DataFrame, positive: tuple[str, ...]) -> tuple[pd.DataFrame, str]:
    """A city's many units: those with the lowest positive share, and the average of everyone; and the note."""
    units = [u for u in dict.fromkeys(shares["unit"]) if u != ALL]
    if len(units) < SURVEY_UNITS:
        return shares, ""
    share = shares[shares["answer"].isin(positive)].groupby("unit")["share"].sum().reindex(units, fill_value=0)
    kept = set(share.sort_values(kind="stable").index[: SURVEY_UNITS - 1])
    note = f"De {len(kept)} enheter med lägst andel av {len(units)}, och alla svarande; alla finns på Enkäter."
    return shares[shares["unit"].isin(kept | {ALL})], note
