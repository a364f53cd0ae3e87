"""Swedish formats of numbers, percentages and values."""

from __future__ import annotations

from domain.formatting import swedish_decimal, swedish_int, swedish_percent, swedish_value


def test_swedish_formats():
    assert swedish_int(18000) == "18\u00a0000"
    assert swedish_percent(32) == "32\u00a0%"
    assert swedish_decimal(12.5) == "12,5"
    assert swedish_value(78.74, "percent") == "78,7\u00a0%"
    assert swedish_value(4, "count") == "4"
