"""What a meeting's pages say: the banner, the corrections since the meeting, and the imports behind them."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from data_sources.meetings import MeetingRecord
from view_models.meetings import corrections, imports_since, meeting_banner
from view_models.situation import AreaTile, KpiTile, SituationPicture

AT = dt.datetime(2026, 1, 21, 9, 0, tzinfo=dt.UTC)


def _picture(word: str, value: str, critical: int, done: int) -> SituationPicture:
    picture = SituationPicture(period="2025Q4", previous="2025Q3", critical_year=2025)
    picture.areas = [AreaTile("Styrning och ledning", "amber", word, "▲", "", None)]
    picture.kpis = [KpiTile("mfa_coverage", "MFA", value, "100 %", "amber", "", None, None, None)]
    picture.critical_by_year = {2025: critical}
    picture.recommendation_counts = {"done": done, "on_hold": 1}
    return picture


def test_the_banner_names_body_date_item_and_import(config):
    record = MeetingRecord(3, "servicenamnden", dt.date(2026, 10, 22), "§ 88", "2025Q4", "t", "anna", AT, 41, "x")
    assert (
        meeting_banner(record, config) == "Som presenterat för Servicenämnden 2026-10-22, § 88 (data per import nr 41)"
    )


def test_only_the_figures_that_changed_are_listed_old_to_new():
    presented, today = _picture("Gul", "96 %", 4, 2), _picture("Röd", "96 %", 5, 3)
    assert corrections(presented, today) == [
        "Styrning och ledning: Gul → Röd",
        "Kritiska incidenter 2025: 4 → 5",
        "Rekommendationer som genomförda: 2 → 3",
    ]
    assert corrections(presented, presented) == []


def test_the_imports_since_name_what_file_who_and_when():
    imports = pd.DataFrame(
        [
            {
                "id": 45,
                "kind": "import",
                "dataset": "status",
                "source": "rättelse.csv",
                "user_name": "anna",
                "created_at": AT,
            }
        ]
    )
    assert imports_since(imports) == (
        "Ändrat efter mötet genom import nr 45 (Kvartalsstatus: rättelse.csv, anna, 2026-01-21 10:00)."
    )
