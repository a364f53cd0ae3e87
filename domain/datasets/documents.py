"""Styrdokument: the register of governing documents, each from its decision to its next revision."""

from __future__ import annotations

import sqlalchemy as sa

from domain import kinds as k
from domain.declarations import Column, Columns, Dataset, RowContext, RowProblem, Words
from domain.formatting import swedish_date

C = Column
S200 = lambda: sa.String(200)  # noqa: E731


def _revised_after_the_decision(p: Columns, _: RowContext) -> tuple[Columns, list[RowProblem]]:
    """A document is revised after it is decided, never before."""
    problems: list[RowProblem] = [
        (
            i,
            "next_revision",
            swedish_date(revision),
            f"ett datum från beslutsdatumet ({swedish_date(decided)}) och framåt",
        )
        for i, (decided, revision) in enumerate(zip(p["decided_date"], p["next_revision"], strict=True))
        if decided is not None and revision is not None and revision < decided
    ]
    return dict(p), problems


DATASET = Dataset(
    "documents",
    "Styrdokument",
    90,
    (
        C(
            "id",
            "id",
            k.TEXT,
            True,
            "KS-IT-2010-1",
            stored="document_id",
            sql=lambda: sa.String(100),
            words=Words("styrdokument", listed=3),
        ),
        C("title", "titel", k.TEXT, True, "IT-säkerhetsplan", sql=lambda: sa.String(300)),
        C("type", "typ", k.DOC_TYPE, False, "Plan"),
        C("owner_unit", "ägare", k.UNIT, True, "Kommunstyrelsen"),
        C("decided_by", "beslutad_av", k.TEXT, False, "Kommunstyrelsen", sql=S200),
        C("decided_date", "beslutsdatum", k.DATE, False, "2010-06-14"),
        C("revision_owner", "revideringsansvarig", k.TEXT, False, "IT-chef", sql=S200),
        C("next_revision", "nästa_revision", k.DATE, False, "2012-06-30"),
        C("status", "status", k.DOC_STATUS, False, "Gällande"),
    ),
    scope=("document_id",),
    scope_text="styrdokument (id)",
    keys=("id",),
    rules=_revised_after_the_decision,
)
