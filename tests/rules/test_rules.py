"""Pure rules: KPI bands and rates, status movement, overdue recommendations, shares, changes, exports."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from domain.formatting import swedish_decimal, swedish_int, swedish_percent, swedish_value
from domain.periods import previous_quarter, quarter_months, quarter_of_month
from ingest.exports import FORMULA_STARTS, csv_bytes, safe_frame
from rules.changes import kpi_changes, status_changes
from rules.kpis import band, meets_target, quarterly_values
from rules.recommendations import status_counts, with_overdue
from rules.self_assessments import shares_by_year
from rules.status import movement


def test_kpi_bands_both_directions(config):
    phishing, training = config.kpis["phishing_click_rate"], config.kpis["training_completion"]
    assert [band(phishing, v) for v in (4, 5, 10, 15, 32)] == ["green", "green", "amber", "red", "red"]
    assert [band(training, v) for v in (95, 90, 85, 80, 40)] == ["green", "green", "amber", "amber", "red"]
    assert meets_target(phishing, 5) and not meets_target(phishing, 5.1)
    assert meets_target(training, 90) and not meets_target(training, 89.9)


def test_a_rate_over_several_units_is_computed_from_the_summed_counts(config):
    series = pd.DataFrame(
        [
            {
                "period": "2025Q1",
                "kpi": "training_completion",
                "numerator": 900,
                "denominator": 1000,
                "mean_value": 55.0,
                "sum_value": 110.0,
                "units": 2,
                "units_with_counts": 2,
                "comment": None,
            },
            {
                "period": "2025Q1",
                "kpi": "critical_patches_overdue",
                "numerator": None,
                "denominator": None,
                "mean_value": 3.0,
                "sum_value": 6.0,
                "units": 2,
                "units_with_counts": 0,
                "comment": None,
            },
        ]
    )
    values = quarterly_values(series, config.kpis).set_index("kpi")
    assert values.loc["training_completion", "value"] == 90.0  # 900 of 1000, not the mean of the rates
    assert values.loc["critical_patches_overdue", "value"] == 6.0  # counts add up


def test_periods():
    assert previous_quarter("2025Q1") == "2024Q4" and previous_quarter("2025Q3") == "2025Q2"
    assert quarter_months("2025Q2") == ("2025-04", "2025-06")
    assert quarter_of_month("2025-12") == "2025Q4"


def test_status_movement():
    assert movement("red", "amber") == "better" and movement("green", "red") == "worse"
    assert movement("amber", "amber") == "same" and movement(None, "green") == "new"


def test_overdue_only_when_past_due_and_not_done():
    recs = pd.DataFrame(
        {
            "recommendation_id": ["a", "b", "c", "d"],
            "status": ["on_hold", "done", "in_progress", None],
            "due_date": [dt.date(2025, 12, 31), dt.date(2025, 12, 31), dt.date(2027, 1, 1), None],
        }
    )
    flagged = with_overdue(recs, dt.date(2026, 11, 23))
    assert list(flagged["overdue"]) == [True, False, False, False]
    assert status_counts(recs.fillna("not_started"))["not_started"] == 1


def test_shares_count_not_applicable_in_the_whole():
    counts = pd.DataFrame(
        {
            "year": [2015] * 4,
            "rating": ["satisfactory", "improvement", "urgent", "not_applicable"],
            "count": [296, 141, 14, 5],
        }
    )
    shares = shares_by_year(counts).set_index("rating")["share"].round().to_dict()
    assert shares == {"satisfactory": 65, "improvement": 31, "urgent": 3, "not_applicable": 1}


def test_changes_name_the_area_and_the_kpi_with_its_target(config):
    statuses = pd.DataFrame(
        {
            "period": ["2025Q1", "2025Q2"],
            "unit": ["servicenamnden"] * 2,
            "area": ["training"] * 2,
            "status": ["amber", "red"],
        }
    )
    assert [c.text for c in status_changes(statuses, "2025Q2", "2025Q1", config)] == [
        "Utbildning och medvetenhet (Servicenämnden): Gul → Röd"
    ]
    values = pd.DataFrame(
        {
            "kpi": ["phishing_click_rate"] * 2,
            "period": ["2025Q1", "2025Q2"],
            "value": [8.0, 32.0],
            "band": ["green", "red"],
        }
    )
    (change,) = kpi_changes(values, "2025Q2", "2025Q1", config)
    assert change.kind == "worse"
    assert change.text.endswith("8\u00a0% → 32\u00a0% (når målet → långt från målet; mål 5\u00a0%)")


def test_swedish_formats():
    assert swedish_int(18000) == "18\u00a0000"
    assert swedish_percent(32) == "32\u00a0%"
    assert swedish_decimal(12.5) == "12,5"
    assert swedish_value(78.74, "percent") == "78,7\u00a0%"
    assert swedish_value(4, "count") == "4"


@given(st.lists(st.one_of(st.text(), st.integers(), st.floats(allow_nan=False)), min_size=1, max_size=20))
def test_no_exported_text_cell_begins_with_a_formula_character(cells):
    frame = pd.DataFrame({"värde": pd.Series(cells, dtype=object)})
    safe = safe_frame(frame)
    for original, exported in zip(cells, safe["värde"], strict=True):
        if isinstance(original, str):
            assert not exported.startswith(FORMULA_STARTS)
        else:
            assert exported == original  # numbers stay numbers


def test_csv_download_opens_in_swedish_excel():
    data = csv_bytes(pd.DataFrame({"Enhet": ["=HYPERLINK(1)"], "Andel": [32.5]}))
    assert data.startswith("\ufeff".encode())
    assert data.decode("utf-8-sig").splitlines() == ["Enhet;Andel", "'=HYPERLINK(1);32,5"]


def test_changes_between_meetings_name_moves_new_critical_incidents_and_finished_recommendations(config):
    import datetime as dt

    from rules.changes import changes_between_meetings

    def figures(status: str, mfa: float, band: str, critical: list[str], rec_status: str, overdue: bool):
        return {
            "statuses": pd.DataFrame(
                {"period": ["2025Q4"], "unit": ["servicenamnden"], "area": ["governance"], "status": [status]}
            ),
            "kpi_values": pd.DataFrame({"kpi": ["mfa_coverage"], "period": ["2025Q4"], "value": [mfa], "band": [band]}),
            "critical": pd.DataFrame(
                {"date": [dt.date(2025, 11, 1)] * len(critical), "reference": critical, "title": critical}
            ),
            "recommendations": pd.DataFrame(
                {"recommendation_id": ["R1"], "status": [rec_status], "overdue": [overdue]}
            ),
        }

    moved = changes_between_meetings(
        before=figures("amber", 90.0, "amber", ["K1"], "in_progress", False),
        now=figures("red", 99.0, "green", ["K1", "K2"], "done", False),
        before_quarter="2025Q4",
        now_quarter="2025Q4",
        config=config,
    )
    assert [(c.kind, c.text.split(":")[0]) for c in moved] == [
        ("worse", "Styrning och ledning (Servicenämnden)"),
        ("better", "Konton med flerfaktorsautentisering"),
        ("worse", "Ny kritisk incident 2025-11-01"),
        ("better", "Rekommendation R1 genomförd"),
    ]


@given(value=st.floats(min_value=0, max_value=1000, allow_nan=False))
def test_a_verdict_never_calls_a_value_short_of_its_target_good(config, value):
    from domain.vocabulary import BAND_WORDS

    for kpi in config.kpis.values():
        verdict = BAND_WORDS[band(kpi, value)]
        assert (verdict == "Når målet") == meets_target(kpi, value)
