"""Informationsklassning (/klassning): per unit the share of systems classified, risk-analysed and with
their measures followed up, and each classification older than the configured age flagged."""

from __future__ import annotations

from ui.frame import view_frame
from ui.sections import present
from view_models.classifications import compose

f = view_frame(__file__)
present(f, compose, f.scope(), what="klassade system")
