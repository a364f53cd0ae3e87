"""What a board is told about training: its own members' completion in its latest year, from the counts."""

from __future__ import annotations

import pandas as pd

from rules.training import with_completion
from view_models.training import history_summary, members_trained


def _rows() -> pd.DataFrame:
    return with_completion(
        pd.DataFrame(
            {
                "period": ["2024", "2025", "2025", "2015", "2025"],
                "year": [2024, 2025, 2025, 2015, 2025],
                "unit": ["servicenamnden", "servicenamnden", "kommunstyrelsen", "servicenamnden", "servicenamnden"],
                "audience": ["elected", "elected", "elected", "staff", "staff"],
                "course": ["Cyber", "Cyber", "Cyber", "DISA", "DISA"],
                "population": [13, 13, 15, 2400, 24500],
                "completed": [4, 9, 6, 240, 19292],
            }
        )
    )


def test_a_bodys_members_in_their_latest_year(config):
    trained = members_trained(_rows(), "servicenamnden", config)
    assert (trained.label, trained.value) == ("Servicenämndens ledamöter utbildade 2025", "69\u00a0%")
    assert trained.notes[0] == "9 av 13 ledamöter"
    assert members_trained(_rows(), "mkb", config) is None


def test_the_history_per_audience_from_first_to_last_year():
    assert history_summary(_rows()) == (
        "Andel som genomfört utbildningen – Medarbetare 2015: 10\u00a0% → 2025: 79\u00a0%; "
        "Förtroendevalda 2024: 31\u00a0% → 2025: 54\u00a0%."
    )
