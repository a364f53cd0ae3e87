"""Utbildning (/utbildning): completion per unit and audience, the history, and the boards' own members."""

from __future__ import annotations

from ui.frame import view_frame
from ui.sections import present
from view_models.training import compose

f = view_frame(__file__)
present(f, compose, f.scope(), what="utbildningar")
