"""What the meeting pages say: the banner of a view shown as presented, and the list of records."""

from __future__ import annotations

import pandas as pd

from data_sources.meetings import MeetingRecord
from domain.configuration import Config
from domain.datasets import DATASETS
from domain.formatting import swedish_datetime
from view_models.situation import SituationPicture


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


def corrections(presented: SituationPicture, current: SituationPicture) -> list[str]:
    """Each figure of the situation picture that differs today from what the board was shown: old → new."""
    lines = []
    now_areas = {a.area: a for a in current.areas}
    for area in presented.areas:
        today = now_areas.get(area.area)
        if today is None:
            lines.append(f"{area.area}: {area.word} → ingen status")
        elif today.word != area.word:
            lines.append(f"{area.area}: {area.word} → {today.word}")
    now_kpis = {k.kpi: k for k in current.kpis}
    for kpi in presented.kpis:
        today = now_kpis.get(kpi.kpi)
        if today is not None and today.value != kpi.value:
            lines.append(f"{kpi.name}: {kpi.value} → {today.value}")
    year = presented.critical_year
    shown, now = presented.critical_by_year.get(year, 0), current.critical_by_year.get(year, 0)
    if shown != now:
        lines.append(f"Kritiska incidenter {year}: {shown} → {now}")
    for status, word in (("done", "genomförda"), ("on_hold", "avvaktar"), ("in_progress", "pågår")):
        before, after = presented.recommendation_counts.get(status, 0), current.recommendation_counts.get(status, 0)
        if before != after:
            lines.append(f"Rekommendationer som {word}: {before} → {after}")
    return lines


def imports_since(imports: pd.DataFrame) -> str:
    """The imports that changed the figures after the meeting, each with what, from which file, who and when."""
    if imports.empty:
        return ""
    parts = [
        f"{'ångring' if row.kind == 'undo' else 'import'} nr {row.id} "
        f"({DATASETS[row.dataset].title if row.dataset in DATASETS else row.dataset}: {row.source}, "
        f"{row.user_name}, {swedish_datetime(row.created_at)})"
        for row in imports.itertuples()
    ]
    return "Ändrat efter mötet genom " + "; ".join(parts) + "."
