"""The services in the order a board reads them."""

from __future__ import annotations

import pandas as pd

from rules.accessibility_reviews import worst_first


def test_the_worst_finding_first_then_a_failure_without_one_then_none():
    services = pd.DataFrame(
        {
            "service": ["a", "b", "c", "d", "e", "f"],
            "criteria_failed": [0, 1, 3, 2, 1, 4],
            "severity": [None, "minor", "serious", None, "critical", "serious"],
        }
    )
    assert list(worst_first(services)["service"]) == ["e", "f", "c", "b", "d", "a"]
