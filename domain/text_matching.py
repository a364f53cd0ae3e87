"""How names written by people are matched to configured ids: case, spacing and å/ä/ö are ignored."""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache

_SEPARATORS = re.compile(r"[\s_\-]+")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """The form two spellings share when a person would call them the same word. Remembered: a file's
    cells repeat the same few names, and every check folds the configuration's names again."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", plain).strip()


def close_matches(text: str, candidates: dict[str, str], limit: int = 3) -> list[str]:
    """Display names whose folded spelling is near `text`; `candidates` maps folded spelling → name."""
    found = difflib.get_close_matches(fold(text), list(candidates), n=limit * 2, cutoff=0.6)
    names: list[str] = []
    for key in found:
        if candidates[key] not in names:
            names.append(candidates[key])
    return names[:limit]
