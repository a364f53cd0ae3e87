"""The recommendation view's words and tables."""

from __future__ import annotations

from typing import Any

import pandas as pd

from charts.recommendations import status_per_audit, status_per_year, timeline
from domain import vocabulary
from domain.configuration import Config
from domain.datasets.recommendation_updates import DATASET as UPDATES
from domain.datasets.recommendations import DATASET as RECOMMENDATIONS
from domain.formatting import swedish_date, swedish_int, swedish_percent
from domain.roles import VIEW_NAMED
from queries import recommendations as recommendation_queries
from rules.recommendations import status_counts, with_overdue
from view_models.sections import (
    Ask,
    Chart,
    Figure,
    Figures,
    Line,
    Lines,
    Record,
    Records,
    Scope,
    Section,
    Text,
    ViewContent,
    on_main_slide,
    scope_label,
)

STATUS_WORDS = vocabulary.RECOMMENDATION_WORDS


def status_summary(recs: pd.DataFrame) -> str:
    counts = status_counts(recs)
    done = counts["done"] + counts["closed"]
    parts = [f"{swedish_int(done)} av {swedish_int(len(recs))} rekommendationer är genomförda"]
    for status in ("in_progress", "on_hold", "not_started"):
        if counts[status]:
            word = STATUS_WORDS[status].lower()
            plural = word + "e" if word.endswith("påbörjad") and counts[status] > 1 else word
            parts.append(f"{swedish_int(counts[status])} {plural}")
    overdue = int(recs["overdue"].sum())
    if overdue:
        parts.append(f"{swedish_int(overdue)} försenad" + ("e" if overdue > 1 else ""))
    return ", ".join(parts) + "."


def timeline_summary(recs: pd.DataFrame) -> str:
    lines = []
    for r in recs.itertuples():
        end = (
            f"genomförd {swedish_date(r.done_date)}"
            if r.done_date is not None and not pd.isna(r.done_date)
            else ("försenad" if r.overdue else STATUS_WORDS[r.status].lower())
        )
        lines.append(
            f"{r.recommendation_id}: granskad {swedish_date(r.audit_date)}, slutdatum {swedish_date(r.due_date)}, {end}"
        )
    return "; ".join(lines) + "."


def overview_table(recs: pd.DataFrame, config: Config) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Id": recs["recommendation_id"],
            "Granskning": recs["audit"],
            "Mottagare": recs["addressee"].map(lambda u: config.unit_names.get(u, u)),
            "Område": recs["area"].fillna("–"),
            "Åtagande": recs["committed"].map({True: "Ja", False: "Nej"}).fillna("–"),
            "Status": recs["status"].map(STATUS_WORDS),
            "Senast uppdaterad": [
                swedish_date(d) if d is not None and not pd.isna(d) else "–" for d in recs["status_date"]
            ],
            "Slutdatum": [swedish_date(d) if d is not None and not pd.isna(d) else "–" for d in recs["due_date"]],
            "Försenad": recs["overdue"].map({True: "■ Ja", False: "Nej"}),
        }
    )


def history_table(history: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Datum": [swedish_date(d) for d in history["date"]],
            "Status": history["status"].map(STATUS_WORDS),
            "Andel klar": [f"{p:g}\u00a0%" if p is not None and not pd.isna(p) else "–" for p in history["progress"]],
            "Kommentar": history["comment"].fillna(""),
        }
    )


MANY = 50  # a city's years of audits: a year per bar, then one audit at a time
LISTED_AT_MOST = 16  # overdue recommendations on the slides; the view has them all
RELATED = tuple(d.name for d in (RECOMMENDATIONS, UPDATES))


def recommendations(ask: Ask, scope: Scope) -> pd.DataFrame:
    """The recommendations to the scope's units with their progress, overdue judged on the scope's day."""
    recs = with_overdue(ask(recommendation_queries.recommendations_with_progress), scope.on)
    return recs[recs["addressee"].isin(scope.units)] if scope.units else recs


def main_sections(counts: dict[str, int], overdue: tuple[Line, ...]) -> tuple[Section, ...]:
    """The main part's slide: done of all, still open, overdue in figures; the longest overdue named."""
    done, total = counts["done"] + counts["closed"], sum(counts.values())
    still = sum(counts[k] for k in OPEN)
    figures = (
        Figure(
            "Genomförda",
            f"{swedish_int(done)} av {swedish_int(total)}",
            (swedish_percent(100.0 * done / total),),
            datasets=RELATED,
        ),
        Figure(
            "Inte genomförda ännu",
            swedish_int(still),
            (" · ".join(f"{STATUS_WORDS[k].lower()} {swedish_int(counts[k])}" for k in OPEN if counts[k]),),
            datasets=RELATED,
        ),
        Figure(
            "Försenade",
            swedish_int(len(overdue)),
            ("✗ slutdatum passerat" if overdue else "✓ ingen försenad",),
            "red" if overdue else "green",
            datasets=RELATED,
        ),
    )
    return (
        Figures("Revisionens rekommendationer", figures, on_screen=False, main="recommendations"),
        on_main_slide("Längst försenade", overdue, "recommendations", OVERDUE_NAMED, "Rekommendationer"),
    )


