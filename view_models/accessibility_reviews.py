"""What the accessibility view says: the review in the report's own terms (services sampled, criteria
tested of the standard's, services without failures, videos with deficiencies), from the counts."""

from __future__ import annotations

from typing import Any

import pandas as pd

from charts.accessibility_reviews import failed_by_service, finding_label
from domain.configuration import Config
from domain.datasets.accessibility_reviews import DATASET
from domain.formatting import swedish_int, swedish_percent
from domain.roles import VIEW_NAMED
from queries import accessibility_reviews as accessibility_queries
from rules.accessibility_reviews import worst_first
from view_models.sections import Ask, Chart, Figure, Scope, Section, Table, ViewContent, scope_label

ON_A_SLIDE = 8  # services on a slide, the worst findings first


def year_summary(totals: pd.Series, criteria_in_standard: int) -> str:
    """'2024: 29 tjänster granskade mot 12 av standardens 87 kriterier; 10 utan underkända kriterier,
    9 med allvarliga och 2 med kritiska brister. 11 av 44 filmer (25 %) hade brister.'"""
    year, services = int(totals["year"]), int(totals["services"])
    text = (
        f"{year}: {swedish_int(services)} tjänster granskade mot {swedish_int(int(totals['criteria_tested']))} av "
        f"standardens {swedish_int(criteria_in_standard)} kriterier; {swedish_int(int(totals['passed']))} utan "
        f"underkända kriterier, {swedish_int(int(totals['serious']))} med allvarliga och "
        f"{swedish_int(int(totals['critical']))} med kritiska brister."
    )
    reviewed, deficient = int(totals["videos_reviewed"]), int(totals["videos_deficient"])
    if reviewed:
        share = swedish_percent(round(100 * deficient / reviewed))
        text += f" {swedish_int(deficient)} av {swedish_int(reviewed)} granskade filmer ({share}) hade brister."
    return text


def services_table(services: pd.DataFrame, config: Config) -> pd.DataFrame:
    def count(value: Any) -> str:
        return "" if value is None or pd.isna(value) else swedish_int(int(value))

    return pd.DataFrame(
        {
            "Enhet": services["unit"].map(lambda u: config.unit_names.get(u, u)),
            "Tjänst": services["service"],
            "Testade kriterier": [swedish_int(int(n)) for n in services["criteria_tested"]],
            "Underkända kriterier": [swedish_int(int(n)) for n in services["criteria_failed"]],
            "Allvarligaste brist": [
                finding_label(s, f) for s, f in zip(services["severity"], services["criteria_failed"], strict=True)
            ],
            "Granskade filmer": [count(v) for v in services["videos_reviewed"]],
            "Filmer med brister": [count(v) for v in services["videos_deficient"]],
        }
    )


def years_table(totals: pd.DataFrame, criteria_in_standard: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "År": totals["year"].astype(int).astype(str),
            "Tjänster": [swedish_int(int(n)) for n in totals["services"]],
            f"Testade kriterier (av {criteria_in_standard})": [swedish_int(int(n)) for n in totals["criteria_tested"]],
            "Utan underkända": [swedish_int(int(n)) for n in totals["passed"]],
            "Allvarliga": [swedish_int(int(n)) for n in totals["serious"]],
            "Kritiska": [swedish_int(int(n)) for n in totals["critical"]],
            "Filmer med brister": [
                f"{swedish_int(int(d))} av {swedish_int(int(r))}"
                + (f" ({swedish_percent(round(100 * d / r))})" if r else "")
                for d, r in zip(totals["videos_deficient"], totals["videos_reviewed"], strict=True)
            ],
        }
    )


def body_figure(totals: pd.DataFrame, body: str, config: Config) -> Figure | None:
    """totals of the body's own services: in the latest review, how many failed a criterion."""
    if totals.empty:
        return None
    last = totals.iloc[-1]
    services, failing = int(last["services"]), int(last["services"]) - int(last["passed"])
    return Figure(
        f"{config.unit_names.get(body, body)}s tjänster med brister {int(last['year'])}",
        f"{swedish_int(failing)} av {swedish_int(services)}",
        (f"allvarliga {swedish_int(int(last['serious']))} · kritiska {swedish_int(int(last['critical']))}",),
        heading="Tillgänglighet",
        datasets=(DATASET.name,),
    )


def compose(ask: Ask, scope: Scope, config: Config) -> ViewContent:
    """A year's review in its own terms, the failed criteria per service (worst finding first on the slide),
    and the years side by side. The year is the link's (`year`), else the latest."""
    view = VIEW_NAMED[DATASET.name]
    whose = scope_label(scope, config.unit_names)
    totals = ask(accessibility_queries.totals_by_year, scope.units)
    if totals.empty:
        return ViewContent(view, whose, empty="Inga granskningar är registrerade.")
    criteria = config.app.accessibility_criteria
    wanted = scope.filter("year")
    year = int(wanted[0]) if wanted else int(totals.iloc[-1]["year"])
    of_year = totals[totals["year"] == year].iloc[0]
    services = ask(accessibility_queries.services, year, scope.units)
    shown = worst_first(services).head(ON_A_SLIDE)
    rest = f"De {len(shown)} tjänster med allvarligast brister av {len(services)}; alla finns på Tillgänglighet."
    summary = year_summary(of_year, criteria)
    sections: list[Section] = [
        Chart(
            f"Underkända kriterier per tjänst {year}",
            failed_by_service(services, config.unit_names),
            summary,
            services_table(services, config),
            f"tillganglighet-{year}.csv",
            fit="rows",
            slide_chart=failed_by_service(shown, config.unit_names) if scope.in_deck else None,
            note="" if len(shown) == len(services) else rest,
            datasets=(DATASET.name,),
        )
    ]
    if not scope.in_deck:
        sections.append(Table("Granskningarna år för år", years_table(totals, criteria)))
    return ViewContent(view, whose, tuple(sections))  # the chart's sentence is the headline: said once
