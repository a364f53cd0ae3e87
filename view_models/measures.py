"""Ledningens ansvar: a body's duties under the Cybersecurity Act in one place — the ten risk-management
measures with their status, owner, approval and next review; whether the body was given a security report
each quarter; its members' training; reporting on time (no streamlit)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pandas as pd

from domain.configuration import Config
from domain.datasets.measures import DATASET
from domain.formatting import quarter_label, swedish_date, swedish_int
from domain.roles import VIEW_NAMED
from domain.vocabulary import MEASURE_SYMBOLS, MEASURE_WORDS
from queries import measures as q
from queries import training as training_queries
from rules.training import with_completion
from view_models.incidents import Headline, headline, reporting_moment
from view_models.sections import (
    Ask,
    Figure,
    Figures,
    Line,
    Lines,
    Link,
    Links,
    Scope,
    Section,
    Table,
    ViewContent,
    on_main_slide,
)
from view_models.training import members_trained

NAMED = 2  # measures or quarters named on the main part's slide (below three figures); the view has them all


def letter(measure: str, config: Config) -> str:
    """'(h) Kryptografi och kryptering'."""
    named = config.measures.get(measure)
    return f"({measure}) {named.name if named else measure}"


def headline_text(rows: pd.DataFrame, config: Config) -> str:
    """'6 av 9 åtgärder genomförda; 1 ej tillämplig: (h) Kryptografi och kryptering'."""
    text = f"{done_of(rows)} åtgärder genomförda"
    left_out = rows[rows["status"] == "not_applicable"]
    if not left_out.empty:
        named = ", ".join(letter(m, config) for m in left_out["measure"])
        text += f"; {swedish_int(len(left_out))} ej tillämplig{'a' if len(left_out) > 1 else ''}: {named}"
    return text


def done_of(rows: pd.DataFrame) -> str:
    """'6 av 9': the measures done of those that apply."""
    applies = rows[rows["status"] != "not_applicable"]
    return f"{swedish_int(int((applies['status'] == 'done').sum()))} av {swedish_int(len(applies))}"


def not_approved(rows: pd.DataFrame) -> pd.DataFrame:
    """The measures that apply and that the body has not approved (no decision date)."""
    return rows[(rows["status"] != "not_applicable") & rows["decided_date"].isna()]


def review_passed(rows: pd.DataFrame, on: dt.date) -> pd.DataFrame:
    return rows[rows["next_review"].notna() & (pd.to_datetime(rows["next_review"]) < pd.Timestamp(on))]


def oversight(records: pd.DataFrame, quarter: str) -> list[Line]:
    """Each quarter of the year up to `quarter`: the security report the body was given, or that none was."""
    year, last = int(quarter[:4]), int(quarter[5])
    lines = []
    for n in range(1, last + 1):
        period = f"{year}Q{n}"
        held = records[records["quarter"] == period]
        if held.empty:
            lines.append(Line(f"{quarter_label(period).capitalize()}: ingen redovisning för nämnden", "overdue"))
        else:
            first = held.iloc[0]
            when = f"{swedish_date(first['meeting_date'])}, {first['item']}"
            lines.append(
                Line(f"{quarter_label(period).capitalize()}: redovisat ({when}, mötesprotokoll nr {first['id']})")
            )
    return lines


def measure_table(rows: pd.DataFrame, approvals: pd.DataFrame, on: dt.date, config: Config) -> pd.DataFrame:
    """Each measure in words: status with its symbol, owner, approval (with its meeting record), review."""
    recorded = {d: f"mötesprotokoll nr {i}" for d, i in zip(approvals["meeting_date"], approvals["id"], strict=True)}

    def approval(decided: dt.date | None, ref: object, status: str) -> str:
        if decided is None or pd.isna(decided):
            return "–" if status == "not_applicable" else "✗ ej beslutad"
        text = f"{swedish_date(decided)}{f', {ref}' if isinstance(ref, str) and ref else ''}"
        return f"{text} ({recorded[decided]})" if decided in recorded else text

    def review(date: dt.date | None) -> str:
        if date is None or pd.isna(date):
            return "–"
        return f"{swedish_date(date)}{' ■ passerad' if pd.Timestamp(date) < pd.Timestamp(on) else ''}"

    return pd.DataFrame(
        {
            "Åtgärd": [letter(m, config) for m in rows["measure"]],
            "Status": [f"{MEASURE_SYMBOLS[s]} {MEASURE_WORDS[s]}" for s in rows["status"]],
            "Ansvarig": rows["owner"].fillna("–"),
            "Beslut": [
                approval(d, r, s)
                for d, r, s in zip(rows["decided_date"], rows["decision_ref"], rows["status"], strict=True)
            ],
            "Nästa översyn": [review(d) for d in rows["next_review"]],
            "Kommentar": rows["comment"].fillna(""),
        }
    )


def duties_sentence(ask: Ask, body: str, quarter: str, config: Config) -> str | None:
    """Sammanfattning's sentence on the body's duties: the measures done and not approved, the quarters
    without a report; None when nothing is reported and every quarter was reported."""
    rows = ask(q.body_measures, body, quarter)
    missed = [line for line in oversight(ask(q.reports, body, int(quarter[:4])), quarter) if line.mark]
    if rows.empty and not missed:
        return None
    parts = []
    if not rows.empty:
        waiting = len(not_approved(rows))
        parts.append(
            f"{done_of(rows)} åtgärder genomförda" + (f", {swedish_int(waiting)} inte beslutade" if waiting else "")
        )
    if missed:
        parts.append(f"ingen redovisning för nämnden {swedish_int(len(missed))} av {quarter[5]} kvartal {quarter[:4]}")
    return f"Ledningens ansvar enligt cybersäkerhetslagen: {'; '.join(parts)}."


def body_figure(rows: pd.DataFrame, body: str, config: Config) -> Figure | None:
    """Lägesbild's key figure: done of the measures that apply, and what is not approved."""
    if rows.empty:
        return None
    applies = rows[rows["status"] != "not_applicable"]
    complete = bool((applies["status"] == "done").all())
    missing = len(not_approved(rows))
    return Figure(
        f"{config.unit_names.get(body, body)}s åtgärder enligt cybersäkerhetslagen genomförda",
        done_of(rows),
        (f"{swedish_int(missing)} inte beslutade av nämnden" if missing else "✓ alla beslutade av nämnden",),
        "green" if complete and not missing else "amber",
        heading="Ledningens ansvar",
        datasets=(DATASET.name,),
    )


