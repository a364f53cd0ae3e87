"""AppTest of Utbildning and the board's own members on Lägesbild, on the example data."""

from __future__ import annotations

from tests.views.conftest import page_text


def test_completion_per_audience_and_the_history_from_the_counts(open_view):
    text = page_text(open_view("views/training.py"))
    assert "Genomförd utbildning 2025: medarbetare 79\u00a0% (19\u00a0292 av 24\u00a0500)" in text
    assert "förtroendevalda 54\u00a0% (15 av 28)" in text
    assert "Medarbetare 2015: 10\u00a0% → 2025: 79\u00a0%" in text  # in 2015 nine of ten had not taken DISA


def test_lagesbild_names_the_bodys_own_members_training_duty(open_view):
    text = page_text(open_view("views/situation.py", period="2025Q4"))
    assert "Servicenämndens ledamöter utbildade 2025" in text and "9 av 13 ledamöter" in text
    assert "Utbildningskrav enligt cybersäkerhetslagen" in text
