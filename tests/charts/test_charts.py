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

from charts.accessibility_reviews import failed_by_service
from charts.classifications import coverage_by_unit
from charts.explore import explore_chart
from charts.incidents import by_unit, category_split, monthly_by_severity, yearly_totals
from charts.kpis import kpi_chart
from charts.maturity import distribution_by_year, unit_moves
from charts.recommendations import status_per_audit, status_per_year, timeline
from charts.render import Filled, vega_lite_spec
from charts.self_assessments import shares_over_years, statements_compared, unit_category_matrix
from charts.status import status_heatmap
from charts.survey_results import answers_by_unit, positive_over_years
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


@pytest.mark.parametrize("months", [1, 300])  # a chart's few rows are named one way, many another
def test_the_same_data_keeps_its_name_and_other_data_gets_another(months):
    """Streamlit keeps a chart's identity (and selection) by the names of its datasets."""
    labels = [f"{2000 + m // 12}-{m % 12 + 1:02d}" for m in range(months)]
    frame = pd.DataFrame({"month": labels, "severity": ["low"] * months, "count": [3] * months})
    first = vega_lite_spec(monthly_by_severity(frame))
    again = vega_lite_spec(monthly_by_severity(frame.copy()))
    other = vega_lite_spec(monthly_by_severity(frame.assign(count=[3] * (months - 1) + [4])))
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


def test_every_unit_fills_the_same_kpi_grammar_with_its_own_values(config):
    """Altair composes a KPI's chart once; a unit's chart is that grammar with its rows and its zones."""
    kpi = config.kpis["critical_incidents"]
    low = kpi_chart(pd.DataFrame({"period": ["2025Q1"], "value": [3.0], "band": ["green"]}), kpi)
    high = kpi_chart(pd.DataFrame({"period": ["2025Q1"], "value": [9000.0], "band": ["red"]}), kpi)
    assert low.grammar is high.grammar
    low_spec, high_spec = vega_lite_spec(low), vega_lite_spec(high)
    assert [r["Värde"] for r in _rows(low_spec, low_spec["layer"][2])] == [3.0]
    assert [r["Värde"] for r in _rows(high_spec, high_spec["layer"][2])] == [9000.0]
    # The zones reach the highest value: the y axis (no fixed domain) runs from 0 to there.
    assert max(zone["till"] for zone in high_spec["layer"][0]["data"]["values"]) == 9000.0
    assert max(zone["till"] for zone in low_spec["layer"][0]["data"]["values"]) == kpi.amber * 1.5
    assert "domain" not in low_spec["layer"][2]["encoding"]["y"]["scale"]


def test_a_kpi_target_above_the_zones_stays_on_the_chart(config):
    """A target higher than one and a half times the amber threshold used to be cut off the top."""
    kpi = config.kpis["critical_incidents"].model_copy(update={"better": "higher", "amber": 10.0, "target": 40.0})
    spec = vega_lite_spec(kpi_chart(pd.DataFrame({"period": ["2025Q1"], "value": [12.0], "band": ["amber"]}), kpi))
    assert max(zone["till"] for zone in spec["layer"][0]["data"]["values"]) >= 40.0


def test_monthly_incidents_use_swedish_labels():
    frame = pd.DataFrame({"month": ["2025-01", "2025-01"], "severity": ["critical", "low"], "count": [1, 1500]})
    spec = vega_lite_spec(monthly_by_severity(frame))
    assert {r["Allvarlighetsgrad"] for r in _rows(spec)} == {"Kritisk", "Låg"}
    assert spec["encoding"]["y"]["axis"]["format"] == ",d"


def test_monthly_incidents_stack_in_the_legends_order_with_no_month_after_the_last():
    frame = pd.DataFrame(
        {"month": ["2025-12"] * 4, "severity": ["low", "medium", "critical", "high"], "count": [1, 2, 3, 4]}
    )
    spec = vega_lite_spec(monthly_by_severity(frame))
    legend = spec["encoding"]["color"]["scale"]["domain"]
    stacked = sorted(_rows(spec), key=lambda r: r[spec["encoding"]["order"]["field"]])
    assert [r["Allvarlighetsgrad"] for r in stacked] == legend == ["Kritisk", "Hög", "Medel", "Låg"]
    assert spec["encoding"]["x"]["type"] == "ordinal"  # a band per month: the axis cannot run on to "jan 2026"


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
        "risks": _risk_map(config),
        **_follow_up_charts(),
    }


