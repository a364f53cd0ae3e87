"""Status rules: levels and movement against the previous quarter (words and symbols: domain.vocabulary)."""

from __future__ import annotations

LEVEL = {"green": 0, "amber": 1, "red": 2}


def movement(previous: str | None, current: str) -> str:
    """'better', 'worse', 'same' or 'new' against the previous quarter's status."""
    if previous is None:
        return "new"
    if LEVEL[current] < LEVEL[previous]:
        return "better"
    if LEVEL[current] > LEVEL[previous]:
        return "worse"
    return "same"


ARROWS = {"better": "↑ bättre", "worse": "↓ sämre", "same": "→ oförändrad", "new": "ny"}
