"""Chart builders: Swedish locale, words next to colours, the target line, colour-blind-safe palette.

Charts are drawn from `vega_lite_spec`, which skips Altair's schema validation for speed; so every
builder's spec is validated here against the Vega-Lite schema, data included.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import altair as alt
import pandas as pd
import pytest
from altair.utils.schemapi import validate_jsonschema
from altair.vegalite.v6.schema.core import load_schema

from charts.explore import explore_chart
from charts.incidents import by_unit, category_split, monthly_by_severity, yearly_totals
from charts.kpis import kpi_chart
from charts.recommendations import status_per_audit, status_per_year, timeline
from charts.render import vega_lite_spec
from charts.self_assessments import shares_over_years, unit_category_matrix
from charts.status import status_heatmap
from charts.theme import STATUS_COLOURS


def _rows(spec: dict[str, Any], layer: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The rows a (layer of a) spec draws, as Vega-Lite would read them."""
    name = (layer or spec)["data"]["name"]
    return json.loads(spec["datasets"][name].to_json(orient="records", date_format="iso"))


def _as_json(spec: dict[str, Any]) -> dict[str, Any]:
    return {**spec, "datasets": {name: _rows(spec, {"data": {"name": name}}) for name in spec["datasets"]}}


def test_theme_carries_the_swedish_locale_and_projector_sizes():
    chart = status_heatmap(
        pd.DataFrame({"period": ["2025Q1"], "area": ["training"], "status": ["red"]}), {"training": "Utbildning"}
    )
    spec = vega_lite_spec(chart)
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert spec["config"]["locale"]["number"]["thousands"] == "\u00a0"
    assert spec["config"]["locale"]["number"]["percent"] == "\u00a0%"
    assert spec["config"]["locale"]["time"]["months"][0] == "januari"
    assert spec["config"]["axis"]["labelFontSize"] == 13
    large = vega_lite_spec(chart, large=True)["config"]
    assert large["axis"]["labelFontSize"] == 20 and large["legend"]["labelFontSize"] == 20  # the slides' labels
    assert large["text"]["fontSize"] == 18 and spec["config"]["text"]["fontSize"] == 13  # words in the marks


def test_the_same_data_keeps_its_name_and_other_data_gets_another():
    """Streamlit keeps a chart's identity (and selection) by the names of its datasets."""
    frame = pd.DataFrame({"month": ["2025-01"], "severity": ["low"], "count": [3]})
    first = vega_lite_spec(monthly_by_severity(frame))
    again = vega_lite_spec(monthly_by_severity(frame.copy()))
    other = vega_lite_spec(monthly_by_severity(frame.assign(count=[4])))
    assert first["data"] == again["data"]
    assert first["data"] != other["data"]


def test_status_cells_have_their_word_written_in_them():
    chart = status_heatmap(
        pd.DataFrame({"period": ["2025Q1", "2025Q2"], "area": ["training"] * 2, "status": ["red", "green"]}),
        {"training": "Utbildning"},
    )
    spec = vega_lite_spec(chart)
    text_layer = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "text")
    assert text_layer["encoding"]["text"]["field"] == "Etikett"
    assert {row["Etikett"] for row in _rows(spec)} == {"■ Röd", "● Grön"}
    colour_scale = spec["layer"][0]["encoding"]["color"]["scale"]
    assert colour_scale["range"] == list(STATUS_COLOURS.values())


def test_kpi_chart_draws_the_target_as_a_line(config):
    values = pd.DataFrame({"period": ["2025Q1", "2025Q2"], "value": [8.0, 32.0], "band": ["green", "red"]})
    spec = vega_lite_spec(kpi_chart(values, config.kpis["phishing_click_rate"]))
    rules = [layer for layer in spec["layer"] if layer["mark"]["type"] == "rule"]
    assert len(rules) == 1 and rules[0]["mark"]["strokeDash"] == [6, 4]
    assert rules[0]["data"]["values"] == [{"mål": 5.0, "Mål": "Mål 5"}]


