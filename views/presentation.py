"""Presentation (/presentation): the board views as slides that each fit the projector, from a meeting
record (`mote`) or today's data for a body and quarter (`unit`, `period`); `bild` is the slide."""

from __future__ import annotations

from ui.slides import draw, open_deck

deck = open_deck()
if deck is not None:
    draw(deck)
