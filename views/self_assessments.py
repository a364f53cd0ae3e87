"""Självskattningar (/sjalvskattningar): rating shares over the years, units × categories, each statement."""

from __future__ import annotations

from ui.frame import view_frame
from ui.sections import present
from ui.widgets import choose_assessment
from view_models.self_assessments import compose

f = view_frame(__file__)
assessment = choose_assessment(f)
present(f, compose, f.scope(filters={"assessment": (assessment.id,)}), what="självskattningar")