def _risk_map(config: Any) -> alt.TopLevelMixin:
    from charts.risks import risk_heatmap
    from view_models.risks import heat_map_table

    cells = pd.DataFrame({"likelihood": [4, 2], "consequence": [3, 2], "counted": [2, 1]})
    return risk_heatmap(heat_map_table(cells, config.risks), config.risks)


def test_each_risk_cell_has_its_count_and_band_written_in_it(config):
    spec = vega_lite_spec(_risk_map(config))
    rows = _rows(spec)
    words = {r["Etikett"] for r in rows}
    assert {"2 risker\nMycket hög", "1 risk\nMedel", "Låg"} <= words  # a count and its band, never colour alone
    assert len(rows) == 16  # every cell of the 4 × 4 map is drawn, an empty one with its band


SURVEY_SHARES = pd.DataFrame(
    {"unit": ["a", "a", "*", "*"], "answer": ["Ja", "Nej", "Ja", "Nej"], "respondents": [1, 9, 1, 9]}
).assign(share=[10.0, 90.0, 10.0, 90.0])
REVIEWED = pd.DataFrame(
    {
        "unit": ["a", "a"],
        "service": ["Mina sidor", "Felanmälan"],
        "criteria_tested": [12, 12],
        "criteria_failed": [3, 0],
        "severity": ["critical", None],
    }
)


def _follow_up_charts() -> dict[str, alt.TopLevelMixin]:
    names = {"a": "Enhet A"}
    return {
        "classified": coverage_by_unit(
            pd.DataFrame(
                {
                    "unit": ["a"],
                    "systems": [4],
                    "classified_share": [75.0],
                    "risk_analysed_share": [50.0],
                    "followed_up_share": [25.0],
                }
            ),
            names,
        ),
        "maturity": distribution_by_year(pd.DataFrame({"year": [2024], "level": [2], "units": [3]}), ("Ett", "Två")),
        "moves": unit_moves(
            pd.DataFrame({"unit": ["a"], "before": [1], "after": [2]}), 2024, 2025, ("Ett", "Två"), names
        ),
        "survey": answers_by_unit(SURVEY_SHARES, ("Ja", "Nej"), ("Ja",), names),
        "survey_years": positive_over_years(
            pd.DataFrame({"year": [2020, 2020], "unit": ["a", "*"], "share": [10.0, 10.0]}), names, "Ja"
        ),
        "accessibility": failed_by_service(REVIEWED, names),
        "statements": statements_compared(
            pd.DataFrame({"year": [2021, 2024], "statement": ["FT1", "FT1"], "share": [41.0, 65.0]}),
            2021,
            2024,
            {"FT1": "Rutinerna är kända."},
        ),
    }


def test_the_survey_average_is_the_rightmost_bar_and_each_finding_is_said_in_words():
    survey = vega_lite_spec(answers_by_unit(SURVEY_SHARES, ("Ja", "Nej"), ("Ja",), {"a": "Enhet A"}))
    units = survey["layer"][0]["encoding"]["y"]  # lying down: each unit's whole name, never at an angle
    assert units["sort"] == ["Enhet A", "Medelvärde (alla svarande)"] and "labelAngle" not in units["axis"]
    review = vega_lite_spec(failed_by_service(REVIEWED, {"a": "Enhet A"}))
    words = {row["Tjänst"]: row["Fynd"] for row in _rows(review)}
    assert words == {"Mina sidor": "■ Kritisk", "Felanmälan": "Inga brister"}


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
        "classified",
        "maturity",
        "moves",
        "survey",
        "survey_years",
        "accessibility",
        "statements",
    ],
)
def test_every_chart_is_valid_vega_lite_and_drawn_as_altair_would(config, name):
    chart = _every_chart(config)[name]
    spec = vega_lite_spec(chart)
    validate_jsonschema(_as_json(spec), load_schema())
    # Altair's own, validated conversion (of a filled chart: of its grammar, the data named)
    altair_spec = (chart.grammar.chart if isinstance(chart, Filled) else chart).to_dict()
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


