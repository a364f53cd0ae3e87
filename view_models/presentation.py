"""The deck a board is shown: the board views in meeting order, cut into slides that each fit one projector
screen, with the figures and sentences of the views themselves (no streamlit).

A slide holds at most what fits 1280×720 at projector type: ten status tiles, three key figures, two
charts, or a page of lines. What a view has beyond that goes on further slides of the same view. The body
and the quarter are fixed for the whole deck; a slide says whose figures it shows (the body, or the whole
municipality for incidents, recommendations and self-assessments, as on their views). The board pack is
made from the same slides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import altair as alt
import pandas as pd

from charts.accessibility_reviews import failed_by_service
from charts.classifications import coverage_by_unit
from charts.documents import revision_timeline
from charts.incidents import by_unit, category_split, monthly_by_severity, on_time_by_year_chart, yearly_totals
from charts.kpis import kpi_chart
from charts.maturity import distribution_by_year, unit_moves
from charts.phishing_campaigns import click_rates, durations
from charts.recommendations import status_per_audit, status_per_year
from charts.self_assessments import shares_over_years, statements_compared, unit_category_matrix
from charts.status import status_heatmap
from charts.survey_results import answers_by_unit
from charts.training import completion_by_unit, completion_over_years
from data_sources.meetings import MeetingRecord
from domain.configuration import Config
from domain.datasets import DATASETS
from domain.formatting import swedish_datetime, swedish_int, swedish_percent
from domain.roles import MEETING_VIEWS
from domain.vocabulary import RECOMMENDATION_WORDS
from queries import accessibility_reviews as accessibility_queries
from queries import classifications as classification_queries
from queries import documents as document_queries
from queries import incidents as incident_queries
from queries import maturity as maturity_queries
from queries import phishing_campaigns as phishing_queries
from queries import recommendations as recommendation_queries
from queries import self_assessments as self_assessment_queries
from queries import status as status_queries
from queries import survey_results as survey_queries
from queries import training as training_queries
from queries.data_overview import imports_after
from rules.accessibility_reviews import worst_first
from rules.changes import Change
from rules.classifications import older_than, with_shares
from rules.documents import with_revision_state
from rules.incidents import ON_TIME_TARGET, on_time_by_year, reporting_deadlines
from rules.kpis import quarterly_values
from rules.maturity import moves
from rules.phishing_campaigns import with_rates
from rules.recommendations import status_counts, with_overdue
from rules.self_assessments import satisfactory_by_unit_and_category, shares_by_year, statement_comparison
from rules.survey_results import ALL, answer_shares
from rules.training import by_year_and_audience, with_completion
from view_models.accessibility_reviews import body_figure as accessibility_figure
from view_models.accessibility_reviews import services_table, year_summary
from view_models.classifications import body_figure as classification_figure
from view_models.classifications import coverage_summary, coverage_table
from view_models.documents import overdue_summary, register_table
from view_models.incidents import (
    category_summary,
    category_table,
    critical_table,
    deadline_summary,
    deadline_table,
    monthly_summary,
    monthly_table,
    unit_summary,
    unit_table,
    yearly_summary,
)
from view_models.maturity import body_figure as maturity_figure
from view_models.maturity import distribution_summary, levels_table, moves_summary, moves_table
from view_models.phishing_campaigns import (
    campaign_table,
    click_target,
    duration_summary,
    latest_campaign,
    trend_summary,
)
from view_models.recommendations import overview_table, status_summary
from view_models.self_assessments import (
    comparison_summary,
    comparison_table,
    matrix_summary,
    matrix_table,
    shares_summary,
    shares_table,
)
from view_models.situation import KeyFigure, changes_since_meeting, situation_from
from view_models.status import (
    heatmap_summary,
    heatmap_table,
    kpi_summary,
    kpi_table,
    recent_quarters,
)
from view_models.survey_results import answers_table, question_summary
from view_models.training import course_table, history_summary, members_trained
from view_models.training import latest_summary as training_latest

Ask = Callable[..., Any]

AREAS_PER_SLIDE = 10
KPIS_PER_SLIDE = 3
CHART_HEIGHT = 360  # one chart a slide, with its axes and legend
PAIR_HEIGHT = 300  # two charts side by side, each with its sentence above
ROW_STEP = alt.Step(28)  # a row of a heat map (areas, units): room for its label at projector size
UNITS_PER_SLIDE = 8  # rows of a unit × category matrix, and units in the incidents per unit
LINE_BUDGET = 8  # lines of about LINE_WIDTH characters a slide of lines holds
LINE_WIDTH = 100
CRITICAL_LISTED = 12  # the latest critical incidents named in the deck; the view lists them all
LISTED_AT_MOST = 16  # lines of a list (changes, overdue recommendations) in the deck; the view has them all
MATRIX_UNITS = 24  # units in the self-assessment matrix: with more, those with the lowest share
WHOLE_MUNICIPALITY = "hela kommunen"


@dataclass(frozen=True)
class Figure:
    """A tile: a label, its key figure or status word, and a line or two under it. `tone` (green, amber,
    red) is drawn as a badge next to a symbol and a word that say the same, never by colour alone."""

    label: str
    value: str
    notes: tuple[str, ...] = ()
    tone: str | None = None
    dataset: str = ""


@dataclass(frozen=True)
class ChartPart:
    """A chart with its sentence (also its alt text) and the table behind it."""

    title: str
    chart: alt.TopLevelMixin
    summary: str
    table: pd.DataFrame
    dataset: str = ""


@dataclass(frozen=True)
class Line:
    text: str
    kind: str = ""  # 'better', 'worse', 'info', 'overdue': a word and a symbol go with it


@dataclass(frozen=True)
class Slide:
    view: str  # the board view it comes from (domain.roles.VIEWS)
    title: str
    scope: str  # whose figures: the body's name, or "hela kommunen"
    lead: str = ""
    figures: tuple[Figure, ...] = ()
    columns: int = 5
    charts: tuple[ChartPart, ...] = ()
    lines: tuple[Line, ...] = ()
    note: str = ""  # what the slide leaves to the view (for example the rest of a long list)


@dataclass(frozen=True)
class DeckScope:
    """What a deck is about: one body and one quarter, read as of one batch (a meeting's) or today."""

    body: str
    quarter: str
    on: dt.date  # the meeting's date, or today: what is overdue is judged on it
    views: tuple[str, ...] = field(default_factory=lambda: tuple(v.name for v in MEETING_VIEWS))


def build_deck(
    ask: Ask,
    scope: DeckScope,
    config: Config,
    *,
    since: tuple[str, list[Change]] | None = None,
) -> list[Slide]:
    """Every slide of the deck in meeting order. `since` is the heading and the changes of "Sedan förra
    mötet" (None: "Sedan förra kvartalet" of the quarter)."""
    makers = {
        "situation": lambda: _situation(ask, scope, config, since),
        "status": lambda: _status(ask, scope, config),
        "incidents": lambda: _incidents(ask, scope, config),
        "recommendations": lambda: _recommendations(ask, scope, config),
        "self_assessments": lambda: _self_assessments(ask, config) + _thematic_assessments(ask, config),
        "phishing_campaigns": lambda: _phishing(ask, config),
        "training": lambda: _training(ask, config),
        "documents": lambda: _documents(ask, scope, config),
        "classifications": lambda: _classifications(ask, scope, config),
        "maturity": lambda: _maturity(ask, config),
        "survey_results": lambda: _surveys(ask, config),
        "accessibility_reviews": lambda: _accessibility(ask, config),
    }
    return [slide for view in scope.views if view in makers for slide in makers[view]()]


def correction_slides(corrected: list[Correction], scope: DeckScope, config: Config) -> list[Slide]:
    """The slides "Rättat efter mötet" that end a meeting's deck: what reads differently today, and why."""
    return _lines_slides(
        "situation",
        "Rättat efter mötet",
        _body(scope, config),
        [Line(c.text) for c in corrected],
        empty="Inget av det som visades har ändrats sedan mötet.",
    )


def _body(scope: DeckScope, config: Config) -> str:
    return config.unit_names.get(scope.body, scope.body)


def _chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]


