"""The self-assessment view's words and tables on small frames."""

from __future__ import annotations

import pandas as pd

from view_models import self_assessments as vm

SHARES = pd.DataFrame(
    {
        "year": [2015, 2015, 2024, 2024],
        "rating": ["satisfactory", "improvement", "satisfactory", "improvement"],
        "share": [65.0, 35.0, 89.0, 11.0],
        "count": [296, 160, 406, 50],
    }
)


def test_the_summary_gives_the_first_and_latest_share_satisfactory_and_the_improvement_areas():
    assert vm.shares_summary(SHARES) == (
        "Andelen tillfredsställande gick från 65\u00a0% (2015) till 89\u00a0% (2024); förbättringsområden 11\u00a0%."
    )


def test_the_table_has_a_row_per_year_with_swedish_rating_words_and_the_counts():
    table = vm.shares_table(SHARES)
    assert list(table.columns) == ["År", "Tillfredsställande", "Förbättringsområde", "Antal bedömningar"]
    assert table.iloc[1].tolist() == [2024, "89\u00a0%", "11\u00a0%", "456"]


def test_the_matrix_summary_names_the_units_with_the_lowest_share(config):
    matrix = pd.DataFrame(
        {
            "unit": ["mkb", "servicenamnden"],
            "category": ["Riskanalys", "Riskanalys"],
            "satisfactory": [1, 4],
            "total": [4, 4],
            "share": [25.0, 100.0],
        }
    )
    assert vm.matrix_summary(matrix, config) == (
        "2 enheter; lägst andel tillfredsställande: MKB Fastighets AB 25\u00a0%, Servicenämnden 100\u00a0%."
    )
