"""What a meeting's pages say: the banner naming the record."""

from __future__ import annotations

import datetime as dt

from store.meetings import MeetingRecord
from view_models.meetings import meeting_banner
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