def _numbered(title: str, index: int, total: int) -> str:
    return title if total == 1 else f"{title} ({index + 1} av {total})"


def _lines_slides(
    view: str,
    title: str,
    scope: str,
    lines: Sequence[Line],
    *,
    empty: str = "",
    at_most: int | None = None,
    rest: str = "",
) -> list[Slide]:
    """Lines cut into slides by how much text they hold; an empty list says so in one sentence. Beyond
    `at_most` lines the last slide says how many more there are and where (`rest`)."""
    more = len(lines) - at_most if at_most is not None and len(lines) > at_most else 0
    if more:
        lines = lines[:at_most]
    pages: list[list[Line]] = [[]]
    used = 0
    for line in lines:
        height = max(1, -(-len(line.text) // LINE_WIDTH))
        if pages[-1] and used + height > LINE_BUDGET:
            pages.append([])
            used = 0
        pages[-1].append(line)
        used += height
    slides = [
        Slide(view, _numbered(title, i, len(pages)), scope, lead="" if page else empty, lines=tuple(page))
        for i, page in enumerate(pages)
    ]
    if more:
        note = f"Ytterligare {swedish_int(more)}; alla finns {rest}."
        slides[-1] = Slide(**{**slides[-1].__dict__, "note": note})
    return slides


def _fit(chart: alt.TopLevelMixin, height: int | alt.Step) -> alt.TopLevelMixin:
    """The chart at the slide's height (with axes and legend), or rows of a fixed step: a slide is as tall
    as the screen whatever the data, and it holds at most as many rows as fit."""
    return chart.properties(height=height)


def _situation(ask: Ask, scope: DeckScope, config: Config, since: tuple[str, list[Change]] | None) -> list[Slide]:
    body = _body(scope, config)
    picture = situation_from(ask, (scope.body,), scope.quarter, config, scope.on)
    slides = []
    areas = _chunks(picture.areas, AREAS_PER_SLIDE)
    for i, chunk in enumerate(areas):
        slides.append(
            Slide(
                "situation",
                _numbered("Status per område", i, len(areas)),
                body,
                lead=picture.summary(),
                figures=tuple(
                    Figure(a.area, f"{a.symbol} {a.word}", (a.movement,) if a.movement else (), a.status, "status")
                    for a in chunk
                ),
                columns=5,
            )
        )
    kpis = _chunks(picture.kpis, KPIS_PER_SLIDE)
    for i, chunk in enumerate(kpis):
        slides.append(
            Slide(
                "situation",
                _numbered("Nyckeltal mot mål", i, len(kpis)),
                body,
                figures=tuple(
                    Figure(
                        k.name,
                        k.value,
                        (f"Mål {k.target} · {k.judgement}",) + ((f"Beräknat av {k.counts}",) if k.counts else ()),
                        k.band,
                        "kpis",
                    )
                    for k in chunk
                ),
                columns=3,
            )
        )
    counts = picture.recommendation_counts
    done, total = counts.get("done", 0) + counts.get("closed", 0), sum(counts.values())
    year = picture.critical_year
    earlier_years = [f"{y}: {n}" for y, n in sorted(picture.critical_by_year.items(), reverse=True) if y != year]
    shares = shares_by_year(ask(self_assessment_queries.rating_counts_by_year, "internal_control", ()))
    satisfied = shares[shares["rating"] == "satisfactory"].sort_values("year")
    figures = [
        Figure(
            f"Kritiska incidenter hittills {year}, {WHOLE_MUNICIPALITY}",
            swedish_int(picture.critical_by_year.get(year, 0)),
            (" · ".join(earlier_years[:3]),) if earlier_years else (),
            dataset="incidents",
        ),
        Figure(
            "Revisionens rekommendationer genomförda",
            f"{swedish_int(done)} av {swedish_int(total)}",
            (f"Pågår {counts.get('in_progress', 0)} · försenade {len(picture.overdue)}",),
            dataset="recommendations",
        ),
    ]
    if not satisfied.empty:
        last = satisfied.iloc[-1]
        first = satisfied.iloc[0]
        name = config.assessments["internal_control"].name if "internal_control" in config.assessments else ""
        figures.append(
            Figure(
                f"{name} {int(last['year'])}: tillfredsställande",
                swedish_percent(last["share"]),
                (f"{int(first['year'])}: {swedish_percent(first['share'])}",) if len(satisfied) > 1 else (),
                dataset="self_assessments",
            )
        )
    slides.append(
        Slide("situation", "Incidenter, rekommendationer och självskattning", body, figures=tuple(figures), columns=3)
    )
    awareness = []
    latest = latest_campaign(with_rates(ask(phishing_queries.campaigns, (scope.body,))), config)
    if latest is not None:
        awareness.append(Figure(latest.label, latest.value, latest.notes, latest.tone, "phishing_campaigns"))
    trained = members_trained(with_completion(ask(training_queries.courses, (scope.body,))), scope.body, config)
    if trained is not None:
        awareness.append(Figure(trained.label, trained.value, trained.notes, dataset="training"))
    if awareness:
        slides.append(
            Slide("situation", "Phishing och ledamöternas utbildning", body, figures=tuple(awareness), columns=3)
        )
    follow_up = [
        Figure(k.label, k.value, k.notes, k.tone, dataset)
        for k, dataset in _follow_up_figures(ask, scope, config)
        if k is not None
    ]
    if follow_up:
        slides.append(
            Slide("situation", "Klassning, mognad och tillgänglighet", body, figures=tuple(follow_up), columns=3)
        )
    if since is not None:
        heading, changes = since
        empty = "Inga förändringar sedan förra mötet."
    else:
        heading, changes = f"Sedan förra kvartalet ({picture.previous})", picture.changes
        empty = f"Inga förändringar sedan {picture.previous}."
    slides += _lines_slides(
        "situation",
        heading,
        body,
        [Line(c.text, c.kind) for c in changes],
        empty=empty,
        at_most=LISTED_AT_MOST,
        rest="på Lägesbild",
    )
    return slides


def _status(ask: Ask, scope: DeckScope, config: Config) -> list[Slide]:
    body = _body(scope, config)
    slides = []
    cells = ask(status_queries.status_matrix, scope.body)
    cells = cells[cells["period"] <= scope.quarter]
    if not cells.empty:
        shown = recent_quarters(cells, 4)
        slides.append(
            Slide(
                "status",
                "Status per område och kvartal",
                body,
                charts=(
                    ChartPart(
                        "Status per område och kvartal",
                        _fit(status_heatmap(shown, config.area_names), ROW_STEP),
                        heatmap_summary(cells, scope.quarter, config),
                        heatmap_table(cells, config),
                        "status",
                    ),
                ),
            )
        )
    values = quarterly_values(ask(status_queries.kpi_series, (scope.body,)), config.kpis)
    values = values[values["period"] <= scope.quarter]
    parts = [
        ChartPart(
            kpi.name,
            _fit(kpi_chart(series, kpi), PAIR_HEIGHT),
            kpi_summary(series, kpi),
            kpi_table(series, kpi),
            "kpis",
        )
        for kpi_id, kpi in config.kpis.items()
        if not (series := values[values["kpi"] == kpi_id]).empty
    ]
    pairs = _chunks(parts, 2)
    if parts:
        slides += [
            Slide("status", _numbered("Nyckeltal över tid", i, len(pairs)), body, charts=tuple(pair))
            for i, pair in enumerate(pairs)
        ]
    return slides


def _incidents(ask: Ask, scope: DeckScope, config: Config) -> list[Slide]:
    by_year = ask(incident_queries.incidents_by_year_and_category, (), (), ())
    year = int(scope.quarter[:4])
    by_year = by_year[by_year["year"] <= year]
    if by_year.empty:
        return [Slide("incidents", "Incidenter", WHOLE_MUNICIPALITY, lead="Inga incidenter är registrerade.")]
    years = sorted(by_year["year"].unique().tolist())
    first, last = years[max(0, len(years) - 2)], years[-1]
    monthly = ask(incident_queries.incidents_by_month, (), f"{first}-01", f"{last}-12", (), ())
    totals = by_year.groupby("year", as_index=False)[["count", "critical"]].sum()
    span = f"{first}–{last}" if first != last else str(first)
    units = ask(incident_queries.incidents_by_unit, last)
    top = units.groupby("unit")["count"].sum().sort_values(ascending=False).index[:UNITS_PER_SLIDE]
    critical = ask(incident_queries.critical_incidents, ())
    table = critical_table(critical.head(CRITICAL_LISTED), config.unit_names)
    critical_lines = [
        Line(f"{r['Datum']} · {r['Enhet']} · {r['Rubrik']} · rapport {r['Rapport'].split(' ', 1)[-1]}", "info")
        for r in table.to_dict("records")
    ]
    slides = [
        Slide(
            "incidents",
            f"Incidenter per månad {span}",
            WHOLE_MUNICIPALITY,
            charts=(
                ChartPart(
                    f"Incidenter per månad {span}",
                    _fit(monthly_by_severity(monthly), CHART_HEIGHT),
                    monthly_summary(monthly, WHOLE_MUNICIPALITY),
                    monthly_table(monthly),
                    "incidents",
                ),
            ),
        ),
        Slide(
            "incidents",
            "År mot år",
            WHOLE_MUNICIPALITY,
            charts=(
                ChartPart(
                    "Antal incidenter per år",
                    _fit(yearly_totals(totals, "count", "Antal incidenter"), PAIR_HEIGHT),
                    yearly_summary(totals, "count"),
                    totals.rename(columns={"year": "År", "count": "Antal", "critical": "Kritiska"}),
                    "incidents",
                ),
                ChartPart(
                    "Kritiska incidenter per år",
                    _fit(yearly_totals(totals, "critical", "Kritiska incidenter"), PAIR_HEIGHT),
                    yearly_summary(totals, "critical"),
                    totals[["year", "critical"]].rename(columns={"year": "År", "critical": "Kritiska"}),
                    "incidents",
                ),
            ),
        ),
        Slide(
            "incidents",
            "Kategorier",
            WHOLE_MUNICIPALITY,
            charts=(
                ChartPart(
                    "Kategorier",
                    _fit(category_split(by_year), CHART_HEIGHT),
                    category_summary(by_year),
                    category_table(by_year),
                    "incidents",
                ),
            ),
        ),
        Slide(
            "incidents",
            f"Flest incidenter per enhet {last}",
            WHOLE_MUNICIPALITY,
            charts=(
                ChartPart(
                    f"Flest incidenter per enhet {last}",
                    _fit(by_unit(units[units["unit"].isin(top)], config.unit_names), ROW_STEP),
                    unit_summary(units, config.unit_names, last),
                    unit_table(units, config.unit_names),
                    "incidents",
                ),
            ),
        ),
    ]
    listed = _lines_slides(
        "incidents",
        "Kritiska incidenter och deras rapporter",
        WHOLE_MUNICIPALITY,
        critical_lines,
        empty="Inga kritiska incidenter är registrerade.",
    )
    deadlines = reporting_deadlines(
        ask(incident_queries.reportable_incidents, ()), dt.datetime.combine(scope.on, dt.time(23, 59))
    )
    if not deadlines.empty:
        on_time = on_time_by_year(deadlines)
        slides.append(
            Slide(
                "incidents",
                "Rapporteringstider: cybersäkerhetslagen och IMY",
                WHOLE_MUNICIPALITY,
                charts=(
                    ChartPart(
                        "Rapporterat i tid per år",
                        _fit(on_time_by_year_chart(on_time, ON_TIME_TARGET), CHART_HEIGHT),
                        deadline_summary(deadlines, on_time),
                        deadline_table(deadlines, config.unit_names),
                        "incidents",
                    ),
                ),
            )
        )
    if len(critical) > CRITICAL_LISTED:
        note = f"De {CRITICAL_LISTED} senaste av {swedish_int(len(critical))}; alla finns på Incidenter."
        listed[-1] = Slide(**{**listed[-1].__dict__, "note": note})
    return slides + listed


def _recommendations(ask: Ask, scope: DeckScope, config: Config) -> list[Slide]:
    recs = with_overdue(ask(recommendation_queries.recommendations_with_progress), scope.on)
    if recs.empty:
        return [
            Slide(
                "recommendations",
                "Revisionens rekommendationer",
                WHOLE_MUNICIPALITY,
                lead="Inga granskningsrekommendationer är registrerade.",
            )
        ]
    many = len(recs) > 50
    chart = status_per_year(recs) if many else status_per_audit(recs, config.unit_names)
    counts = status_counts(recs)
    slides = [
        Slide(
            "recommendations",
            "Status per granskningsår" if many else "Status per granskning och mottagare",
            WHOLE_MUNICIPALITY,
            charts=(
                ChartPart(
                    "Rekommendationernas status",
                    _fit(chart, CHART_HEIGHT),
                    status_summary(recs),
                    overview_table(recs, config),
                    "recommendations",
                ),
            ),
        )
    ]
    overdue = [
        Line(
            f"{r.recommendation_id}: {r.recommendation} "
            f"(slutdatum {r.due_date}, {RECOMMENDATION_WORDS[r.status].lower()})",
            "overdue",
        )
        for r in recs[recs["overdue"]].sort_values("due_date").itertuples()
    ]
    done = counts.get("done", 0) + counts.get("closed", 0)
    slides += _lines_slides(
        "recommendations",
        "Försenade rekommendationer",
        WHOLE_MUNICIPALITY,
        overdue,
        empty=f"Ingen rekommendation är försenad; {swedish_int(done)} av {swedish_int(len(recs))} är genomförda.",
        at_most=LISTED_AT_MOST,
        rest="på Rekommendationer, de längst försenade först här",
    )
    return slides


def _self_assessments(ask: Ask, config: Config) -> list[Slide]:
    assessment = next(iter(config.assessments.values()))
    years = ask(self_assessment_queries.assessment_years, assessment.id)
    if not years:
        return [Slide("self_assessments", "Självskattningar", WHOLE_MUNICIPALITY, lead="Inga självskattningar ännu.")]
    shares = shares_by_year(ask(self_assessment_queries.rating_counts_by_year, assessment.id, ()))
    slides = [
        Slide(
            "self_assessments",
            f"{assessment.name} – bedömningar per år",
            WHOLE_MUNICIPALITY,
            charts=(
                ChartPart(
                    f"{assessment.name} – bedömningar per år",
                    _fit(shares_over_years(shares), CHART_HEIGHT),
                    shares_summary(shares),
                    shares_table(shares),
                    "self_assessments",
                ),
            ),
        )
    ]
    year = years[-1]
    matrix = satisfactory_by_unit_and_category(
        ask(self_assessment_queries.ratings_by_unit_and_statement, assessment.id, year), assessment
    )
    categories = [c.name for c in assessment.categories]
    units = list(dict.fromkeys(matrix["unit"])) if not matrix.empty else []
    lowest = ""
    if len(units) > MATRIX_UNITS:  # a city's hundred units: the board sees those that need it most
        per_unit = matrix.groupby("unit")[["satisfactory", "total"]].sum()
        share = (per_unit["satisfactory"] / per_unit["total"]).sort_values(kind="stable")
        units = sorted(share.index[:MATRIX_UNITS])
        lowest = (
            f"De {MATRIX_UNITS} enheter med lägst andel av {swedish_int(len(share))}; alla finns på Självskattningar."
        )
    pages = _chunks(units, UNITS_PER_SLIDE)
    for i, page in enumerate(pages if units else []):
        part = matrix[matrix["unit"].isin(page)]
        slides.append(
            Slide(
                "self_assessments",
                _numbered(f"Andel tillfredsställande per enhet och kategori {year}", i, len(pages)),
                WHOLE_MUNICIPALITY,
                charts=(
                    ChartPart(
                        f"Andel tillfredsställande per enhet och kategori {year}",
                        _fit(unit_category_matrix(part, config.unit_names, categories), ROW_STEP),
                        matrix_summary(matrix, config),
                        matrix_table(part, config, categories),
                        "self_assessments",
                    ),
                ),
                note=lowest,
            )
        )
    return slides


def _phishing(ask: Ask, config: Config) -> list[Slide]:
    campaigns = with_rates(ask(phishing_queries.campaigns, ()))
    if campaigns.empty:
        return [Slide("phishing_campaigns", "Phishingövningar", WHOLE_MUNICIPALITY, lead="Inga phishingövningar ännu.")]
    target = click_target(config)
    table = campaign_table(campaigns, config)
    latest = []
    for unit, rows in campaigns.groupby("unit", sort=False):
        figure = latest_campaign(rows, config)
        if figure is not None:
            name = config.unit_names.get(unit, unit)
            latest.append(
                Figure(f"{name}, {figure.label}", figure.value, figure.notes, figure.tone, "phishing_campaigns")
            )
    pages = _chunks(latest, KPIS_PER_SLIDE)
    slides = [
        Slide(
            "phishing_campaigns",
            _numbered("Senaste phishingövningen", i, len(pages)),
            WHOLE_MUNICIPALITY,
            figures=tuple(page),
            columns=3,
        )
        for i, page in enumerate(pages)
    ]
    return [
        *slides,
        Slide(
            "phishing_campaigns",
            "Andel som klickade per kampanj",
            WHOLE_MUNICIPALITY,
            charts=(
                ChartPart(
                    "Andel som klickade per kampanj",
                    _fit(click_rates(campaigns, config.unit_names, target if target is not None else 0), CHART_HEIGHT),
                    trend_summary(campaigns, config),
                    table,
                    "phishing_campaigns",
                ),
            ),
        ),
        Slide(
            "phishing_campaigns",
            "Planerad och faktisk tid",
            WHOLE_MUNICIPALITY,
            charts=(
                ChartPart(
                    "Planerad och faktisk tid",
                    _fit(durations(campaigns, config.unit_names), CHART_HEIGHT),
                    duration_summary(campaigns, config),
                    table[["Kampanj", "Start", "Enhet", "Planerade timmar", "Faktiska timmar"]],
                    "phishing_campaigns",
                ),
            ),
        ),
    ]


def _training(ask: Ask, config: Config) -> list[Slide]:
    rows = with_completion(ask(training_queries.courses, ()))
    if rows.empty:
        return [Slide("training", "Utbildning", WHOLE_MUNICIPALITY, lead="Ingen utbildning är registrerad ännu.")]
    year = int(rows["year"].max())
    latest = rows[rows["year"] == year]
    return [
        Slide(
            "training",
            f"Genomförd utbildning {year}",
            WHOLE_MUNICIPALITY,
            charts=(
                ChartPart(
                    f"Genomförd utbildning per enhet och målgrupp {year}",
                    _fit(completion_by_unit(latest, config.unit_names), CHART_HEIGHT),
                    training_latest(rows),
                    course_table(latest, config),
                    "training",
                ),
            ),
        ),
        Slide(
            "training",
            "Utbildning över åren",
            WHOLE_MUNICIPALITY,
            charts=(
                ChartPart(
                    "Utbildning över åren",
                    _fit(completion_over_years(by_year_and_audience(rows)), CHART_HEIGHT),
                    history_summary(rows),
                    course_table(rows, config),
                    "training",
                ),
            ),
        ),
    ]


def _documents(ask: Ask, scope: DeckScope, config: Config) -> list[Slide]:
    register = with_revision_state(ask(document_queries.register, ()), scope.on)
    if register.empty:
        return [Slide("documents", "Styrdokument", WHOLE_MUNICIPALITY, lead="Inga styrdokument är registrerade ännu.")]
    shown = register.head(UNITS_PER_SLIDE)  # the most overdue first; the view has the whole register
    return [
        Slide(
            "documents",
            "Styrdokument: från beslut till nästa revision",
            WHOLE_MUNICIPALITY,
            charts=(
                ChartPart(
                    "Styrdokument: från beslut till nästa revision",
                    _fit(revision_timeline(shown, scope.on), ROW_STEP),
                    overdue_summary(register),
                    register_table(register, config),
                    "documents",
                ),
            ),
            note="" if len(register) <= len(shown) else f"De {len(shown)} först att revidera av {len(register)}.",
        )
    ]


def _follow_up_figures(ask: Ask, scope: DeckScope, config: Config) -> list[tuple[KeyFigure | None, str]]:
    """The body's own classification, maturity step and accessibility review, as on Lägesbild."""
    body, months = (scope.body,), config.app.classification_max_age_months
    coverage = ask(classification_queries.coverage_by_unit, body, older_than(scope.on, months))
    models = [config.maturity_models[m] for m in ask(maturity_queries.models) if m in config.maturity_models]
    return [
        (classification_figure(coverage, scope.body, config, months), "classifications"),
        (
            maturity_figure(ask(maturity_queries.levels, models[0].id, body), scope.body, models[0], config)
            if models
            else None,
            "maturity",
        ),
        (
            accessibility_figure(ask(accessibility_queries.totals_by_year, body), scope.body, config),
            "accessibility_reviews",
        ),
    ]


def _chart_slide(
    view: str,
    title: str,
    chart: alt.TopLevelMixin,
    summary: str,
    table: pd.DataFrame,
    *,
    lead: str = "",
    note: str = "",
) -> Slide:
    """A slide of the whole municipality holding one chart, titled as the chart; the view's own dataset."""
    return Slide(
        view, title, WHOLE_MUNICIPALITY, lead=lead, charts=(ChartPart(title, chart, summary, table, view),), note=note
    )


def _thematic_assessments(ask: Ask, config: Config) -> list[Slide]:
    """The further self-assessments (the access review's FT1–FT6): each statement, first year against last."""
    slides: list[Slide] = []
    for assessment in list(config.assessments.values())[1:]:
        years = ask(self_assessment_queries.assessment_years, assessment.id)
        if len(years) < 2:
            continue
        first, last = years[0], years[-1]
        texts = {s.id: s.text for s in assessment.statements}
        comparison = statement_comparison(
            ask(self_assessment_queries.satisfactory_by_statement, assessment.id, ()), first, last
        )
        pages = _chunks([s for s in texts if s in set(comparison["statement"])], UNITS_PER_SLIDE)
        title = f"{assessment.name}: varje påstående {first} och {last}"
        for i, page in enumerate(pages):
            part = comparison[comparison["statement"].isin(page)]
            slide = _chart_slide(
                "self_assessments",
                title,
                _fit(statements_compared(part, first, last, texts), CHART_HEIGHT),
                comparison_summary(comparison, first, last),
                comparison_table(part, first, last, texts),
            )
            slides.append(replace(slide, title=_numbered(title, i, len(pages))))
    return slides


def _classifications(ask: Ask, scope: DeckScope, config: Config) -> list[Slide]:
    months = config.app.classification_max_age_months
    coverage = ask(classification_queries.coverage_by_unit, (), older_than(scope.on, months))
    if coverage.empty:
        return [
            Slide("classifications", "Informationsklassning", WHOLE_MUNICIPALITY, lead="Inga system är registrerade.")
        ]
    coverage = with_shares(coverage)
    shown = coverage.sort_values(["classified_share", "unit"]).head(UNITS_PER_SLIDE)  # the furthest behind
    rest = f"De {len(shown)} enheter med lägst andel klassade av {len(coverage)}; alla finns på Informationsklassning."
    return [
        _chart_slide(
            "classifications",
            "Klassning, riskanalys och uppföljning per enhet",
            _fit(coverage_by_unit(shown, config.unit_names), CHART_HEIGHT),
            coverage_summary(coverage, months),
            coverage_table(coverage, config, months),
            note="" if len(shown) == len(coverage) else rest,
        )
    ]


def _maturity(ask: Ask, config: Config) -> list[Slide]:
    slides: list[Slide] = []
    for model in (config.maturity_models[m] for m in ask(maturity_queries.models) if m in config.maturity_models):
        distribution = ask(maturity_queries.distribution, model.id, ())
        levels = ask(maturity_queries.levels, model.id, ())
        slides.append(
            _chart_slide(
                "maturity",
                f"{model.name}: enheter per steg och år",
                _fit(distribution_by_year(distribution, model.steps), CHART_HEIGHT),
                distribution_summary(distribution, model),
                levels_table(levels, model, config),
            )
        )
        years = sorted(int(y) for y in levels["year"].unique())
        if len(years) < 2:
            continue
        first, last = years[-2], years[-1]
        moved = moves(levels, first, last)
        changed = moved[moved["change"] != 0]
        title = f"{model.name}: enheter som bytt steg {first}–{last}"
        if changed.empty:
            slides.append(Slide("maturity", title, WHOLE_MUNICIPALITY, lead=moves_summary(moved, first, last, config)))
            continue
        shown = changed.head(UNITS_PER_SLIDE)  # the biggest moves up first
        slides.append(
            _chart_slide(
                "maturity",
                title,
                _fit(unit_moves(shown, first, last, model.steps, config.unit_names), ROW_STEP),
                moves_summary(moved, first, last, config),
                moves_table(moved, first, last, model, config),
                note="" if len(shown) == len(changed) else f"De {len(shown)} av {len(changed)}; alla finns på Mognad.",
            )
        )
    return slides or [Slide("maturity", "Mognad", WHOLE_MUNICIPALITY, lead="Inga mognadsnivåer är registrerade.")]


SURVEY_QUESTIONS = 6  # questions of a survey in the deck; the view has them all
SURVEY_UNITS = 13  # bars of a question on a slide, the average included


def _surveys(ask: Ask, config: Config) -> list[Slide]:
    slides: list[Slide] = []
    for survey_id, years in ask(survey_queries.editions).groupby("survey", sort=False)["year"]:
        survey = config.surveys.get(str(survey_id))
        if survey is None:
            continue
        year = int(years.max())
        answers = ask(survey_queries.answers_by_unit, survey.id, year, ())
        questions = [q for q in ask(survey_queries.questions, survey.id) if q in set(answers["question"])]
        more = len(questions) - SURVEY_QUESTIONS
        for number, question in enumerate(questions[:SURVEY_QUESTIONS], start=1):
            shares = answer_shares(answers[answers["question"] == question])
            shown, few = _fewest_positive(shares, survey.positive)
            last = f"{more} frågor till finns på Enkäter." if number == SURVEY_QUESTIONS and more > 0 else ""
            slides.append(
                _chart_slide(
                    "survey_results",
                    f"{survey.name} {year}, fråga {number}",
                    _fit(
                        answers_by_unit(shown, survey.scale, survey.positive, config.unit_names, across=True),
                        PAIR_HEIGHT,  # the question and its sentence above it
                    ),
                    question_summary(shares, survey, config),
                    answers_table(shares, survey, config),
                    lead=question,
                    note=" ".join(n for n in (few, last) if n),
                )
            )
    return slides or [Slide("survey_results", "Enkäter", WHOLE_MUNICIPALITY, lead="Inga enkätsvar är registrerade.")]


def _fewest_positive(shares: pd.DataFrame, positive: tuple[str, ...]) -> tuple[pd.DataFrame, str]:
    """A city's many units: those with the lowest positive share, and the average of everyone; and the note."""
    units = [u for u in dict.fromkeys(shares["unit"]) if u != ALL]
    if len(units) < SURVEY_UNITS:
        return shares, ""
    share = shares[shares["answer"].isin(positive)].groupby("unit")["share"].sum().reindex(units, fill_value=0)
    kept = set(share.sort_values(kind="stable").index[: SURVEY_UNITS - 1])
    note = f"De {len(kept)} enheter med lägst andel av {len(units)}, och alla svarande; alla finns på Enkäter."
    return shares[shares["unit"].isin(kept | {ALL})], note


def _accessibility(ask: Ask, config: Config) -> list[Slide]:
    totals = ask(accessibility_queries.totals_by_year, ())
    if totals.empty:
        lead = "Inga granskningar är registrerade."
        return [Slide("accessibility_reviews", "Tillgänglighet", WHOLE_MUNICIPALITY, lead=lead)]
    latest = totals.iloc[-1]
    year = int(latest["year"])
    services = ask(accessibility_queries.services, year, ())
    shown = worst_first(services).head(UNITS_PER_SLIDE)
    rest = f"De {len(shown)} tjänster med allvarligast brister av {len(services)}; alla finns på Tillgänglighet."
    return [
        _chart_slide(
            "accessibility_reviews",
            f"Underkända kriterier per tjänst {year}",
            _fit(failed_by_service(shown, config.unit_names), ROW_STEP),
            year_summary(latest, config.app.accessibility_criteria),
            services_table(services, config),
            note="" if len(shown) == len(services) else rest,
        )
    ]


@dataclass(frozen=True)
class Correction:
    """A figure or a chart's sentence that reads differently today than the board was shown."""

    view: str
    text: str  # "label: old → new", then the imports that changed it
    dataset: str


def corrections(presented: list[Slide], current: list[Slide]) -> list[Correction]:
    """Each figure and chart sentence of the presented deck that reads differently today: old → new."""
    figures_now = {(s.view, f.label): f for s in current for f in s.figures}
    charts_now = {(s.view, c.title): c for s in current for c in s.charts}
    out: list[Correction] = []
    for slide in presented:
        for fig in slide.figures:
            now = figures_now.get((slide.view, fig.label))
            new = now.value if now is not None else "saknas i dag"
            if new != fig.value:
                out.append(Correction(slide.view, f"{fig.label}: {fig.value} → {new}", fig.dataset))
        for part in slide.charts:
            chart_now = charts_now.get((slide.view, part.title))
            new = chart_now.summary if chart_now is not None else "saknas i dag"
            if new != part.summary:
                out.append(Correction(slide.view, f"{part.title}: «{part.summary}» → «{new}»", part.dataset))
    return list(dict.fromkeys(out))


def with_imports(corrected: list[Correction], imports: pd.DataFrame) -> list[Correction]:
    """Each correction with the imports after the meeting that changed its dataset (import nr, file, who,
    when); an undo is named as such."""
    out = []
    for c in corrected:
        rows = imports[imports["dataset"].isin(_related(c.dataset))] if not imports.empty else imports
        named = "; ".join(_import_words(r) for r in rows.itertuples()) if not rows.empty else "okänd import"
        out.append(Correction(c.view, f"{c.text} – ändrat genom {named}", c.dataset))
    return out


def _related(dataset: str) -> Iterable[str]:
    return ("recommendations", "recommendation_updates") if dataset == "recommendations" else (dataset,)


def _import_words(row: Any) -> str:
    what = "ångring" if row.kind == "undo" else "import"
    title = DATASETS[row.dataset].title if row.dataset in DATASETS else row.dataset
    return f"{what} nr {row.id} ({title}: {row.source}, {row.user_name}, {swedish_datetime(row.created_at)})"


def meeting_deck(
    ask_at: Callable[[int | None], Ask],
    record: MeetingRecord,
    earlier: MeetingRecord | None,
    scope: DeckScope,
    config: Config,
) -> tuple[list[Slide], list[Correction]]:
    """A meeting's deck as presented (read as of its batch), with "Sedan förra mötet" against the body's
    previous record and, at the end, "Rättat efter mötet"; `ask_at(batch)` asks as of a batch (None: now)."""
    since = None
    if earlier is not None:
        heading = f"Sedan förra mötet ({earlier.meeting_date.isoformat()}, {earlier.item})"
        moved = changes_since_meeting(ask_at(earlier.batch_id), earlier, ask_at(record.batch_id), record, config)
        since = (heading, moved)
    presented = build_deck(ask_at(record.batch_id), scope, config, since=since)
    current = build_deck(ask_at(None), scope, config, since=since)
    imports = ask_at(None)(imports_after, record.batch_id)
    changed = with_imports(corrections(presented, current), imports)
    return presented + correction_slides(changed, scope, config), changed
