"""The Lägesbild of one quarter, assembled from query results into words and figures (no streamlit).

Kept apart from the page so that what the board is told can be tested on small frames.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import sqlalchemy as sa

from domain import vocabulary
from domain.configuration import Config
from domain.datasets.incidents import DATASET as INCIDENTS
from domain.datasets.kpis import DATASET as KPIS
from domain.datasets.recommendation_updates import DATASET as UPDATES
from domain.datasets.recommendations import DATASET as RECOMMENDATIONS
from domain.datasets.self_assessments import DATASET as SELF_ASSESSMENTS
from domain.datasets.status import DATASET as STATUS
from domain.formatting import quarter_label, swedish_decimal, swedish_int, swedish_percent, swedish_value
from domain.periods import previous_quarter
from domain.roles import VIEW_NAMED
from domain.vocabulary import BAND_SYMBOLS, BAND_WORDS, STATUS_SYMBOLS, STATUS_WORDS
from queries import accessibility_reviews as accessibility_queries
from queries import classifications as classification_queries
from queries import documents as document_queries
from queries import incidents as incident_queries
from queries import maturity as maturity_queries
from queries import measures as measure_queries
from queries import phishing_campaigns as phishing_queries
from queries import recommendations as recommendation_queries
from queries import risks as risk_queries
from queries import self_assessments as self_assessment_queries
from queries import status as status_queries
from queries import training as training_queries
from rules import status as status_rules
from rules.changes import (
    Change,
    changes_between_meetings,
    kpi_changes,
    new_critical_incidents,
    recommendation_changes,
    status_changes,
)
from rules.classifications import older_than
from rules.documents import with_revision_state
from rules.kpis import quarterly_values
from rules.phishing_campaigns import with_rates
from rules.recommendations import status_counts, with_overdue
from rules.self_assessments import shares_by_year
from rules.training import with_completion
from store.meetings import MeetingRecord
from view_models.accessibility_reviews import body_figure as accessibility_figure
from view_models.classifications import body_figure as classification_figure
from view_models.documents import overdue_figure
from view_models.incidents import Headline, headline, reporting_moment
from view_models.maturity import body_figure as maturity_figure
from view_models.measures import body_figure as duties_figure
from view_models.measures import duties_sentence
from view_models.phishing_campaigns import latest_campaign
from view_models.risks import body_figure as risk_figure
from view_models.risks import risk_sentence
from view_models.sections import (
    WHOLE_MUNICIPALITY,
    Ask,
    Figure,
    Figures,
    Heading,
    Line,
    Lines,
    Mark,
    Scope,
    Section,
    Since,
    Tone,
    ViewContent,
    missing,
    on_main_slide,
)
from view_models.training import members_trained

REC_WORDS = vocabulary.RECOMMENDATION_WORDS
INTERNAL_CONTROL = "internal_control"  # the assessment whose headline Lägesbild gives


@dataclass(frozen=True)
class AreaTile:
    area: str
    status: str
    word: str
    symbol: str
    movement: str
    comment: str | None


@dataclass(frozen=True)
class KpiTile:
    kpi: str
    name: str
    value: str
    target: str
    band: str
    judgement: str
    change: str | None
    counts: str | None
    comment: str | None


@dataclass
class SituationPicture:
    period: str
    previous: str
    areas: list[AreaTile] = field(default_factory=list)
    kpis: list[KpiTile] = field(default_factory=list)
    critical_year: int = 0
    critical_by_year: dict[int, int] = field(default_factory=dict)
    recommendation_counts: dict[str, int] = field(default_factory=dict)
    overdue: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)

    def summary(self) -> str:
        """'Kvartal 4 2025: av 10 områden är 4 gröna, 6 gula, 0 röda.'"""
        red = sum(1 for a in self.areas if a.status == "red")
        amber = sum(1 for a in self.areas if a.status == "amber")
        green = sum(1 for a in self.areas if a.status == "green")
        colours = ", ".join(
            f"{n} {word[0] if n == 1 else word[1]}"
            for n, word in ((green, ("grönt", "gröna")), (amber, ("gult", "gula")), (red, ("rött", "röda")))
        )
        areas = "område" if len(self.areas) == 1 else "områden"
        return f"{quarter_label(self.period).capitalize()}: av {len(self.areas)} {areas} är {colours}."


def build_situation(
    *,
    period: str,
    statuses: pd.DataFrame,
    kpi_values: pd.DataFrame,
    critical: pd.DataFrame,
    critical_by_year: dict[int, int],
    recommendations: CityRecommendations,
    config: Config,
) -> SituationPicture:
    previous = previous_quarter(period)
    picture = SituationPicture(period=period, previous=previous)
    now = statuses[statuses["period"] == period]
    before = {(r.unit, r.area): r.status for r in statuses[statuses["period"] == previous].itertuples()}
    for area in config.areas:
        rows = now[now["area"] == area.id]
        if rows.empty:
            continue
        worst = max(rows.itertuples(), key=lambda r: status_rules.LEVEL[r.status])
        was = before.get((worst.unit, area.id))
        picture.areas.append(
            AreaTile(
                area=area.name,
                status=worst.status,
                word=STATUS_WORDS[worst.status],
                symbol=STATUS_SYMBOLS[worst.status],
                movement=status_rules.ARROWS[status_rules.movement(was, worst.status)],
                comment=worst.comment,
            )
        )
    picture.kpis = _kpi_tiles(kpi_values, period, previous, config)
    picture.critical_year = int(period[:4])
    picture.critical_by_year = {y: n for y, n in critical_by_year.items() if y <= picture.critical_year}
    picture.recommendation_counts = dict(recommendations.counts)
    picture.overdue = list(recommendations.overdue)
    picture.changes = (
        status_changes(statuses, period, previous, config)
        + kpi_changes(kpi_values, period, previous, config)
        + new_critical_incidents(critical, period)
        + list(recommendations.changes)
    )
    return picture


@dataclass(frozen=True)
class CityRecommendations:
    """The municipality's recommendations judged on a day: their counts, the overdue ones, the quarter's
    changes. The same for every body's Lägesbild."""

    counts: dict[str, int]
    overdue: tuple[str, ...]
    changes: tuple[Change, ...]


