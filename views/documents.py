"""Styrdokument (/styrdokument): the register of governing documents, those past their revision date
flagged in words and symbol, each from its decision to its next revision."""

from __future__ import annotations

from ui.frame import view_frame
from ui.sections import present
from view_models.documents import compose

f = view_frame(__file__)
present(f, compose, f.scope(), what="styrdokument")
