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
EXAMPLE_DATA = ROOT / "ingest" / "example_data"
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


def test_the_duties_and_the_risks_compare_what_each_organisation_has(store):
    """Malmö's example measures and risks (in `store`) beside Burlöv, which has reported neither."""
    malmo, burlov = (load_config(EXAMPLE, o) for o in ("standard", "burlov"))
    participants = [
        Participant("Malmö stad", malmo, _scoped(asking(store, None), "standard")),
        Participant("Burlövs kommun", burlov, _scoped(asking(store, None), "burlov")),
    ]
    rows = [line.split(";") for line in (EXAMPLE_DATA / "measures.csv").read_text(encoding="utf-8").splitlines()[1:]]
    quarter = [r for r in rows if r[0] == "2025Q4"]
    applicable = [r for r in quarter if r[3] != "Ej tillämplig"]
    done = sum(r[3] == "Genomförd" for r in applicable)
    duties = compose(participants, Measure("duty:measures", "Ledningens ansvar: x"), "2025Q4").sections[0]
    assert duties.summary.startswith(f"2025Q4: Malmö stad {done} av {len(applicable)} åtgärder genomförda")
    assert duties.summary.endswith("Burlövs kommun ingen rapport.")

    risks = compose(participants, Measure("risk:top", "Risker: x"), "2025Q4").sections[0]
    assert risks.table["Uppgift"].tolist()[1] == "inga bedömda risker"
    assert " risker i nivån " in risks.table["Uppgift"].tolist()[0]