def city_recommendations(
    connection: sa.Connection, period: str, on: dt.date, *, as_of: int | None = None
) -> CityRecommendations:
    """Asked through `ask` as a query is, so a city's thousands of recommendations are read and judged
    once per store state and day, not again for each body or filter (a third of a warm Lägesbild)."""
    recommendations = with_overdue(recommendation_queries.recommendations_with_progress(connection, as_of=as_of), on)
    overdue = recommendations[recommendations["overdue"]]
    return CityRecommendations(
        status_counts(recommendations),
        tuple(
            f"{r.recommendation_id}: {r.recommendation} (slutdatum {r.due_date}, {REC_WORDS[r.status].lower()})"
            for r in overdue.itertuples()
        ),
        tuple(
            recommendation_changes(
                recommendations.assign(status_word=recommendations["status"].map(REC_WORDS)), period, on
            )
        ),
    )


def _kpi_tiles(values: pd.DataFrame, period: str, previous: str, config: Config) -> list[KpiTile]:
    """The latest value of each KPI up to the quarter (a yearly survey stays shown until the next)."""
    tiles = []
    for kpi_id, kpi in config.kpis.items():
        history = values[(values["kpi"] == kpi_id) & (values["period"] <= period)].sort_values("period")
        if history.empty:
            continue
        row = history.iloc[-1]
        earlier = history[history["period"] == previous_quarter(row["period"])]
        change = None
        if not earlier.empty:
            delta = row["value"] - earlier.iloc[0]["value"]
            sign = "+" if delta > 0 else "−" if delta < 0 else "±"
            amount = (
                f"{swedish_decimal(abs(delta), 1)} procentenheter"
                if kpi.unit == "percent"
                else (swedish_value(abs(delta), kpi.unit))
            )
            change = f"{sign}{amount} sedan föregående kvartal" if delta else "oförändrat sedan föregående kvartal"
        counts = None
        if row["numerator"] is not None and not pd.isna(row["numerator"]):
            counts = f"{swedish_int(row['numerator'])} av {swedish_int(row['denominator'])}"
        measured = "" if row["period"] == period else f" (senast mätt {row['period']})"
        tiles.append(
            KpiTile(
                kpi=kpi_id,
                name=kpi.name + measured,
                value=swedish_value(row["value"], kpi.unit),
                target=swedish_value(kpi.target, kpi.unit),
                band=row["band"],
                judgement=f"{BAND_SYMBOLS[row['band']]} {BAND_WORDS[row['band']]}",
                change=change,
                counts=counts,
                comment=row["comment"] if isinstance(row["comment"], str) else None,
            )
        )
    return tiles


