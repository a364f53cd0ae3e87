"""KPI verdicts: how far a value is from its target, and rates computed from their counts."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from rules.kpis import band, meets_target, quarterly_values


def test_kpi_bands_both_directions(config):
    phishing, training = config.kpis["phishing_click_rate"], config.kpis["training_completion"]
    assert [band(phishing, v) for v in (4, 5, 10, 15, 32)] == ["green", "green", "amber", "red", "red"]
    assert [band(training, v) for v in (95, 90, 85, 80, 40)] == ["green", "green", "amber", "amber", "red"]
    assert meets_target(phishing, 5) and not meets_target(phishing, 5.1)
    assert meets_target(training, 90) and not meets_target(training, 89.9)


def test_a_rate_over_several_units_is_computed_from_the_summed_counts(config):
    series = pd.DataFrame(
        [
            {
                "period": "2025Q1",
                "kpi": "training_completion",
                "numerator": 900,
                "denominator": 1000,
                "mean_value": 55.0,
                "sum_value": 110.0,
                "units": 2,
                "units_with_counts": 2,
                "comment": None,
            },
            {
                "period": "2025Q1",
                "kpi": "critical_patches_overdue",
                "numerator": None,
                "denominator": None,
                "mean_value": 3.0,
                "sum_value": 6.0,
                "units": 2,
                "units_with_counts": 0,
                "comment": None,
            },
        ]
    )
    values = quarterly_values(series, config.kpis).set_index("kpi")
    assert values.loc["training_completion", "value"] == 90.0  # 900 of 1000, not the mean of the rates
    assert values.loc["critical_patches_overdue", "value"] == 6.0  # counts add up


@given(value=st.floats(min_value=0, max_value=1000, allow_nan=False))
def test_a_verdict_never_calls_a_value_short_of_its_target_good(config, value):
    from domain.vocabulary import BAND_WORDS

    for kpi in config.kpis.values():
        verdict = BAND_WORDS[band(kpi, value)]
        assert (verdict == "Når målet") == meets_target(kpi, value)
