"""A column's kind says everything generic code needs: how a cell is parsed, which values the template
offers, the format in words, and the Swedish words of its stored codes."""

from __future__ import annotations

import pytest

from domain import kinds
from domain.values import Invalid


def test_a_coded_kind_takes_the_swedish_word_or_the_id_and_stores_the_id(config):
    parse = kinds.SEVERITY.parse(config)
    assert parse("Kritisk") == parse("critical") == parse(" KRITISK ") == "critical"
    with pytest.raises(Invalid, match="en allvarlighetsgrad: Kritisk \\(critical\\)"):
        parse("Akut")
    assert kinds.SEVERITY.allowed_values(config) == ["Kritisk", "Hög", "Medel", "Låg"]
    assert kinds.SEVERITY.label_of(config)["critical"] == "Kritisk"


def test_a_configured_kind_reads_the_configuration_at_hand(config):
    assert kinds.UNIT.parse(config)("MKB Fastighets AB") == "mkb"
    assert "Servicenämnden" in kinds.UNIT.allowed_values(config)
    assert kinds.UNIT.label_of(config)["servicenamnden"] == "Servicenämnden"
    assert kinds.KPI.allowed_values(config) == [k.name for k in config.kpis.values()]  # names in the lists
    assert kinds.KPI.parse(config)("phishing_click_rate") == "phishing_click_rate"  # codes still accepted
    with pytest.raises(Invalid, match=r"kpis\.yaml"):
        kinds.KPI.parse(config)("inget_sådant_nyckeltal")


def test_a_free_kind_has_a_format_in_words_and_no_list(config):
    assert kinds.DATE.allowed_values(config) is None
    assert kinds.DATE.format == "datum ÅÅÅÅ-MM-DD"
    assert kinds.COUNT1.parse(config)("3") == 3
    with pytest.raises(Invalid):
        kinds.COUNT1.parse(config)("0")
    assert kinds.TEXT.free_text and not kinds.SEVERITY.free_text


def test_a_day_or_month_is_stored_with_its_precision_month_and_year(config):
    day, precision, month, year = kinds.DAY_OR_MONTH.parse(config)("2025-03")
    assert (day.isoformat(), precision, month, year) == ("2025-03-01", "month", "2025-03", 2025)
