"""Quarters and months."""

from __future__ import annotations

from domain.periods import previous_quarter, quarter_months, quarter_of_month


def test_periods():
    assert previous_quarter("2025Q1") == "2024Q4" and previous_quarter("2025Q3") == "2025Q2"
    assert quarter_months("2025Q2") == ("2025-04", "2025-06")
    assert quarter_of_month("2025-12") == "2025Q4"
