"""What the meeting pages say: the banner of a view shown as presented, and the list of records."""

from __future__ import annotations

from typing import Any

import pandas as pd

from domain.configuration import Config
from domain.datasets import DATASETS
from domain.formatting import swedish_datetime
from store.meetings import MeetingRecord


def meeting_banner(record: MeetingRecord, config: Config) -> str:
    """'Som presenterat för Servicenämnden 2026-10-22, § 88 (data per import nr 41)'."""
    body = config.unit_names.get(record.body, record.body)
    return (
        f"Som presenterat för {body} {record.meeting_date.isoformat()}, {record.item} "
        f"(data per import nr {record.batch_id})"
    )


def meeting_label(record: MeetingRecord, config: Config) -> str:
    """'nr 3: Servicenämnden 2026-10-22, § 88' (plain text, for a choice)."""
    body = config.unit_names.get(record.body, record.body)
    return f"nr {record.id}: {body} {record.meeting_date.isoformat()}, {record.item}"


def records_table(records: list[MeetingRecord], config: Config) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "Nr": str(r.id),
                "Möte": f"{config.unit_names.get(r.body, r.body)} {r.meeting_date.isoformat()}, {r.item}",
                "Kvartal": r.quarter,
                "Rubrik": r.title,
                "Data per import": f"nr {r.batch_id}",
                "Protokollfört": f"{swedish_datetime(r.created_at)} av {r.created_by}",
            }
            for r in records
        ],
        columns=["Nr", "Möte", "Kvartal", "Rubrik", "Data per import", "Protokollfört"],
    )


def import_words(row: Any) -> str:
    """'import nr 41 (Kvartalsstatus: status.csv, anna, 2026-02-18 09:05)'; an undo is named as such."""
    what = "ångring" if row.kind == "undo" else "import"
    title = DATASETS[row.dataset].title if row.dataset in DATASETS else row.dataset
    return f"{what} nr {row.id} ({title}: {row.source}, {row.user_name}, {swedish_datetime(row.created_at)})"