OPEN = ("in_progress", "on_hold", "not_started")
OVERDUE_NAMED = 3  # overdue recommendations named on the main part's slide


def audits_to_choose(recs: pd.DataFrame) -> list[str]:
    """With many recommendations the view shows one audit at a time: the audits, the latest first."""
    if len(recs) <= MANY:
        return []
    return list(dict.fromkeys(recs.sort_values("audit_date", ascending=False)["audit"]))


def compose(ask: Ask, scope: Scope, config: Config) -> ViewContent:
    """Status per audit and addressee (per year for a city's many), the overdue ones in words, the timeline
    of the audit chosen (`audit`), and each recommendation's dated history."""
    view = VIEW_NAMED[RECOMMENDATIONS.name]
    whose = scope_label(scope, config.unit_names)
    recs = recommendations(ask, scope)
    if recs.empty:
        return ViewContent(view, whose, empty="Inga granskningsrekommendationer är registrerade.")
    many = len(recs) > MANY
    counts = status_counts(recs)
    done = counts.get("done", 0) + counts.get("closed", 0)
    overdue = tuple(
        Line(
            f"{r.recommendation_id}: {r.recommendation} (slutdatum {r.due_date}, {STATUS_WORDS[r.status].lower()})",
            "overdue",
        )
        for r in recs[recs["overdue"]].sort_values("due_date").itertuples()
    )
    sections: list[Section] = [
        Chart(
            "Rekommendationernas status",
            status_per_year(recs) if many else status_per_audit(recs, config.unit_names),
            status_summary(recs),
            overview_table(recs, config),
            "rekommendationer.csv",
            slide_title="Status per granskningsår" if many else "Status per granskning och mottagare",
            heading="Status per granskningsår" if many else "Status per granskning och mottagare",
            datasets=RELATED,
        ),
        Lines(
            "Försenade rekommendationer",
            overdue,
            empty=f"Ingen rekommendation är försenad; {swedish_int(done)} av {swedish_int(len(recs))} är genomförda.",
            at_most=LISTED_AT_MOST,
            rest="på Rekommendationer, de längst försenade först här",
            on_screen=False,
        ),
    ]
    if scope.in_deck:
        return ViewContent(view, whose, (*main_sections(counts, overdue), *sections))
    listed = recs
    if many:
        audits = audits_to_choose(recs)
        audit = next((a for a in audits if a in scope.filter("audit")), audits[0])
        listed = recs[recs["audit"] == audit]
        sections.append(
            Text(
                f"{swedish_int(len(listed))} av {swedish_int(len(recs))} rekommendationer, från granskningen {audit}. "
                "Alla finns i tabellen ovan."
            )
        )
    sections.append(
        Chart(
            "Från granskning till slutdatum",
            timeline(listed),
            timeline_summary(listed),
            overview_table(listed, config),
            "tidslinje.csv",
            on_slide=False,
            datasets=RELATED,
        )
    )
    history = ask(recommendation_queries.recommendation_history, tuple(listed["recommendation_id"]))
    sections.append(
        Records(
            "Varje rekommendation och dess historik",
            tuple(_record(rec, history, config) for rec in listed.itertuples()),
        )
    )
    return ViewContent(view, whose, tuple(sections))


def _record(rec: Any, history: pd.DataFrame, config: Config) -> Record:
    committed = {True: "nämnden har åtagit sig att genomföra den", False: "nämnden har inte åtagit sig den"}.get(
        rec.committed, "åtagande ej angivet"
    )
    details = (
        f"{rec.audit}, {rec.auditor}, {rec.audit_date}. Mottagare: "
        f"{config.unit_names.get(rec.addressee, rec.addressee)}; {committed}. "
        f"Ansvarig: {rec.owner or '–'}. Slutdatum: {rec.due_date or '–'}."
    )
    return Record(
        f"{rec.recommendation_id}: {rec.area or rec.audit}{' (försenad)' if rec.overdue else ''}",
        rec.recommendation,
        (details, *((f"Yttrande: {rec.response}",) if rec.response else ())),
        history_table(history[history["recommendation_id"] == rec.recommendation_id]),
        flagged=bool(rec.overdue),
    )