def situation_from(ask: Ask, units: tuple[str, ...], period: str, config: Config, on: dt.date) -> SituationPicture:
    """The situation picture from the answers of `ask` (as of a meeting's batch, or today's); what is
    overdue is judged on `on` (at a meeting, its date)."""
    return build_situation(
        period=period,
        statuses=ask(status_queries.status_by_quarter, units, (period, previous_quarter(period))),
        kpi_values=quarterly_values(ask(status_queries.kpi_series, units), config.kpis),
        critical=ask(incident_queries.critical_incidents, units),
        critical_by_year=ask(incident_queries.critical_incidents_by_year),
        recommendations=ask(city_recommendations, period, on),
        config=config,
    )


def meeting_figures(ask: Ask, units: tuple[str, ...], quarter: str, config: Config, on: dt.date) -> dict[str, Any]:
    """The figures 'Sedan förra mötet' compares, from the answers of `ask`."""
    return {
        "statuses": ask(status_queries.status_by_quarter, units, (quarter,)),
        "kpi_values": quarterly_values(ask(status_queries.kpi_series, units), config.kpis),
        "critical": ask(incident_queries.critical_incidents, units),
        "recommendations": with_overdue(ask(recommendation_queries.recommendations_with_progress), on),
    }


def changes_since_meeting(
    ask_before: Ask, before: MeetingRecord, ask_now: Ask, now: MeetingRecord, config: Config
) -> list[Change]:
    """'Sedan förra mötet': what moved between the body's previous record and this one, each read as of its
    own batch."""
    units = (now.body,)
    return changes_between_meetings(
        before=meeting_figures(ask_before, units, before.quarter, config, before.meeting_date),
        now=meeting_figures(ask_now, units, now.quarter, config, now.meeting_date),
        before_quarter=before.quarter,
        now_quarter=now.quarter,
        config=config,
    )


CHANGE_MARKS: dict[str, Mark] = {"better": "better", "worse": "worse", "info": "info"}


def since_meeting(ask_before: Ask, before: MeetingRecord, ask_now: Ask, now: MeetingRecord, config: Config) -> Since:
    """'Sedan förra mötet': its heading and what moved since the body's previous record."""
    heading = f"Sedan förra mötet ({before.meeting_date.isoformat()}, {before.item})"
    moved = changes_since_meeting(ask_before, before, ask_now, now, config)
    return heading, tuple(Line(c.text, CHANGE_MARKS.get(c.kind, "")) for c in moved)


def compose(ask: Ask, scope: Scope, config: Config) -> ViewContent:
    """The situation of one quarter on one screen: each area's status, every KPI against its target, the
    critical incidents, the recommendations and the self-assessment, the body's own awareness and follow-up
    figures, and what moved since the last quarter (or the last meeting)."""
    view = VIEW_NAMED["situation"]
    units = scope.units or (scope.body,)
    body, names = units[0], config.unit_names
    whose = names.get(body, body) if len(units) == 1 else f"{len(units)} enheter"
    period = scope.quarter or ""
    picture = situation_from(ask, units, period, config, scope.on)
    since = scope.since or (
        f"Sedan förra kvartalet ({picture.previous})" if scope.in_deck else "Sedan förra kvartalet",
        tuple(Line(c.text, CHANGE_MARKS.get(c.kind, "")) for c in picture.changes),
    )
    incidents = headline(ask, (), int(period[:4]), reporting_moment(scope)) if period else None
    duties = duties_sentence(ask, body, period, config) if period else None
    assessed = ask(risk_queries.assessments, (body,), scope.on)
    risks = risk_sentence(assessed, names.get(body, body), scope.on, config)
    sections: list[Section] = [
        Heading(f"{whose} · {period}"),
        Lines(
            "Sammanfattning",
            tuple(Line(t) for t in attention(picture, since, incidents, duties, risks)),
            main="summary",
        ),
        Figures(
            "Status per område",
            tuple(
                Figure(
                    a.area,
                    f"{a.symbol} {a.word}",
                    (a.movement,) if a.movement else (),
                    _tone(a.status),
                    "",
                    (STATUS.name,),
                )
                for a in picture.areas
            ),
            style="status",
            lead=picture.summary(),
            main="status",
        ),
        Figures("Nyckeltal mot mål", tuple(_kpi_figure(k) for k in picture.kpis), on_slide=False),
        Figures(
            "Nyckeltal mot mål",
            tuple(_kpi_row(k, picture.previous) for k in picture.kpis),
            style="rows",
            on_screen=False,
            main="kpis",
        ),
        Figures(
            "",
            _board_figures(ask, picture, config),
            slide_title="Incidenter, rekommendationer och självskattning",
        ),
        Lines(
            "Försenade rekommendationer",
            tuple(Line(line, "overdue") for line in picture.overdue),
            empty="Ingen rekommendation är försenad.",
            on_slide=False,
        ),
        Figures(
            "", _awareness(ask, units, body, scope.on, config), slide_title="Phishing, utbildning och styrdokument"
        ),
        Figures("", _follow_up(ask, units, body, scope.on, config), slide_title="Klassning, mognad och tillgänglighet"),
        Figures(
            "",
            (
                duties_figure(ask(measure_queries.body_measures, body, period), body, config)
                or missing("Ledningens ansvar", "Inga åtgärder enligt cybersäkerhetslagen rapporterade."),
                risk_figure(assessed, body, scope.on, config) or missing("Risker", "Inga risker registrerade."),
            ),
            slide_title="Ledningens ansvar och risker",
        ),
    ]
    heading, lines = since
    sections.append(
        Lines(
            heading,
            lines,
            empty="Inga förändringar sedan förra mötet."
            if scope.since
            else f"Inga förändringar sedan {picture.previous}.",
            at_most=LISTED_AT_MOST,
            rest="på Lägesbild",
        )
    )
    if scope.in_deck:
        sections.append(on_main_slide(heading, lines, "since", SINCE_NAMED, view.title))
    return ViewContent(view, whose, tuple(sections))


