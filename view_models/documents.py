"""What the register of governing documents says: how many still apply past their revision date, in
words a board reads aloud, and the register itself with each overdue document flagged (no streamlit)."""

from __future__ import annotations

import pandas as pd

from charts.documents import revision_timeline
from domain.configuration import Config
from domain.datasets.documents import DATASET
from domain.formatting import swedish_date, swedish_int
from domain.roles import VIEW_NAMED
from domain.vocabulary import DOCUMENT_STATUS_WORDS, DOCUMENT_TYPE_WORDS
from queries import documents as document_queries
from rules.documents import with_revision_state
from view_models.sections import Ask, Chart, Figure, Scope, ViewContent, scope_label

FLAG = "■ Revision försenad"
ON_A_SLIDE = 8  # documents on a slide, the first to revise


def overdue_summary(register: pd.DataFrame) -> str:
    """'2 av 5 styrdokument har passerat sin revisionsdag: IT-säkerhetsplan (beslutad 2010-06-14, …)'."""
    if register.empty:
        return "Inga styrdokument är registrerade."
    applying = register[register["status"].fillna("in_force") != "repealed"]
    late = applying[applying["overdue"]]
    if late.empty:
        return f"Inget av {swedish_int(len(applying))} styrdokument har passerat sin revisionsdag."
    named = "; ".join(
        f"{r.title} (beslutad {swedish_date(r.decided_date)}, skulle revideras {swedish_date(r.next_revision)})"
        for r in late.itertuples()
    )
    return (
        f"{swedish_int(len(late))} av {swedish_int(len(applying))} styrdokument har passerat sin revisionsdag: {named}."
    )


def overdue_figure(register: pd.DataFrame, body: str, config: Config) -> Figure | None:
    """The body's own documents past their revision date, as a key figure on Lägesbild."""
    applying = register[register["status"].fillna("in_force") != "repealed"]
    if applying.empty:
        return None
    late = applying[applying["overdue"]]
    name = config.unit_names.get(body, body)
    notes = tuple(f"{FLAG}: {r.title} ({swedish_date(r.next_revision)})" for r in late.head(2).itertuples())
    if len(late) > 2:
        notes += (f"och {swedish_int(len(late) - 2)} till",)
    return Figure(
        f"Styrdokument med {name} som ägare, revision försenad",
        f"{swedish_int(len(late))} av {swedish_int(len(applying))}",
        notes or ("Alla inom sin revisionstid",),
        "red" if len(late) else "green",
        "Styrdokument",
        (DATASET.name,),
    )


def register_table(register: pd.DataFrame, config: Config) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Id": register["document_id"],
            "Titel": register["title"],
            "Typ": register["type"].map(lambda t: DOCUMENT_TYPE_WORDS.get(t, "–") if isinstance(t, str) else "–"),
            "Ägare": register["owner_unit"].map(lambda u: config.unit_names.get(u, u)),
            "Beslutad av": register["decided_by"].fillna("–"),
            "Beslutsdatum": [swedish_date(d) for d in register["decided_date"]],
            "Nästa revision": [swedish_date(d) for d in register["next_revision"]],
            "Revideringsansvarig": register["revision_owner"].fillna("–"),
            "Status": register["status"].map(
                lambda s: DOCUMENT_STATUS_WORDS.get(s, "–") if isinstance(s, str) else "–"
            ),
            "Läge": register["overdue"].map({True: FLAG, False: "● Inom tid"}),
        }
    )


def compose(ask: Ask, scope: Scope, config: Config) -> ViewContent:
    """The register from decision to next revision, what is overdue judged on the scope's day (a meeting's
    date); the slide shows the documents to revise first."""
    view = VIEW_NAMED[DATASET.name]
    whose = scope_label(scope, config.unit_names)
    register = ask(document_queries.register, scope.units)
    if register.empty:
        return ViewContent(view, whose, empty="Inga styrdokument är registrerade ännu.")
    register = with_revision_state(register, scope.on)
    shown = register.head(ON_A_SLIDE)  # the most overdue first; the view has the whole register
    summary = overdue_summary(register)
    return ViewContent(
        view,
        whose,
        (
            Chart(
                "Styrdokument: från beslut till nästa revision",
                revision_timeline(register, scope.on),
                summary,
                register_table(register, config),
                "styrdokument.csv",
                fit="rows",
                slide_chart=revision_timeline(shown, scope.on) if scope.in_deck else None,
                heading="Från beslut till nästa revision",
                note="" if len(register) <= len(shown) else f"De {len(shown)} först att revidera av {len(register)}.",
                datasets=(DATASET.name,),
            ),
        ),
    )
