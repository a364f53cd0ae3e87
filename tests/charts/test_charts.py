"""Chart builders: Swedish locale, words next to colours, the target line, colour-blind-safe palette."""

from __future__ import annotations

import pandas as pd

from charts.incidents import monthly_by_severity
from charts.kpis import kpi_chart
from charts.status import status_heatmap
from charts.theme import STATUS_COLOURS, themed


def test_theme_carries_the_swedish_locale():
    spec = themed(
        status_heatmap(
            pd.DataFrame({"period": ["2025Q1"], "area": ["training"], "status": ["red"]}), {"training": "Utbildning"}
        )
    ).to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert spec["config"]["locale"]["number"]["thousands"] == "\u00a0"
    assert spec["config"]["locale"]["number"]["percent"] == "\u00a0%"
    assert spec["config"]["locale"]["time"]["months"][0] == "januari"


def test_status_cells_have_their_word_written_in_them():
    chart = status_heatmap(
        pd.DataFrame({"period": ["2025Q1", "2025Q2"], "area": ["training"] * 2, "status": ["red", "green"]}),
        {"training": "Utbildning"},
    )
    spec = chart.to_dict()
    text_layer = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "text")
    assert text_layer["encoding"]["text"]["field"] == "Etikett"
    labels = {row["Etikett"] for row in spec["datasets"][spec["data"]["name"]]}
    assert labels == {"■ Röd", "● Grön"}
    colour_scale = spec["layer"][0]["encoding"]["color"]["scale"]
    assert colour_scale["range"] == list(STATUS_COLOURS.values())


def test_kpi_chart_draws_the_target_as_a_line(config):
    values = pd.DataFrame({"period": ["2025Q1", "2025Q2"], "value": [8.0, 32.0], "band": ["green", "red"]})
    spec = kpi_chart(values, config.kpis["phishing_click_rate"]).to_dict()
    rules = [layer for layer in spec["layer"] if layer["mark"]["type"] == "rule"]
    assert len(rules) == 1 and rules[0]["mark"]["strokeDash"] == [6, 4]
    target_data = spec["datasets"][rules[0]["data"]["name"]]
    assert target_data == [{"mål": 5.0, "Mål": "Mål 5"}]


def test_monthly_incidents_use_swedish_labels():
    frame = pd.DataFrame({"month": ["2025-01", "2025-01"], "severity": ["critical", "low"], "count": [1, 1500]})
    spec = monthly_by_severity(frame).to_dict()
    rows = spec["datasets"][spec["data"]["name"]]
    assert {r["Allvarlighetsgrad"] for r in rows} == {"Kritisk", "Låg"}
    assert spec["encoding"]["y"]["axis"]["format"] == ",d"
