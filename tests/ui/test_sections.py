"""Folded parts of a view: drawn only while open, one click away, and a long list cut to its first lines."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.views.conftest import page_text, shown_table, unfolded


def test_the_table_behind_a_chart_is_drawn_when_its_expander_is_opened(open_view):
    app = open_view("views/status.py", period="2025Q2")
    labels = [e.label for e in app.expander]
    assert "Visa som tabell" in labels
    assert len(app.table) == 1  # the quarter's comments; the tables behind the charts are folded
    assert not [b for b in app.get("download_button") if "status-servicenamnden.csv" in b.proto.id]
    unfolded(app)
    heat_table = shown_table(app.table[0].value).set_index("Område")
    assert heat_table.loc["Utbildning och medvetenhet", "2025Q2"] == "■ Röd"
    assert [b for b in app.get("download_button") if "status-servicenamnden.csv" in b.proto.id]


def _long_list() -> None:
    from ui.sections import _section
    from view_models.sections import Line, Lines

    lines = tuple(Line(f"Rekommendation {n} är försenad", "overdue") for n in range(1, 31))
    _section(None, Lines("Sedan förra kvartalet", lines), None)  # type: ignore[arg-type]


def test_a_long_list_shows_its_first_twenty_lines_and_the_rest_one_click_away(app_env):
    app = AppTest.from_function(_long_list)
    app.run()
    text = page_text(app)
    assert "Rekommendation 20 är försenad" in text and "Rekommendation 21 är försenad" not in text
    assert [e.label for e in app.expander] == ["Visa de övriga 10"]
    unfolded(app)
    assert "Rekommendation 30 är försenad" in page_text(app)
