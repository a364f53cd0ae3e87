"""AppTest of Phishingövningar and its place on Lägesbild, on the example data."""

from __future__ import annotations

from tests.views.conftest import page_text


def test_the_view_shows_the_true_click_rate_and_the_stopped_campaign(open_view):
    text = page_text(open_view("views/phishing_campaigns.py"))
    assert "PH-2025-1 (2025-05-12, Servicenämnden): 32\u00a0% klickade (320 av 1\u00a0000), mål 5\u00a0%" in text
    assert "avbröts efter 27 av 72 planerade timmar" in text
    assert "Servicenämnden 2023: 18\u00a0%, 2024: 12\u00a0%, 2025: 32\u00a0%" in text
    assert "över 5" not in text


def test_lagesbild_names_the_bodys_latest_campaign_against_its_target(open_view):
    text = page_text(open_view("views/situation.py", period="2025Q4"))
    assert "Phishingövning 2025-05-12: klickade" in text and "Mål 5\u00a0% · ■ Långt från målet" in text
    assert "Avbröts efter 27 av 72 timmar" in text


def test_a_unit_without_campaigns_says_so(open_view):
    text = page_text(open_view("views/phishing_campaigns.py", unit="mkb"))
    assert "Det finns inga phishingövningar för MKB Fastighets AB ännu." in text
