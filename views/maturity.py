"""Mognad (/mognad): the units on each step of a maturity model per year, and each unit's move between
the last two years."""

from __future__ import annotations

from queries import maturity as q
from ui.frame import view_frame
from ui.sections import present
from ui.widgets import choose_one
from view_models.maturity import compose

f = view_frame(__file__)
models = {m: f.config.maturity_models[m].name for m in f.ask(q.models) if m in f.config.maturity_models}
model = choose_one("model", "Mognadsmodell", models, "Välj modell") if models else None
present(f, compose, f.scope(filters={"model": (model,)} if model else None), what="mognadsnivåer")
