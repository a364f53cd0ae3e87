"""The typeface of everything the app makes offline (chart images, the board pack): Source Sans Pro, the
screen's own, from a pinned package, so no font is fetched and every machine draws the same."""

from __future__ import annotations

from importlib.resources import files

FAMILY = "Source Sans Pro"


def font_dir() -> str:
    """The folder of the Source Sans Pro files (OTF and TTF, SIL Open Font License)."""
    return str(files("font_source_sans_pro") / "files")
