"""A status's movement against the previous quarter."""

from __future__ import annotations

from rules.status import movement


def test_status_movement():
    assert movement("red", "amber") == "better" and movement("green", "red") == "worse"
    assert movement("amber", "amber") == "same" and movement(None, "green") == "new"
