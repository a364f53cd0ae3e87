"""The status view's words and tables on small frames."""

from __future__ import annotations

import pandas as pd

from view_models import status as vm


def test_the_heat_map_summary_names_the_amber_and_red_areas(config):
    cells = pd.DataFrame(
        {
            "period": ["2025Q4"] * 3 + ["2025Q3"],
            "area": ["governance", "training", "suppliers", "governance"],
            "status": ["green", "amber", "red", "red"],
        }
    )
    assert vm.heatmap_summary(cells, "2025Q4", config) == (
        "2025Q4: 1 av 3 områden gröna; gula: Utbildning och medvetenhet; röda: Leverantörer och upphandling."
    )


def test_the_heat_map_table_never_shows_status_by_colour_alone(config):
    cells = pd.DataFrame(
        {"period": ["2025Q4", "2025Q4"], "area": ["training", "governance"], "status": ["amber", "red"]}
    )
    table = vm.heatmap_table(cells, config)
    assert table["Område"].tolist() == ["Styrning och ledning", "Utbildning och medvetenhet"]  # configured order
    assert table["2025Q4"].tolist() == ["■ Röd", "▲ Gul"]


def test_a_kpi_summary_puts_the_value_next_to_its_target_with_its_counts(config):
    kpi = config.kpis["mfa_coverage"]
    series = pd.DataFrame(
        {
            "period": ["2025Q1", "2025Q4"],
            "value": [90.0, 96.0],
            "numerator": [27_900, 29_760],
            "denominator": [31_000, 31_000],
            "band": ["red", "amber"],
        }
    )
    assert vm.kpi_summary(series, kpi) == (
        "2025Q4: 96\u00a0% mot målet 100\u00a0% – nära målet (29\u00a0760 av 31\u00a0000). 2025Q1: 90\u00a0%."
    )


def test_only_the_latest_quarters_are_drawn():
    cells = pd.DataFrame({"period": [f"2025Q{q}" for q in (1, 2, 3, 4)], "area": ["a"] * 4, "status": ["red"] * 4})
    assert vm.recent_quarters(cells, 2)["period"].tolist() == ["2025Q3", "2025Q4"]
