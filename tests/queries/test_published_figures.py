"""The example data carries the published figures of the source documents, read back through queries."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from domain.roles import operator
from ingest.demo import load_example_data
from queries import incidents, recommendations, self_assessments, status
from store.schema import import_batches


@pytest.fixture
def demo_store(store, config):
    results = load_example_data(store, config)
    assert all(r.outcome == "imported" for r in results), [r.messages() for r in results]
    return store


def test_incidents_about_18000_a_year_and_critical_6_6_4(demo_store):
    with demo_store.connect() as c:
        assert incidents.critical_incidents_by_year(c) == {2023: 6, 2024: 6, 2025: 4}
        per_year = incidents.incidents_by_year(c)
    assert set(per_year) == {2023, 2024, 2025}
    assert all(17_500 <= n <= 18_500 for n in per_year.values())


def test_internal_control_shares_2015_and_2024(demo_store):
    with demo_store.connect() as c:
        shares = self_assessments.rating_shares_by_year(c, "internal_control")
    assert round(shares[2015]["satisfactory"]) == 65 and round(shares[2024]["satisfactory"]) == 89
    assert round(shares[2015]["improvement"]) == 31 and round(shares[2024]["improvement"]) == 9
    assert round(shares[2015]["urgent"]) == 3 and round(shares[2024].get("urgent", 0)) == 0


def test_access_review_ranges_2021_and_2024(demo_store):
    with demo_store.connect() as c:
        counts = self_assessments.satisfactory_by_statement(c, "access", ())
    shares = 100 * counts["satisfactory"] / counts["total"]
    y2021, y2024 = shares[counts["year"] == 2021], shares[counts["year"] == 2024]
    assert (round(y2021.min()), round(y2021.max())) == (41, 71)
    assert (round(y2024.min()), round(y2024.max())) == (65, 78)


def test_phishing_32_percent_and_two_of_three_recommendations_done(demo_store):
    with demo_store.connect() as c:
        assert status.kpi_value(c, "phishing_click_rate", "2025Q2", "servicenamnden") == 32
        latest = recommendations.latest_recommendation_status(c)
    assert sorted(latest.values()) == ["done", "done", "on_hold"]


def test_every_example_batch_is_marked_as_example_data(demo_store):
    with demo_store.connect() as c:
        marks = c.execute(sa.select(import_batches.c.is_example, import_batches.c.user_name)).all()
    assert marks and all(is_example and user == "exempeldata" for is_example, user in marks)


def test_the_banner_knows_when_example_rows_are_still_shown(store, config, tmp_path):
    from ingest.imports import import_file, import_table, undo
    from ingest.readers import open_file
    from queries.data_overview import example_data_in_use
    from tests.conftest import write_csv

    example = write_csv(tmp_path / "exempel.csv", "period;enhet;område;status\n2025Q1;mkb;governance;Grön\n")
    with open_file(example, "exempel.csv", "status") as table:
        assert import_table(store, config, "status", table, actor=operator("exempeldata"), is_example=True).ok
    with store.connect() as c:
        assert example_data_in_use(c)
    own = write_csv(tmp_path / "egen.csv", "period;enhet;område;status\n2025Q1;mkb;governance;Röd\n")
    replacing = import_file(store, config, "status", own, actor=operator("u"))
    with store.connect() as c:
        assert not example_data_in_use(c)
        assert example_data_in_use(c, as_of=replacing.batch_id - 1)
    undo(store, replacing.batch_id, actor=operator("u"))  # the example row is current again, as a copy made by the undo
    with store.connect() as c:
        assert example_data_in_use(c)


def test_phishing_training_and_documents_carry_the_seeds_figures(demo_store):
    from queries import documents, phishing_campaigns, training
    from queries.explore import explore

    with demo_store.connect() as c:
        campaigns = phishing_campaigns.campaigns(c, ("servicenamnden",))
        courses = training.courses(c, ())
        register = documents.register(c, ())
        clicked = explore(c, "phishing_campaigns", "click_rate", ("unit",), {})
    latest = campaigns.iloc[-1]
    assert (latest["clicked"], latest["recipients"], latest["actual_hours"], latest["planned_hours"]) == (
        320,
        1000,
        27,
        72,
    )
    disa_2015 = courses[(courses["year"] == 2015) & (courses["audience"] == "staff")]
    assert disa_2015["completed"].sum() * 10 == disa_2015["population"].sum()  # nine of ten had not taken it
    assert set(register.loc[register["next_revision"].astype(str) < "2015-01-01", "title"]) == {
        "IT-säkerhetsplan",
        "IT-strategi",
    }
    assert round(clicked.set_index("unit").loc["servicenamnden"].iloc[-1], 1) == round(
        100 * (171 + 118 + 320) / 2930, 1
    )


def test_the_follow_up_datasets_carry_the_seeds_figures_in_sql(demo_store):
    from queries import accessibility_reviews, classifications, maturity, survey_results
    from queries.explore import explore

    with demo_store.connect() as c:
        steps = maturity.distribution(c, "ai_sweden", ())
        questions = survey_results.questions(c, "sekretess")
        easy = survey_results.positive_by_year(c, "sekretess", questions[3], ("Ja",), ())
        review = accessibility_reviews.totals_by_year(c, ()).iloc[0]
        videos = explore(c, "accessibility_reviews", "videos_deficient", ("year",), {})
        per_step = explore(c, "maturity", "units", ("year", "level"), [("model", ("ai_sweden",))])
        coverage = classifications.coverage_by_unit(c, (), dt.date(2023, 11, 24))
    in_2024 = steps[steps["year"] == 2024].set_index("level")["units"]
    assert in_2024[1] + in_2024[2] == 23 and in_2024.sum() == 24  # most between step 1 and 2
    assert questions[3].endswith("anser du att det är lätt att göra rätt?")
    of_2020 = easy[easy["year"] == 2020]
    assert round(100 * of_2020["positive"].sum() / of_2020["respondents"].sum()) == 10
    assert (review["services"], review["criteria_tested"]) == (29, 12)
    assert round(videos.iloc[0]["value"]) == 25  # about a quarter of the videos
    assert per_step["value"].sum() == 48
    assert (coverage["systems"].sum(), coverage["classified"].sum(), coverage["outdated"].sum()) == (20, 17, 7)