LISTED_AT_MOST = 16  # lines of "Sedan förra kvartalet" in the deck; the view has them all
SINCE_NAMED = 5  # on the main part's slide
NAMED = 2  # examples a sentence of the summary names


def attention(
    picture: SituationPicture,
    since: Since,
    incidents: Headline | None,
    duties: str | None = None,
    risks: str | None = None,
) -> list[str]:
    """Sammanfattning: three to five sentences, each with its figure, on what needs the board's attention.
    The body's own first — the KPIs off target, what got worse, its risks in the highest band and late
    treatments, its unmet duties — then the whole municipality's incidents and overdue recommendations,
    which have slides of their own in the main part when a sixth sentence does not fit here."""
    sentences = []
    off = [k for k in picture.kpis if k.band != "green"]
    if not picture.kpis:
        sentences.append("Inga nyckeltal är rapporterade för kvartalet.")
    elif off:
        named = ", ".join(f"{k.name} {k.value} (mål {k.target})" for k in off[:NAMED])
        more = f" och {swedish_int(len(off) - NAMED)} till" if len(off) > NAMED else ""
        sentences.append(
            f"{swedish_int(len(off))} av {swedish_int(len(picture.kpis))} nyckeltal når inte målet: {named}{more}."
        )
    else:
        sentences.append(f"Alla {swedish_int(len(picture.kpis))} nyckeltal når sina mål.")
    heading, lines = since
    worse = [line.text for line in lines if line.mark == "worse"]
    if worse:
        when = heading[0].lower() + heading[1:]
        named = "; ".join(worse[:NAMED]) + (
            f" och {swedish_int(len(worse) - NAMED)} till" if len(worse) > NAMED else ""
        )
        changes = "förändring" if len(worse) == 1 else "förändringar"
        sentences.append(f"{swedish_int(len(worse))} {changes} till det sämre {when}: {named}.")
    sentences += [s for s in (risks, duties) if s]
    if incidents is not None:
        sentences.append(incidents.sentence(WHOLE_MUNICIPALITY))
    counts = picture.recommendation_counts
    total = sum(counts.values())
    if total:
        done = counts.get("done", 0) + counts.get("closed", 0)
        late = len(picture.overdue)
        sentences.append(
            f"Revisionens rekommendationer i {WHOLE_MUNICIPALITY}: {swedish_int(late)} "
            f"{'försenad' if late == 1 else 'försenade'}, "
            f"{swedish_int(done)} av {swedish_int(total)} genomförda."
        )
    return sentences[:5]


def _tone(value: str) -> Tone | None:
    return {"green": "green", "amber": "amber", "red": "red"}.get(value)  # type: ignore[return-value]


def _kpi_figure(k: KpiTile) -> Figure:
    notes: tuple[str, ...] = (f"Mål {k.target} · {k.judgement}",)
    notes += (f"Beräknat av {k.counts}",) if k.counts else ()
    notes += (k.change,) if k.change else ()
    return Figure(k.name, k.value, notes, _tone(k.band), "", (KPIS.name,))


