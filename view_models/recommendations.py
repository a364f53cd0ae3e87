"""The recommendation view's words and tables."""

from __future__ import annotations

import pandas as pd

from domain import vocabulary
from domain.configuration import Config
from domain.formatting import swedish_date, swedish_int
from rules.recommendations import status_counts

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
