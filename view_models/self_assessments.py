"""What the self-assessment view says: its summaries and tables."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.self_assessments import shares_over_years, statements_compared, unit_category_matrix
from domain import vocabulary
from domain.configuration import Assessment, Config
from domain.datasets.self_assessments import DATASET
from domain.formatting import swedish_int, swedish_percent
from domain.roles import VIEW_NAMED
from queries import self_assessments as self_assessment_queries
from rules.self_assessments import (
    satisfactory_by_unit_and_category,
    shares_by_year,
    statement_comparison,
    statement_results,
)
from view_models.sections import Ask, Chart, Scope, Section, Table, ViewContent, scope_label

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


MATRIX_UNITS = 24  # units in the matrix on the slides: with more, those with the lowest share
UNITS_PER_SLIDE = 8  # rows of a matrix or statements compared on one slide


def compose(ask: Ask, scope: Scope, config: Config) -> ViewContent:
    """The link's assessment (`assessment`) on the screen: its ratings per year, units × categories, each
    statement, and each statement first year against the latest. In the deck the first assessment's
    ratings and matrix, and every further assessment's statements compared."""
    view = VIEW_NAMED[DATASET.name]
    whose = scope_label(scope, config.unit_names)
    assessments = list(config.assessments.values())
    if not assessments:
        return ViewContent(view, whose, empty="Inga självskattningar ännu.")
    if scope.in_deck:
        first = assessments[0]
        sections = _ratings(ask, scope, config, first, on_screen=False)
        for further in assessments[1:]:
            sections += _compared(ask, scope, further, in_deck=True)
    else:
        chosen = [a for a in assessments if a.id in scope.filter("assessment")] or assessments[:1]
        sections = _ratings(ask, scope, config, chosen[0], on_screen=True) + _compared(
            ask, scope, chosen[0], in_deck=False
        )
    if not sections:
        return ViewContent(view, whose, empty="Inga självskattningar ännu.")
    return ViewContent(view, whose, tuple(sections))


def _ratings(ask: Ask, scope: Scope, config: Config, assessment: Assessment, *, on_screen: bool) -> list[Section]:
    years = ask(self_assessment_queries.assessment_years, assessment.id)
    if not years:
        return []
    shares = shares_by_year(ask(self_assessment_queries.rating_counts_by_year, assessment.id, scope.units))
    year = years[-1]
    ratings = ask(self_assessment_queries.ratings_by_unit_and_statement, assessment.id, year)
    if scope.units:
        ratings = ratings[ratings["unit"].isin(scope.units)]
    matrix = satisfactory_by_unit_and_category(ratings, assessment)
    categories = [c.name for c in assessment.categories]
    title = f"Andel tillfredsställande per enhet och kategori {year}"
    pages, lowest = _matrix_pages(matrix, config, categories) if not on_screen else ((), "")
    sections: list[Section] = [
        Chart(
            f"{assessment.name} – bedömningar per år",
            shares_over_years(shares),
            shares_summary(shares),
            shares_table(shares),
            f"{assessment.id}-per-ar.csv",
            datasets=(DATASET.name,),
        ),
        Chart(
            title,
            unit_category_matrix(matrix, config.unit_names, categories),
            matrix_summary(matrix, config),
            matrix_table(matrix, config, categories),
            f"{assessment.id}-matris-{year}.csv",
            fit="rows",
            slide_pages=pages,
            note=lowest,
            datasets=(DATASET.name,),
        ),
    ]
    if on_screen:
        sections.append(Table(f"Varje påstående {year}", statement_table(statement_results(ratings, assessment))))
    return sections


def _matrix_pages(
    matrix: pd.DataFrame, config: Config, categories: list[str]
) -> tuple[tuple[tuple[alt.TopLevelMixin, pd.DataFrame], ...], str]:
    """The matrix a slide at a time; a city's hundred units: those with the lowest share, the note says so."""
    units = list(dict.fromkeys(matrix["unit"])) if not matrix.empty else []
    lowest = ""
    if len(units) > MATRIX_UNITS:
        per_unit = matrix.groupby("unit")[["satisfactory", "total"]].sum()
        share = (per_unit["satisfactory"] / per_unit["total"]).sort_values(kind="stable")
        units = sorted(share.index[:MATRIX_UNITS])
        lowest = (
            f"De {MATRIX_UNITS} enheter med lägst andel av {swedish_int(len(share))}; alla finns på Självskattningar."
        )
    pages = []
    for start in range(0, len(units), UNITS_PER_SLIDE):
        part = matrix[matrix["unit"].isin(units[start : start + UNITS_PER_SLIDE])]
        pages.append(
            (unit_category_matrix(part, config.unit_names, categories), matrix_table(part, config, categories))
        )
    return tuple(pages), lowest


def _compared(ask: Ask, scope: Scope, assessment: Assessment, *, in_deck: bool) -> list[Section]:
    """Each statement's share satisfactory in the first year against the latest (the access review's FT1–FT6)."""
    years = ask(self_assessment_queries.assessment_years, assessment.id)
    if len(years) < 2:
        return []
    first, last = years[0], years[-1]
    texts = {s.id: s.text for s in assessment.statements}
    comparison = statement_comparison(
        ask(self_assessment_queries.satisfactory_by_statement, assessment.id, scope.units), first, last
    )
    ids = [s for s in texts if s in set(comparison["statement"])]
    pages = tuple(
        (
            statements_compared(part, first, last, texts),
            comparison_table(part, first, last, texts),
        )
        for start in range(0, len(ids) if in_deck else 0, UNITS_PER_SLIDE)
        if not (part := comparison[comparison["statement"].isin(ids[start : start + UNITS_PER_SLIDE])]).empty
    )
    return [
        Chart(
            f"{assessment.name}: varje påstående {first} och {last}",
            statements_compared(comparison, first, last, texts),
            comparison_summary(comparison, first, last),
            comparison_table(comparison, first, last, texts),
            f"{assessment.id}-pastaenden-{first}-{last}.csv",
            slide_pages=pages,
            heading=f"Varje påstående {first} och {last}",
            datasets=(DATASET.name,),
        )
    ]
