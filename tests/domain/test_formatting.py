"""Swedish formats of numbers, percentages and values."""

from __future__ import annotations

from domain.formatting import swedish_decimal, swedish_int, swedish_percent, swedish_value


def test_swedish_formats():
    assert swedish_int(18000) == "18\u00a0000"
    assert swedish_percent(32) == "32\u00a0%"
    assert swedish_decimal(12.5) == "12,5"
    assert swedish_value(78.74, "percent") == "78,7\u00a0%"
    assert swedish_value(4, "count") == "4"


def test_rows_are_counted_in_swedish():
    from domain.formatting import row_words

    assert row_words(1) == "1 rad" and row_words(2520) == "2\u00a0520 rader"
    assert row_words(1, "tidigare") == "1 tidigare rad" and row_words(0, "tidigare") == "0 tidigare rader"


def test_an_address_is_cut_by_a_plain_span_never_by_an_invisible_character():
    from domain.formatting import inert

    assert inert("anna@malmo.se") == "anna\\@:color[m]{}almo\\.se"
    assert inert("se https://x.se och www.a.se") == "se https:color[\\:]{}\\/\\/x\\.se och www:color[\\.]{}a\\.se"
    assert "\u2060" not in inert("anna@malmo.se https://x.se www.a.se")
    assert inert("x@") == "x\\@" and inert("[länk](javascript:x)") == "\\[länk\\]\\(javascript\\:x\\)"


def test_a_table_cell_is_written_as_the_charts_write_it_and_a_year_as_a_year():
    import numpy as np

    from domain.formatting import table_cell

    assert table_cell(17850, "Antal") == "17\u00a0850" and table_cell(np.int64(2520), "Rader") == "2\u00a0520"
    assert table_cell(2023, "År") == "2023" and table_cell(np.int64(2024), "Nr") == "2024"
    assert table_cell(78.66, "Andel (%)") == "78,7" and table_cell(0.96, "Värde") == "0,96"
    assert table_cell(None, "Antal") == "–" and table_cell("KRIT-2025-04", "Ärende") == "KRIT-2025-04"
