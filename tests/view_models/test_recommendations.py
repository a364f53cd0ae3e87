"""The recommendation view's words at a large city's scale: digits grouped, plural forms right."""

from __future__ import annotations

import pandas as pd

from view_models.recommendations import status_summary


def test_thousands_are_grouped_and_the_plural_is_used():
    statuses = ["done"] * 1245 + ["not_started"] * 700 + ["on_hold"] * 55
    recs = pd.DataFrame({"status": statuses, "overdue": [False] * 1990 + [True] * 10})
    assert status_summary(recs) == (
        "1\u00a0245 av 2\u00a0000 rekommendationer är genomförda, 55 avvaktar, 700 ej påbörjade, 10 försenade."
    )
