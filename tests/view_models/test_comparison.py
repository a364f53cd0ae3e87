"""The comparison across organisations: each figure from its own organisation's rows and configuration,
a rate from the summed counts, and letters in the order of the figure."""

from __future__ import annotations

import pytest

from domain.configuration import load_config
from domain.roles import operator
from ingest.imports import import_file
from queries.common import asking
from store.scope import scoped
from tests.conftest import ROOT, write_csv
from view_models.comparison import Measure, Participant, compose

EXAMPLE = ROOT / "config" / "exempel-flera-organisationer"
HEADER = "period;enhet;nyckeltal;värde;täljare;nämnare\n"


@pytest.fixture
def two(sqlite_store, tmp_path):
    """Malmö: two units with counts (30 of 100 and 10 of 300 clicked); Burlöv: one unit, 12 of 100."""
    files = {
        "standard": "2025Q2;servicenamnden;phishing_click_rate;;30;100\n2025Q2;mkb;phishing_click_rate;;10;300\n",
        "burlov": "2025Q2;kommunstyrelsen;phishing_click_rate;;12;100\n",
    }
    participants = []
    for organisation, rows in files.items():
        config = load_config(EXAMPLE, organisation)
        with scoped(organisation):
            path = write_csv(tmp_path / f"{organisation}.csv", HEADER + rows)
            assert import_file(sqlite_store, config, "kpis", path, actor=operator("test")).ok
        participants.append(
            Participant(config.organisation.municipality, config, _scoped(asking(sqlite_store, None), organisation))
        )
    return participants


def _scoped(ask, organisation):
    def asked(query, *args, **kwargs):
        with scoped(organisation):
            return ask(query, *args, **kwargs)

    return asked


def test_a_rate_is_computed_from_each_organisations_summed_counts(two):
    content = compose(two, Measure("kpi:phishing_click_rate", "Nyckeltal: Klick"), "2025Q2")
    chart = content.sections[0]
    # Malmö 40 of 400 = 10 % (not the mean of 30 % and 3,3 %); Burlöv 12 %
    said = chart.summary.replace("\u00a0", " ")  # the figure and its % stay on one line
    assert said == "2025Q2: Malmö stad 10 % (40 av 400); Burlövs kommun 12 % (12 av 100). Målet är 5 %."
    assert chart.table.replace("\u00a0", " ", regex=True).to_dict("list") == {
        "Organisation": ["Malmö stad", "Burlövs kommun"],
        "Uppgift": ["10 % (40 av 400)", "12 % (12 av 100)"],
        "Mål": [5.0, 5.0],
    }


def test_letters_replace_the_names_in_the_order_of_the_figure(two):
    content = compose(two, Measure("kpi:phishing_click_rate", "Nyckeltal: Klick"), "2025Q2", letters=True)
    chart = content.sections[0]
    assert chart.table["Organisation"].tolist() == ["Organisation A", "Organisation B"]
    assert chart.table["Uppgift"].str.replace("\u00a0", " ").tolist() == ["12 % (12 av 100)", "10 % (40 av 400)"]
    assert "Malmö" not in chart.summary and "Burlöv" not in chart.summary


def test_an_organisation_without_the_figure_says_so(two):
    content = compose(two, Measure("status:governance", "Status: Styrning"), "2025Q2")
    assert content.sections[0].summary == "2025Q2: Malmö stad ingen rapport; Burlövs kommun ingen rapport."
