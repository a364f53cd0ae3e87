"""Overdue is judged on a given day; a repealed document is never overdue."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from rules.documents import with_revision_state


def test_overdue_on_the_day_given_and_never_when_repealed():
    register = pd.DataFrame(
        {
            "next_revision": [dt.date(2012, 6, 30), dt.date(2026, 5, 31), dt.date(2014, 3, 31), None],
            "status": ["in_force", "in_force", "repealed", None],
        }
    )
    state = with_revision_state(register, dt.date(2026, 6, 1))
    assert state["overdue"].tolist() == [True, True, False, False]
    assert with_revision_state(register, dt.date(2026, 5, 31))["overdue"].tolist() == [True, False, False, False]
