"""Risker (/risker): the risk register of the chosen body (or all) — the heat map, the risks the board
names, the late treatments, and what moved since the last assessment and the last meeting."""

from __future__ import annotations

from ui.frame import view_frame
from ui.sections import present
from view_models.risks import compose

f = view_frame(__file__)
present(f, compose, f.scope(), what="risker")
