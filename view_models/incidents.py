"""What the incident view says: its summaries and tables, in Swedish formats."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from charts.incidents import by_unit, category_split, monthly_by_severity, on_time_by_year_chart, yearly_totals
from domain import vocabulary
from domain.clock import swedish_now, today
from domain.configuration import Config
from domain.datasets.incidents import DATASET
from domain.formatting import swedish_date, swedish_int, swedish_month, swedish_percent
from domain.roles import VIEW_NAMED
from queries import incidents as incident_queries
from rules.incidents import IMY, ON_TIME_TARGET, on_time_by_year, report_completeness, reporting_deadlines
from view_models.sections import (
    Ask,
    Chart,
    Figure,
    Figures,
    Heading,
    Line,
    Lines,
    Scope,
    Section,
    Table,
    Text,
    ViewContent,
    on_main_slide,
    scope_label,
)

SEVERITY_WORDS, CATEGORY_WORDS = vocabulary.SEVERITY_WORDS, vocabulary.CATEGORY_WORDS
SEVERITY_ORDER = [c.id for c in vocabulary.SEVERITIES]


def monthly_summary(monthly: pd.DataFrame, unit_label: str) -> str:
    total = int(monthly["count"].sum())
    critical = int(monthly.loc[monthly["severity"] == "critical", "count"].sum())
    per_month = monthly.groupby("month")["count"].sum()
    peak = per_month.idxmax() if len(per_month) else None
    text = f"{swedish_int(total)} incidenter för {unit_label}, varav {critical} kritiska"
    if peak:
        text += f"; flest i {swedish_month(peak)} ({swedish_int(per_month[peak])})"
    return text + "."


def incomplete_year(monthly: pd.DataFrame) -> str:
    """ "2026 t.o.m. november" when the last year shown has no incidents after a month before December
    (the year is not over, or its later months are not imported); "" when it runs to December."""
    if monthly.empty:
        return ""
    last = str(monthly["month"].max())
    return "" if last.endswith("-12") else f"{last[:4]} t.o.m. {swedish_month(last).split()[0]}"


def monthly_table(monthly: pd.DataFrame) -> pd.DataFrame:
    table = monthly.pivot_table(index="month", columns="severity", values="count", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=[s for s in SEVERITY_ORDER if s in table.columns])
    table["Totalt"] = table.sum(axis=1)
    table = table.rename(columns=SEVERITY_WORDS).reset_index().rename(columns={"month": "Månad"})
    return table.astype({c: int for c in table.columns if c != "Månad"})


def yearly_summary(totals: pd.DataFrame, column: str) -> str:
    parts = [f"{int(r.year)}: {swedish_int(getattr(r, column))}" for r in totals.itertuples()]
    word = "Kritiska incidenter" if column == "critical" else "Incidenter"
    return f"{word} per år – " + ", ".join(parts) + "."


def category_summary(by_year: pd.DataFrame) -> str:
    last = by_year["year"].max()
    year = by_year[by_year["year"] == last]
    personal = year[year["category"] == "personal_data"]
    total = int(year["count"].sum())
    text = ", ".join(
        f"{CATEGORY_WORDS[r.category].lower()} {swedish_int(r.count)} ({swedish_percent(100 * r.count / total)})"
        for r in year.itertuples()
    )
    reported = int(personal["reported"].sum())
    return (
        f"{last}: {text}. Av {swedish_int(int(personal['count'].sum()))} personuppgiftsincidenter anmäldes "
        f"{swedish_int(reported)} till IMY."
    )


def category_table(by_year: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "År": by_year["year"],
            "Kategori": by_year["category"].map(CATEGORY_WORDS),
            "Antal": by_year["count"].astype(int),
            "Anmälda till IMY": by_year["reported"].astype(int),
        }
    )


def unit_summary(units: pd.DataFrame, unit_names: dict[str, str], year: int) -> str:
    per_unit = units.groupby("unit")["count"].sum().sort_values(ascending=False)
    top = ", ".join(f"{unit_names.get(u, u)} {swedish_int(n)}" for u, n in per_unit.head(3).items())
    return f"{year}: flest incidenter hos {top}."


def unit_table(units: pd.DataFrame, unit_names: dict[str, str]) -> pd.DataFrame:
    table = units.pivot_table(index="unit", columns="severity", values="count", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=[s for s in SEVERITY_ORDER if s in table.columns])
    table["Totalt"] = table.sum(axis=1)
    table = table.sort_values("Totalt", ascending=False).rename(columns=SEVERITY_WORDS)
    table.index = table.index.map(lambda u: unit_names.get(u, u))
    return table.reset_index().rename(columns={"unit": "Enhet"})


def critical_summary(critical: pd.DataFrame) -> str:
    if critical.empty:
        return "Inga kritiska incidenter är registrerade."
    complete = int(report_completeness(critical).sum())
    return (
        f"{len(critical)} kritiska incidenter; {complete} har en komplett incidentrapport "
        "(datum, ansvarig incidenthanterare och ansvarig chef)."
    )


def critical_table(critical: pd.DataFrame, unit_names: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Datum": [swedish_date(d) for d in critical["date"]],
            "Ärende": critical["reference"].fillna("–"),
            "Rubrik": critical["title"].fillna("–"),
            "Enhet": critical["unit"].map(lambda u: unit_names.get(u, u)),
            "Anmäld till IMY": critical["reported_to_authority"].map({True: "Ja", False: "Nej"}).fillna("–"),
            "Incidentansvarig": critical["incident_manager"].fillna("saknas"),
            "Ansvarig chef": critical["responsible_manager"].fillna("saknas"),
            "Rapportdatum": [
                swedish_date(d) if d is not None and not pd.isna(d) else "saknas" for d in critical["report_date"]
            ],
            "Rapport": report_completeness(critical).map({True: "✓ komplett", False: "✗ ofullständig"}).tolist(),
        }
    )


def selected_bar(event: object) -> tuple[str, str] | None:
    """(month, severity code) of the bar clicked in the monthly chart, if any."""
    points = (getattr(event, "selection", None) or {}).get("rader") or []
    if not points:
        return None
    point = points[0]
    codes = {word: code for code, word in SEVERITY_WORDS.items()}
    month, word = point.get("Månadskod"), point.get("Allvarlighetsgrad")
    return (month, codes[word]) if month and word in codes else None


def rows_table(rows: pd.DataFrame, unit_names: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Datum": [swedish_date(d) for d in rows["date"]],
            "Enhet": rows["unit"].map(lambda u: unit_names.get(u, u)),
            "Kategori": rows["category"].map(CATEGORY_WORDS),
            "Antal": rows["count"].astype(int),
            "Ärende": rows["reference"].fillna("–"),
            "Rubrik": rows["title"].fillna("–"),
            "Fil och rad": [f"{s}, rad {r}" for s, r in zip(rows["source"], rows["source_row"], strict=True)],
        }
    )


STATE_WORDS = {"met": "✓ I tid", "late": "✗ För sent", "missing": "✗ Saknas", "open": "… Pågår"}


def deadline_summary(deadlines: pd.DataFrame, by_year: pd.DataFrame) -> str:
    """'Rapporterat i tid 2025: 83 % (5 av 6), mål 100 %. För sent: Incidentanmälan KRIT-2025-04 (26 h efter).'"""
    if deadlines.empty:
        return "Inga incidenter med rapporteringsplikt är registrerade."
    parts = []
    if not by_year.empty:
        last = by_year.iloc[-1]
        parts.append(
            f"Rapporterat i tid {int(last['year'])}: {swedish_percent(round(last['share']))} "
            f"({swedish_int(last['met'])} av {swedish_int(last['decided'])}), mål {swedish_percent(ON_TIME_TARGET)}."
        )
    missed = deadlines[deadlines["state"].isin(["late", "missing"])]
    if not missed.empty:
        parts.append(
            "Missade: "
            + "; ".join(
                f"{r.deadline.lower()} {r.reference or r.title} ({swedish_int(r.hours)} h "
                f"{'efter fristen' if r.state == 'late' else 'försenad, saknas'})"
                for r in missed.itertuples()
            )
            + "."
        )
    open_now = deadlines[deadlines["state"] == "open"]
    if not open_now.empty:
        parts.append(
            "Pågår: "
            + "; ".join(
                f"{r.deadline.lower()} {r.reference} ({swedish_int(r.hours)} h kvar)" for r in open_now.itertuples()
            )
            + "."
        )
    return " ".join(parts)


def deadline_table(deadlines: pd.DataFrame, unit_names: dict[str, str]) -> pd.DataFrame:
    def moment(value: object) -> str:
        return "–" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d %H:%M")

    return pd.DataFrame(
        {
            "Ärende": deadlines["reference"].fillna("–"),
            "Rubrik": deadlines["title"].fillna("–"),
            "Enhet": deadlines["unit"].map(lambda u: unit_names.get(u, u)),
            "Upptäckt": [moment(v) for v in deadlines["detected_at"]],
            "Rapport": deadlines["deadline"],
            "Senast": [moment(v) for v in deadlines["due"]],
            "Gjord": [moment(v) for v in deadlines["done"]],
            "Läge": [
                f"{STATE_WORDS[s]} ({swedish_int(h)} h{' kvar' if s == 'open' else ''})"
                for s, h in zip(deadlines["state"], deadlines["hours"], strict=True)
            ],
        }
    )


@dataclass(frozen=True)
class Headline:
    """What the board is told about incidents for a year: the critical ones (and earlier years'), the
    significant ones under the Cybersecurity Act, and the reports made on time of those due."""

    year: int
    critical: dict[int, int]  # year → critical incidents, up to the year
    significant: int
    met: int
    decided: int
    missed: tuple[str, ...]  # "incidentanmälan KRIT-2025-04 (26 h efter fristen)"

    def sentence(self, whose: str) -> str:
        """'Incidenter 2025 i hela kommunen: 4 kritiska (2024: 6) och 2 betydande; 5 av 6 rapporter i tid,
        mål 100 %.'"""
        before = self.critical.get(self.year - 1)
        text = f"Incidenter {self.year} i {whose}: {swedish_int(self.critical.get(self.year, 0))} kritiska"
        text += f" ({self.year - 1}: {swedish_int(before)})" if before is not None else ""
        text += f" och {swedish_int(self.significant)} betydande"
        if self.decided:
            text += f"; {swedish_int(self.met)} av {swedish_int(self.decided)} rapporter i tid"
            text += f", mål {swedish_percent(ON_TIME_TARGET)}"
        return text + "."


def headline(ask: Ask, units: tuple[str, ...], year: int, moment: dt.datetime) -> Headline:
    """The headline of `units` (none: the whole municipality) for `year`, reports judged at `moment`."""
    if units:
        rows = ask(incident_queries.critical_incidents, units)
        years = pd.to_datetime(rows["date"]).dt.year
        critical = {int(y): int(n) for y, n in rows.groupby(years)["count"].sum().items()}
    else:
        critical = ask(incident_queries.critical_incidents_by_year)
    deadlines = reporting_deadlines(ask(incident_queries.reportable_incidents, units), moment)
    this_year = deadlines[deadlines["year"] == year]
    decided = this_year[this_year["state"] != "open"]
    missed = this_year[this_year["state"].isin(["late", "missing"])]
    significant = this_year.loc[this_year["deadline"] != IMY[1], "reference"].nunique()
    return Headline(
        year,
        {y: n for y, n in critical.items() if y <= year},
        int(significant),
        int((decided["state"] == "met").sum()),
        len(decided),
        tuple(
            f"{r.deadline.lower()} {r.reference or r.title} ({swedish_int(r.hours)} h "
            f"{'efter fristen' if r.state == 'late' else 'försenad, saknas'})"
            for r in missed.itertuples()
        ),
    )


def headline_sections(line: Headline) -> list[Section]:
    """The main part's incidents slide: the three figures, then the reports missed."""
    year = line.year
    earlier = [f"{y}: {swedish_int(n)}" for y, n in sorted(line.critical.items(), reverse=True) if y != year]
    figures = [
        Figure(
            f"Kritiska incidenter hittills {year}",
            swedish_int(line.critical.get(year, 0)),
            (" · ".join(earlier[:2]),) if earlier else (),
            datasets=(DATASET.name,),
        ),
        Figure(
            f"Betydande incidenter {year}",
            swedish_int(line.significant),
            ("rapporteringspliktiga enligt cybersäkerhetslagen",),
            datasets=(DATASET.name,),
        ),
    ]
    if line.decided:
        share = 100.0 * line.met / line.decided
        figures.append(
            Figure(
                f"Rapporter i tid {year}",
                swedish_percent(round(share)),
                (
                    f"{swedish_int(line.met)} av {swedish_int(line.decided)} · mål {swedish_percent(ON_TIME_TARGET)}",
                    "✓ Når målet" if share >= ON_TIME_TARGET else "✗ Under mål",
                ),
                "green" if share >= ON_TIME_TARGET else "red",
                datasets=(DATASET.name,),
            )
        )
    title = "Incidenter och rapporter i tid"
    return [
        Figures(title, tuple(figures), on_screen=False, main="incidents"),
        on_main_slide(
            "Rapporter för sent eller saknas",
            tuple(Line(text, "overdue") for text in line.missed),
            "incidents",
            MISSED_LISTED,
            VIEW_NAMED[DATASET.name].title,
        ),
    ]


MISSED_LISTED = 3  # missed reports named on the main part's slide; the appendix has them all
UNITS_ON_A_SLIDE = 8  # the units with the most incidents on a slide
CRITICAL_LISTED = 12  # the latest critical incidents named in the deck; the view lists them all
CRITICAL_SHOWN = 100  # rows of the critical incidents' table on the screen; all are in the CSV file
MONTHLY = "monthly_selection"  # the monthly chart's selection: the rows behind a bar


def years_with_incidents(ask: Ask, scope: Scope) -> list[int]:
    by_year = ask(incident_queries.incidents_by_year_and_category, scope.units, *_filters(scope))
    return sorted(int(y) for y in by_year["year"].unique())


def _filters(scope: Scope) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return scope.filter("severity"), scope.filter("category")


def compose(ask: Ask, scope: Scope, config: Config) -> ViewContent:
    """Per month by severity over the years chosen (the last two), year against year, categories, the units
    with most incidents, the critical ones with their reports, and reporting on time under the law."""
    view = VIEW_NAMED[DATASET.name]
    whose = scope_label(scope, config.unit_names)
    names = config.unit_names
    severities, categories = _filters(scope)
    by_year = ask(incident_queries.incidents_by_year_and_category, scope.units, severities, categories)
    if scope.quarter is not None:
        by_year = by_year[by_year["year"] <= int(scope.quarter[:4])]
    if by_year.empty:
        return ViewContent(view, whose, empty="Inga incidenter är registrerade.")
    years = sorted(int(y) for y in by_year["year"].unique())
    first, last = scope.years or (years[max(0, len(years) - 2)], years[-1])
    monthly = ask(incident_queries.incidents_by_month, scope.units, f"{first}-01", f"{last}-12", severities, categories)
    totals = by_year.groupby("year", as_index=False)[["count", "critical"]].sum()
    span = f"{first}–{last}" if first != last else str(first)
    if partial := incomplete_year(monthly):
        span += f" ({partial})"
    units = ask(incident_queries.incidents_by_unit, last)
    top = units.groupby("unit")["count"].sum().sort_values(ascending=False).index[:UNITS_ON_A_SLIDE]
    critical = ask(incident_queries.critical_incidents, scope.units)
    listed = critical_table(critical.head(CRITICAL_SHOWN), names)
    sections: list[Section] = [
        Chart(
            f"Incidenter per månad {span}",
            monthly_by_severity(monthly, selectable=not scope.in_deck),
            monthly_summary(monthly, whose),
            monthly_table(monthly),
            "incidenter-per-manad.csv",
            select_key=MONTHLY,
            datasets=(DATASET.name,),
        ),
        Chart(
            "Antal incidenter per år",
            yearly_totals(totals, "count", "Antal incidenter"),
            yearly_summary(totals, "count"),
            totals.rename(columns={"year": "År", "count": "Antal", "critical": "Kritiska"}),
            "incidenter-per-ar.csv",
            fit="pair",
            slide_title="År mot år",
            heading="År mot år",
            side_by_side=True,
            datasets=(DATASET.name,),
        ),
        Chart(
            "Kritiska incidenter per år",
            yearly_totals(totals, "critical", "Kritiska incidenter"),
            yearly_summary(totals, "critical"),
            totals[["year", "critical"]].rename(columns={"year": "År", "critical": "Kritiska"}),
            "kritiska-per-ar.csv",
            fit="pair",
            slide_title="År mot år",
            side_by_side=True,
            datasets=(DATASET.name,),
        ),
        Chart(
            "Kategorier",
            category_split(by_year),
            category_summary(by_year),
            category_table(by_year),
            "kategorier.csv",
            datasets=(DATASET.name,),
        ),
        Chart(
            f"Flest incidenter per enhet {last}",
            by_unit(units, names),
            unit_summary(units, names, last),
            unit_table(units, names),
            f"incidenter-per-enhet-{last}.csv",
            fit="rows",
            slide_chart=by_unit(units[units["unit"].isin(top)], names) if scope.in_deck else None,
            heading=f"Per enhet {last}",
            datasets=(DATASET.name,),
        ),
        Table(
            "Kritiska incidenter och deras rapporter",
            listed,
            lead=critical_summary(critical),
            note=f"De {CRITICAL_SHOWN} senaste av {swedish_int(len(critical))} kritiska incidenter visas.",
            limit=CRITICAL_SHOWN,
            total=len(critical),
        ),
        Lines(
            "Kritiska incidenter och deras rapporter",
            tuple(
                Line(f"{r['Datum']} · {r['Enhet']} · {r['Rubrik']} · rapport {r['Rapport'].split(' ', 1)[-1]}", "info")
                for r in listed.head(CRITICAL_LISTED).to_dict("records")
            ),
            empty="Inga kritiska incidenter är registrerade.",
            at_most=CRITICAL_LISTED,
            total=len(critical),
            rest="på Incidenter",
            on_screen=False,
        ),
    ]
    sections += _deadlines(ask, scope, names)
    if scope.in_deck:
        year = int(scope.quarter[:4]) if scope.quarter else last
        sections += headline_sections(headline(ask, scope.units, year, reporting_moment(scope)))
    return ViewContent(view, whose, tuple(sections))


def reporting_moment(scope: Scope) -> dt.datetime:
    """When reporting is judged: at the end of a deck's day (a meeting's), else now."""
    return dt.datetime.combine(scope.on, dt.time(23, 59)) if scope.in_deck or scope.on != today() else swedish_now()


def _deadlines(ask: Ask, scope: Scope, names: dict[str, str]) -> list[Section]:
    """Reporting under the Cybersecurity Act and to IMY; what was still open judged at the end of the
    scope's day (a meeting's)."""
    heading = "Rapporteringstider: cybersäkerhetslagen och IMY"
    deadlines = reporting_deadlines(ask(incident_queries.reportable_incidents, scope.units), reporting_moment(scope))
    if deadlines.empty:
        text = "Inga incidenter med rapporteringsplikt är registrerade (kolumnerna *upptäckt* och *betydande*)."
        return [Heading(heading), Text(text)]
    on_time = on_time_by_year(deadlines)
    return [
        Chart(
            "Rapporterat i tid per år",
            on_time_by_year_chart(on_time, ON_TIME_TARGET),
            deadline_summary(deadlines, on_time),
            deadline_table(deadlines, names),
            "rapporteringstider.csv",
            slide_title=heading,
            heading=heading,
            datasets=(DATASET.name,),
        )
    ]
