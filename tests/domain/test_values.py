"""Cell parsers: every spelling the data contract accepts, and the ones it refuses."""

from __future__ import annotations

import datetime as dt

import pytest

from domain import vocabulary
from domain.values import (
    Invalid,
    code_parser,
    count_parser,
    parse_date,
    parse_day_or_month,
    parse_number,
    parse_percent,
    parse_period,
    parse_quarter,
    parse_year,
    reference_parser,
    yes_no,
)


@pytest.mark.parametrize("text", ["2025Q3", "2025-Q3", "Q3 2025", "2025 kv3", "2025q3", " 2025 Q3 ", "kv3 2025"])
def test_quarter_spellings(text):
    assert parse_quarter(text) == "2025Q3"


@pytest.mark.parametrize("text", ["2025Q5", "2025", "Q3", "3 2025", "", "25Q3"])
def test_quarter_refusals(text):
    with pytest.raises(Invalid, match="2025Q3, 2025-Q3, Q3 2025 eller 2025 kv3"):
        parse_quarter(text)


def test_period_is_a_quarter_or_a_year():
    assert parse_period("Q1 2024") == "2024Q1"
    assert parse_period("2024") == "2024"
    assert parse_period(2024.0) == "2024"
    assert parse_year(2015) == 2015
    with pytest.raises(Invalid):
        parse_year("15")


def test_dates_iso_and_excel():
    assert parse_date("2025-04-06") == dt.date(2025, 4, 6)
    assert parse_date(dt.datetime(2025, 4, 6, 0, 0)) == dt.date(2025, 4, 6)
    assert parse_date("2025-04-06 00:00:00") == dt.date(2025, 4, 6)
    for bad in ("2025-02-29", "06/04/2025", "2025-13-01", "igår"):
        with pytest.raises(Invalid, match="ett datum som finns"):
            parse_date(bad)
    assert parse_day_or_month("2025-03") == (dt.date(2025, 3, 1), "month")
    assert parse_day_or_month("2025-03-14") == (dt.date(2025, 3, 14), "day")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("32", 32.0),
        ("32,0", 32.0),
        ("32.5", 32.5),
        ("18 000", 18000.0),
        ("18\u00a0000", 18000.0),
        ("-1,5", -1.5),
        ("\u22122", -2.0),
        (12, 12.0),
        (0.5, 0.5),
    ],
)
def test_numbers_with_decimal_comma_or_point_and_space_grouping(text, value):
    assert parse_number(text) == value


def test_percent_means_percent():
    assert parse_percent("32") == parse_percent("32 %") == parse_percent("32,0") == 32.0
    for bad in ("101", "-1", "trettiotvå"):
        with pytest.raises(Invalid, match="mellan 0 och 100"):
            parse_percent(bad)


def test_counts_are_whole_and_not_negative():
    count = count_parser(1)
    assert count("3") == count("3,0") == count(3.0) == 3
    for bad in ("0", "-1", "2,5", "x"):
        with pytest.raises(Invalid):
            count(bad)
    assert count_parser(0)("0") == 0


def test_coded_values_in_swedish_or_english_any_case():
    status = code_parser(vocabulary.STATUSES, "en status")
    assert [status(s) for s in ("Grön", "green", "GRÖN", "gul", "Amber", "röd", "RED")] == [
        "green",
        "green",
        "green",
        "amber",
        "amber",
        "red",
        "red",
    ]
    with pytest.raises(Invalid, match="Grön \\(green\\), Gul \\(amber\\), Röd \\(red\\)"):
        status("lila")
    rating = code_parser(vocabulary.RATINGS, "en bedömning")
    assert rating("Behöver ses över omgående") == "urgent"
    assert yes_no("JA") is True and yes_no("no") is False


def test_units_by_id_or_name_ignoring_case_spaces_and_diacritics(config):
    from domain.kinds import UNIT

    unit = UNIT.parse(config)
    for spelling in ("Servicenämnden", "servicenämnden", "servicenamnden", "  SERVICENÄMNDEN "):
        assert unit(spelling) == "servicenamnden"
    assert unit("MKB Fastighets AB") == unit("mkb") == "mkb"
    with pytest.raises(Invalid, match="Menade du: Kulturnämnden"):
        unit("Kultur nämden")


def test_reference_parser_without_near_matches_says_where_to_look():
    parse = reference_parser({"a": ["Alfa"]}, "ett område", "config/areas.yaml")
    with pytest.raises(Invalid) as caught:
        parse("zzzzzz")
    assert caught.value.expected == "ett område som finns i config/areas.yaml."
