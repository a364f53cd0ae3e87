"""The link page's table: whom a link is for, until when, which views, and whether it still works."""

from __future__ import annotations

import datetime as dt

from access.access_store import Link
from view_models.links import link_table

AT = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)


def test_a_revoked_link_with_two_views_reads_as_such():
    link = Link(7, "Revisor Rut, EY", "anna@malmo.se", AT, AT + dt.timedelta(days=30), ("", "status"), AT)
    row = link_table([link], AT + dt.timedelta(days=1)).iloc[0]
    assert row["Vyer"] == "Lägesbild, Status" and row["Läge"] == "återkallad"


def test_a_link_for_all_board_views_past_its_date_has_expired():
    link = Link(8, "KPMG", "anna@malmo.se", AT, AT + dt.timedelta(days=1), (), None)
    row = link_table([link], AT + dt.timedelta(days=2)).iloc[0]
    assert row["Vyer"] == "alla styrelsevyer" and row["Läge"] == "utgången"
