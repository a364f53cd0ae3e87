"""Phishingövningar (/phishing): each campaign's click rate against the target, the trend per unit, and
how long each ran against its plan."""

from __future__ import annotations

from ui.frame import view_frame
from ui.sections import present
from view_models.phishing_campaigns import compose

f = view_frame(__file__)
present(f, compose, f.scope(), what="phishingövningar")