def _kpi_row(k: KpiTile, previous: str) -> Figure:
    """A KPI on the main part's one slide of them all: its value, its target and verdict, its change."""
    notes: tuple[str, ...] = (f"Mål {k.target} · {k.judgement}",)
    if k.change:
        notes += (k.change.replace("föregående kvartal", previous),)
    return Figure(k.name, k.value, notes, _tone(k.band), "", (KPIS.name,))


def _board_figures(ask: Ask, picture: SituationPicture, config: Config) -> tuple[Figure, ...]:
    """The critical incidents this year, the recommendations done, the self-assessment's headline."""
    year = picture.critical_year
    earlier = [f"{y}: {n}" for y, n in sorted(picture.critical_by_year.items(), reverse=True) if y != year]
    counts = picture.recommendation_counts
    done, total = counts.get("done", 0) + counts.get("closed", 0), sum(counts.values())
    figures = [
        Figure(
            f"Kritiska incidenter hittills {year}, {WHOLE_MUNICIPALITY}",
            swedish_int(picture.critical_by_year.get(year, 0)),
            (" · ".join(earlier[:3]),) if earlier else (),
            heading="Kritiska incidenter",
            datasets=(INCIDENTS.name,),
        ),
        Figure(
            "Revisionens rekommendationer genomförda",
            f"{swedish_int(done)} av {swedish_int(total)}",
            (
                f"Pågår {counts.get('in_progress', 0)} · avvaktar {counts.get('on_hold', 0)} · "
                f"ej påbörjade {counts.get('not_started', 0)} · försenade {len(picture.overdue)}",
            ),
            heading="Revisionens rekommendationer",
            datasets=(RECOMMENDATIONS.name, UPDATES.name),
        ),
    ]
    shares = shares_by_year(ask(self_assessment_queries.rating_counts_by_year, INTERNAL_CONTROL, ()))
    satisfied = shares[shares["rating"] == "satisfactory"].sort_values("year")
    if satisfied.empty:
        figures.append(missing("Självskattning", "Inga självskattningar ännu."))
    else:
        last, first = satisfied.iloc[-1], satisfied.iloc[0]
        name = config.assessments[INTERNAL_CONTROL].name if INTERNAL_CONTROL in config.assessments else ""
        figures.append(
            Figure(
                f"{name} {int(last['year'])}: tillfredsställande",
                swedish_percent(last["share"]),
                (f"{int(first['year'])}: {swedish_percent(first['share'])}",) if len(satisfied) > 1 else (),
                heading="Självskattning",
                datasets=(SELF_ASSESSMENTS.name,),
            )
        )
    return tuple(figures)


def _awareness(ask: Ask, units: tuple[str, ...], body: str, on: dt.date, config: Config) -> tuple[Figure, ...]:
    """The body's latest phishing campaign, its members' training, its documents past revision."""
    return (
        latest_campaign(with_rates(ask(phishing_queries.campaigns, units)), config)
        or missing("Phishingövning", "Ingen phishingövning registrerad."),
        members_trained(with_completion(ask(training_queries.courses, units)), body, config)
        or missing("Ledamöternas utbildning", "Ingen utbildning av ledamöterna registrerad."),
        overdue_figure(with_revision_state(ask(document_queries.register, units), on), body, config)
        or missing("Styrdokument", "Inga styrdokument registrerade."),
    )


def _follow_up(ask: Ask, units: tuple[str, ...], body: str, on: dt.date, config: Config) -> tuple[Figure, ...]:
    """The body's own systems classified, its step on the maturity ladder, its latest accessibility review."""
    months = config.app.classification_max_age_months
    coverage = ask(classification_queries.coverage_by_unit, units, older_than(on, months))
    model = next((config.maturity_models[m] for m in ask(maturity_queries.models) if m in config.maturity_models), None)
    maturity = (
        None if model is None else maturity_figure(ask(maturity_queries.levels, model.id, units), body, model, config)
    )
    return (
        classification_figure(coverage, body, config, months) or missing("Klassning", "Inga system registrerade."),
        maturity or missing("Mognad", "Ingen mognadsnivå registrerad."),
        accessibility_figure(ask(accessibility_queries.totals_by_year, units), body, config)
        or missing("Tillgänglighet", "Ingen tillgänglighetsgranskning registrerad."),
    )
