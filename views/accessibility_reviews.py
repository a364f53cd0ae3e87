"""Tillgänglighet (/tillganglighet): the digital accessibility review per service, in the report's terms,
and the years side by side."""

from __future__ import annotations

from queries import accessibility_reviews as q
from ui.frame import view_frame
from ui.sections import present
from ui.widgets import choose_one
from view_models.accessibility_reviews import compose

f = view_frame(__file__)
totals = f.ask(q.totals_by_year, f.units)
years = [str(int(y)) for y in reversed(totals["year"].tolist())]
year = choose_one("year", "År", {y: y for y in years}, "Välj år") if years else None
present(f, compose, f.scope(filters={"year": (year,)} if year else None), what="tillgänglighetsgranskningar")