def test_monthly_incidents_use_swedish_labels():
    frame = pd.DataFrame({"month": ["2025-01", "2025-01"], "severity": ["critical", "low"], "count": [1, 1500]})
    spec = vega_lite_spec(monthly_by_severity(frame))
    assert {r["Allvarlighetsgrad"] for r in _rows(spec)} == {"Kritisk", "Låg"}
    assert spec["encoding"]["y"]["axis"]["format"] == ",d"


def _every_chart(config: Any) -> dict[str, alt.TopLevelMixin]:
    incidents = pd.DataFrame({"month": ["2025-01", "2025-02"], "severity": ["critical", "low"], "count": [1, 1500]})
    dates = [dt.date(2024, 3, 1), dt.date(2025, 6, 30)]
    return {
        "status": status_heatmap(
            pd.DataFrame({"period": ["2025Q1"], "area": ["training"], "status": ["amber"]}), {"training": "Utbildning"}
        ),
        "kpi": kpi_chart(
            pd.DataFrame({"period": ["2025Q1"], "value": [8.0], "band": ["green"]}), config.kpis["phishing_click_rate"]
        ),
        "monthly": monthly_by_severity(incidents, selectable=True),
        "yearly": yearly_totals(pd.DataFrame({"year": [2024, 2025], "count": [3, 4]}), "count", "Antal"),
        "categories": category_split(pd.DataFrame({"year": [2025], "category": ["it"], "count": [2]})),
        "units": by_unit(pd.DataFrame({"unit": ["a"], "severity": ["low"], "count": [2]}), {"a": "Enhet A"}),
        "audits": status_per_audit(
            pd.DataFrame({"audit": ["G1"], "addressee": ["a"], "status": ["done"]}), {"a": "Enhet A"}
        ),
        "years": status_per_year(
            pd.DataFrame({"audit_date": [dt.date(2024, 3, 1), dt.date(2025, 3, 1)], "status": ["done", "on_hold"]})
        ),
        "timeline": timeline(
            pd.DataFrame(
                {
                    "recommendation_id": ["R1", "R2"],
                    "audit_date": dates,
                    "due_date": dates,
                    "done_date": [dates[1], None],
                    "status": ["done", "in_progress"],
                    "overdue": [False, True],
                }
            )
        ),
        "ratings": shares_over_years(
            pd.DataFrame({"year": [2025], "rating": ["urgent"], "count": [3], "share": [30.0]})
        ),
        "matrix": unit_category_matrix(
            pd.DataFrame({"unit": ["a"], "category": ["Styrning"], "share": [50.0]}), {"a": "Enhet A"}, ["Styrning"]
        ),
        "explore": explore_chart(
            pd.DataFrame({"År": ["2025"], "Enhet": ["A"], "Värde": [2.0]}), "bar", "År", "Enhet", "Antal", ",.0f"
        ),
        "explore_heatmap": explore_chart(
            pd.DataFrame({"År": ["2025"], "Enhet": ["A"], "Värde": [2.0]}), "heatmap", "År", "Enhet", "Antal", ",.0f"
        ),
    }


@pytest.mark.parametrize(
    "name",
    [
        "status",
        "kpi",
        "monthly",
        "yearly",
        "categories",
        "units",
        "audits",
        "years",
        "timeline",
        "ratings",
        "matrix",
        "explore",
        "explore_heatmap",
    ],
)
def test_every_chart_is_valid_vega_lite_and_drawn_as_altair_would(config, name):
    chart = _every_chart(config)[name]
    spec = vega_lite_spec(chart)
    validate_jsonschema(_as_json(spec), load_schema())
    altair_spec = chart.to_dict()  # Altair's own, validated conversion
    ours = _as_json(spec)
    for key in ("mark", "encoding", "layer", "params", "height"):
        assert _without_data(ours.get(key)) == _without_data(altair_spec.get(key)), key


def _without_data(part: Any) -> Any:
    """A spec part with dataset names left out: Altair names them by a hash of JSON, we by one of the frame."""
    if isinstance(part, dict):
        return {k: _without_data(v) for k, v in part.items() if k != "data"}
    if isinstance(part, list):
        return [_without_data(v) for v in part]
    return part
