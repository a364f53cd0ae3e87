"""Swedish formats for numbers, percentages, dates and times, used by pages, charts, exports and messages."""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re
from zoneinfo import ZoneInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")
NBSP = "\u00a0"


def swedish_int(value: int | float) -> str:
    """18000 → '18 000' (a no-break space, so a figure never wraps)."""
    return f"{round(value):,}".replace(",", NBSP).replace("-", "−")


MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip


def swedish_month(month: str) -> str:
    """'2024-03' → 'mars 2024'."""
    year, number = month.split("-")[:2]
    return f"{MONTHS[int(number) - 1]} {year}"


_PLAIN_COLUMN = re.compile(r"(?i)^(år|nr|rad|import|kvartal)$|^år\b|\bår$")


def table_cell(value: object, header: str) -> str:
    """A table's cell as the charts write it: '17 850', '78,7', '0,96'; a year, or a number that names a
    thing (an import, a row), as it is ('2023', never '2 023'); nothing as '–'."""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if not isinstance(value, numbers.Real):  # numpy's numbers are Real too
        return "–" if value is None else str(value)
    number = float(value)
    if math.isnan(number):
        return "–"
    if number.is_integer():
        return str(int(number)) if _PLAIN_COLUMN.search(header.replace("\\", "")) else swedish_int(number)
    if abs(number) < 1:
        return swedish_decimal(number, 2).rstrip("0").rstrip(",")
    return swedish_decimal(number, 1)


def row_words(count: int, adjective: str = "") -> str:
    """'1 rad', '2 520 rader', '1 tidigare rad': the figure grouped, the word agreeing with it."""
    words = f"{adjective} " if adjective else ""
    return f"{swedish_int(count)} {words}{'rad' if count == 1 else 'rader'}"


def swedish_decimal(value: float, decimals: int = 1) -> str:
    """12.5 → '12,5'; thousands grouped with a no-break space."""
    text = f"{value:,.{decimals}f}".replace(",", " ").replace(".", ",").replace(" ", NBSP)
    return text.replace("-", "−")


def swedish_percent(value: float, decimals: int = 0) -> str:
    """32.0 → '32 %'; the value is already in percent (0–100)."""
    return f"{swedish_decimal(value, decimals) if decimals else swedish_int(value)}{NBSP}%"


def swedish_datetime(moment: dt.datetime) -> str:
    """A stored UTC time as Swedish local time, ISO style: '2026-11-23 09:30'."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M")


def quarter_label(period: str) -> str:
    """'2025Q3' → 'kvartal 3 2025'; a year stays as it is."""
    if "Q" in period:
        year, quarter = period.split("Q")
        return f"kvartal {quarter} {year}"
    return period


def swedish_date(day: dt.date | dt.datetime | str | None) -> str:
    """ISO date, the Swedish standard: '2025-04-06'."""
    if day is None:
        return "–"
    if isinstance(day, str):
        return day[:10]
    if isinstance(day, dt.datetime):
        return day.date().isoformat()
    return day.isoformat()


def swedish_value(value: float, unit: str) -> str:
    """A KPI value in its unit: '32 %', '3 st', '4,5 dagar'."""
    if unit == "percent":
        return swedish_percent(value, 0 if float(value).is_integer() else 1)
    if unit == "count":
        return swedish_int(value)
    word = {"days": "dagar", "hours": "timmar"}.get(unit, "")
    return f"{swedish_decimal(value, 0 if float(value).is_integer() else 1)}{NBSP}{word}".strip()


_MARKDOWN_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# Streamlit's Markdown turns bare addresses into links after escapes are read (a pass over the finished
# text). Where one would start (after `https`, `www` or an `@`), the next character is put in a span of its
# own (`:color[…]{}` with no colour is a plain span): the address is no longer one piece of text, so it stays
# text, looks the same, and copies as written.
_AUTOLINKED = re.compile(r"(?i)(https?)(?=:)|(www)(?=\.)|(?<=@)(?=[\w-])")


_ESCAPES = str.maketrans({c: f"\\{c}" for c in _MARKDOWN_PUNCTUATION})  # one pass in C, not a character at a time


def _escaped(text: str) -> str:
    return text.translate(_ESCAPES)


def inert(text: object) -> str:
    """Outside text (from a file, a visitor or the link) made inert for Markdown: every ASCII punctuation
    character is escaped, so it can never become a link, an image, HTML, a directive (`:red[…]`), an
    emoji code, a formula or structure; and a bare web or e-mail address never becomes a link. It reads
    and copies exactly as written."""
    text = str(text)
    pieces, start = [], 0
    for match in _AUTOLINKED.finditer(text):
        cut = match.end()
        if start <= cut < len(text):
            pieces += [_escaped(text[start:cut]), f":color[{_escaped(text[cut])}]{{}}"]
            start = cut + 1
    return "".join([*pieces, _escaped(text[start:])])
