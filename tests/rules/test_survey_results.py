"""Survey shares from the respondents: the average is everyone who answered, not a mean of the units."""

from __future__ import annotations

import pandas as pd

from rules.survey_results import ALL, answer_shares, positive_shares


def test_the_average_bar_weights_each_unit_by_its_respondents():
    answers = pd.DataFrame(
        {"unit": ["a", "a", "b", "b"], "answer": ["Ja", "Nej", "Ja", "Nej"], "respondents": [1, 9, 9, 21]}
    )
    shares = answer_shares(answers).set_index(["unit", "answer"])["share"]
    assert shares[("a", "Ja")] == 10 and shares[("b", "Ja")] == 30
    assert shares[(ALL, "Ja")] == 25  # 10 of 40, where the mean of the units would say 20


def test_a_unit_with_no_respondents_has_no_share():
    by_year = pd.DataFrame({"year": [2020, 2020], "unit": ["a", "b"], "positive": [0, 2], "respondents": [0, 8]})
    shares = positive_shares(by_year).set_index("unit")["share"]
    assert pd.isna(shares["a"]) and shares["b"] == 25 and shares[ALL] == 25