def test_status_yellow_is_drawn_far_from_red():
    """Gul beside Röd in a heat map must not read as one colour (the palette's yellow, not its orange)."""

    def rgb(colour: str) -> tuple[int, ...]:
        return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))

    amber, red = rgb(STATUS_COLOURS["amber"]), rgb(STATUS_COLOURS["red"])
    assert sum((a - b) ** 2 for a, b in zip(amber, red, strict=True)) ** 0.5 > 120


def test_training_over_the_years_is_drawn_on_a_time_axis_with_plain_years():
    from charts.training import completion_over_years

    summed = pd.DataFrame({"year": [2015, 2024, 2025], "audience": ["staff"] * 3, "share": [10.0, 70.0, 79.0]})
    x = vega_lite_spec(completion_over_years(summed))["encoding"]["x"]
    assert x["type"] == "quantitative" and x["axis"]["format"] == "d"  # 2015 stands nine years from 2024


def test_the_recommendation_timeline_labels_each_month_once():
    frame = pd.DataFrame(
        {
            "recommendation_id": ["R1"],
            "audit_date": [pd.Timestamp("2025-01-28")],
            "due_date": [pd.Timestamp("2025-12-31")],
            "done_date": [None],
            "status": ["on_hold"],
            "overdue": [True],
        }
    )
    spec = vega_lite_spec(timeline(frame))
    axis = next(layer["encoding"]["x"]["axis"] for layer in spec["layer"] if "axis" in layer["encoding"]["x"])
    assert axis["tickCount"] == {"interval": "month", "step": 1}


LONG = "Kommunikationsplan vid kritiska incidenter i samhällsviktig verksamhet"


def _drawn_texts(chart: alt.TopLevelMixin) -> tuple[list[str], int]:
    """The texts of a chart as vl-convert draws it at slide size, and how many legends it has."""
    import re

    import vl_convert

    spec = vega_lite_spec(chart, large=True)
    spec["datasets"] = {
        n: json.loads(d.to_json(orient="records", date_format="iso")) for n, d in spec["datasets"].items()
    }
    svg = vl_convert.vegalite_to_svg(spec)
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg) + re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg)
    return texts, len(re.findall(r'class="mark-group role-legend"', svg))


def test_every_chart_has_at_most_one_legend_and_no_label_cut_with_an_ellipsis(config):
    from charts.documents import revision_timeline
    from charts.phishing_campaigns import click_rates

    charts = dict(_every_chart(config))
    charts["phishing"] = click_rates(
        pd.DataFrame(
            {
                "campaign": ["A", "A", "B", "B"],
                "start_date": ["2024-05-01", "2024-05-01", "2025-05-01", "2025-05-01"],
                "unit": ["a", "b", "a", "b"],
                "click_rate": [30.0, 20.0, 12.0, 9.0],
            }
        ),
        {"a": "Servicenämnden", "b": "Gymnasie- och vuxenutbildningsnämnden"},
        5,
    )
    charts["documents"] = revision_timeline(
        pd.DataFrame(
            {
                "title": [LONG, "IT-strategi"],
                "decided_date": [dt.date(2010, 6, 14), dt.date(2011, 3, 21)],
                "next_revision": [dt.date(2029, 6, 30), dt.date(2014, 3, 31)],
                "overdue": [False, True],
            }
        ),
        dt.date(2026, 12, 6),
    )
    charts["long_statement"] = statements_compared(
        pd.DataFrame({"year": [2021, 2024], "statement": ["FT1", "FT1"], "share": [41.0, 65.0]}),
        2021,
        2024,
        {"FT1": "FT1 Rutinerna för att ge och ta bort behörigheter till verksamhetens IT-system är kända och följs"},
    )
    for name, chart in charts.items():
        texts, legends = _drawn_texts(chart)
        assert legends <= 1, name  # colour and shape of one field share their legend
        assert not [t for t in texts if t.endswith("…")], (name, [t for t in texts if t.endswith("…")])
    texts, _ = _drawn_texts(charts["documents"])
    assert "Kommunikationsplan vid kritiska incidenter i" in texts and "samhällsviktig verksamhet" in texts  # wrapped
    years = [t for t in texts if t.isdigit() and len(t) == 4]
    assert 3 <= len(years) < 2029 - 2010  # years on a time axis, with room between them
