"""AppTest of Risker (/risker) on the example data: the heat map with its sentence and table, the risks the
board names with their moves, a late treatment flagged in word and symbol, and one body chosen by the link."""

from __future__ import annotations

from tests.views.conftest import page_text


def test_the_register_of_every_body_with_its_map_named_risks_and_moves(open_view):
    app = open_view("views/risks.py")
    text = page_text(app)
    assert "11 risker: 2 med mycket högt riskvärde, 4 med högt riskvärde" in text
    assert "16 → 9 ▼ (2024-09-16)" in text and "9 → 12 ▲ (2025-03-10)" in text
    assert "slutdatum 2025-12-31 ■ Försenad" in text  # R-SN-5: its treatment is late
    assert "Servicenämnden har inget protokollfört möte före" in text
    assert len(app.get("vega_lite_chart")) == 1  # the heat map


def test_one_body_chosen_by_the_link(open_view):
    text = page_text(open_view("views/risks.py", unit="kommunstyrelsen"))
    assert "3 risker:" in text and "R-KS-1" in text and "R-SN-1" not in text