def compose(ask: Ask, scope: Scope, config: Config) -> ViewContent:
    """The body's measures in the quarter, its reports, its members' training and reporting on time."""
    view = VIEW_NAMED[DATASET.name]
    body = scope.units[0] if scope.units else scope.body
    whose = config.unit_names.get(body, body)
    quarter = scope.quarter or ""
    rows = ask(q.body_measures, body, quarter)
    records = ask(q.reports, body, int(quarter[:4]))
    sections: list[Section] = []
    lines = oversight(records, quarter)
    missed = [line for line in lines if line.mark == "overdue"]
    trained = members_trained(with_completion(ask(training_queries.courses, (body,))), body, config)
    reporting = headline(ask, (body,), int(quarter[:4]), reporting_moment(scope))
    duties: list[Figure] = []
    if not rows.empty:
        approvals = ask(q.meetings_on, body, tuple(d for d in rows["decided_date"].dropna().unique()))
        table = measure_table(rows, approvals, scope.on, config)
        waiting = not_approved(rows)
        passed = review_passed(rows, scope.on)
        measured = rows["period"].iloc[0]
        lead = headline_text(rows, config) + ("" if measured == quarter else f" (senast rapporterat {measured})")
        sections.append(
            Table(
                f"Riskhanteringsåtgärderna {measured}",
                table,
                "atgarder.csv",
                lead=lead + ".",
                note="Åtgärderna a–j i cybersäkerhetslagen (SFS 2025:1506), som nämnden beslutar om och följer upp.",
            )
        )
        applies = len(rows[rows["status"] != "not_applicable"])
        duties.append(
            Figure(
                "Åtgärder genomförda",
                done_of(rows),
                (f"beslutade av nämnden: {swedish_int(applies - len(waiting))} av {swedish_int(applies)}",),
                datasets=(DATASET.name,),
            )
        )
        if not approvals.empty:
            sections.append(
                Links(
                    "Besluten i protokollförda möten",
                    tuple(
                        Link(
                            f"{swedish_date(r.meeting_date)}, {r.item}: mötesprotokoll nr {r.id}, som presenterat",
                            "situation",
                            {"mote": str(r.id)},
                        )
                        for r in approvals.itertuples()
                    ),
                )
            )
        sections.append(
            Lines(
                "Inte beslutade av nämnden",
                tuple(Line(letter(m, config), "overdue") for m in waiting["measure"]),
                empty="Nämnden har beslutat om alla åtgärder som är tillämpliga.",
            )
        )
        if not passed.empty:
            sections.append(
                Lines(
                    "Översyn försenad",
                    tuple(
                        Line(f"{letter(r.measure, config)}: skulle ses över {swedish_date(r.next_review)}", "overdue")
                        for r in passed.itertuples()
                    ),
                )
            )
        attention = [
            *(Line(f"Inte beslutad: {letter(m, config)}", "overdue") for m in waiting["measure"]),
            *missed,
        ]
    else:
        sections.append(
            Table("Riskhanteringsåtgärderna", pd.DataFrame(), lead=f"Inga åtgärder är rapporterade för {whose}.")
        )
        attention = list(missed)
    year = quarter[:4]
    reported = len(lines) - len(missed)
    duties.append(
        Figure(
            f"Redovisat för nämnden {year}",
            f"{swedish_int(reported)} av {swedish_int(len(lines))} kvartal",
            ("✓ varje kvartal" if not missed else f"✗ saknas: {swedish_int(len(missed))}",),
            "green" if not missed else "red",
        )
    )
    if trained is not None:
        duties.append(replace(trained, notes=trained.notes[:1]))  # the counts; the duty is the slide's title
    sections.append(Lines(f"Redovisning för nämnden {year}", tuple(lines)))
    sections.append(Figures("Utbildning och rapportering", tuple(f for f in (trained, *_reporting(reporting)) if f)))
    sections.append(Figures("Ledningens ansvar", tuple(duties), on_screen=False, main="duties"))
    sections.append(on_main_slide("Att åtgärda", tuple(attention), "duties", NAMED, view.title))
    return ViewContent(view, whose, tuple(sections))


def _reporting(line: Headline) -> tuple[Figure, ...]:
    """Reporting on time under the law for the body's own incidents, when any report was due."""
    if not line.decided:
        return ()
    share = 100.0 * line.met / line.decided
    return (
        Figure(
            f"Rapporter i tid {line.year}",
            f"{swedish_int(line.met)} av {swedish_int(line.decided)}",
            ("✓ alla i tid" if share >= 100 else "✗ inte alla i tid",),
            "green" if share >= 100 else "red",
            heading="Rapportering",
        ),
    )
