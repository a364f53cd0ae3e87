"""AppTest of Styrdokument, the overdue documents on the owner's Lägesbild, and as at a meeting's date."""

from __future__ import annotations

from tests.views.conftest import page_text


def test_the_two_overdue_salem_documents_are_flagged_in_words_and_symbol(open_view):
    text = page_text(open_view("views/documents.py"))
    assert "2 av 5 styrdokument har passerat sin revisionsdag: IT-säkerhetsplan (beslutad 2010-06-14" in text
    assert "IT-strategi (beslutad 2011-03-21, skulle revideras 2014-03-31)" in text


def test_the_owners_lagesbild_counts_its_overdue_documents(open_view):
    text = page_text(open_view("views/situation.py", unit="kommunstyrelsen", period="2025Q4"))
    assert "Styrdokument med Kommunstyrelsen som ägare, revision försenad" in text
    assert "■ Revision försenad: IT-säkerhetsplan (2012-06-30)" in text
