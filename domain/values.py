"""Cell values as Swedish spreadsheets and service desks write them, parsed into the store's types.

Every parser takes what a reader gives (text from CSV; text, numbers or dates from Excel and SQL) and
returns the canonical value or raises `Invalid` with what was expected, in Swedish.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from domain.text_matching import close_matches, fold
from domain.vocabulary import Code


class Invalid(Exception):
    """A value that cannot be read; `expected` says what would have been right."""

    def __init__(self, expected: str) -> None:
        super().__init__(expected)
        self.expected = expected


@dataclass(frozen=True)
class Uncomputed:
    """An Excel cell holding a formula whose value was never saved; never silently read as empty."""

    formula: str


UNCOMPUTED_EXPECTED = (
    "ett sparat värde: cellen har formeln {formula} men inget beräknat värde; öppna filen i Excel och spara den igen"
)

_BLANKS = "\u00a0\u202f\u2009 \t"
STRIPPED = _BLANKS + "\r\n"  # what `as_text` trims from a cell


def as_text(raw: Any) -> str | None:
    """The cell as trimmed text, or None when empty; Excel's 12.0 becomes '12'."""
    if raw is None:
        return None
    if isinstance(raw, str):
        text = raw.strip(STRIPPED)
        return text or None
    if isinstance(raw, bool):
        return "ja" if raw else "nej"
    if isinstance(raw, float):
        if math.isnan(raw):
            return None
        return str(int(raw)) if raw.is_integer() else str(raw)
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat(sep=" ")
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if isinstance(raw, Uncomputed):
        return raw.formula
    return str(raw)


# --- periods -------------------------------------------------------------------------------------

_QUARTER_PATTERNS = (
    re.compile(r"^(?P<y>\d{4})\s*-?\s*q\s*(?P<q>[1-4])$"),
    re.compile(r"^q\s*(?P<q>[1-4])\s*-?\s*(?P<y>\d{4})$"),
    re.compile(r"^(?P<y>\d{4})\s*-?\s*kv(?:artal)?\s*\.?\s*(?P<q>[1-4])$"),
    re.compile(r"^kv(?:artal)?\s*\.?\s*(?P<q>[1-4])\s*-?\s*(?P<y>\d{4})$"),
)
QUARTER_EXPECTED = "ett kvartal som 2025Q3, 2025-Q3, Q3 2025 eller 2025 kv3"
YEAR_EXPECTED = "ett år med fyra siffror, som 2025"
MIN_YEAR, MAX_YEAR = 1990, 2100


def parse_quarter(raw: Any) -> str:
    text = as_text(raw)
    if text is not None:
        folded = text.casefold()
        for pattern in _QUARTER_PATTERNS:
            m = pattern.match(folded)
            if m and MIN_YEAR <= int(m["y"]) <= MAX_YEAR:
                return f"{m['y']}Q{m['q']}"
    raise Invalid(QUARTER_EXPECTED)


def parse_year(raw: Any) -> int:
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = as_text(raw)
    if text is not None and re.fullmatch(r"\d{4}", text) and MIN_YEAR <= int(text) <= MAX_YEAR:
        return int(text)
    raise Invalid(YEAR_EXPECTED)


def parse_period(raw: Any) -> str:
    """A quarter ('2025Q3') or a whole year ('2025')."""
    try:
        return parse_quarter(raw)
    except Invalid:
        pass
    try:
        return str(parse_year(raw))
    except Invalid:
        raise Invalid(f"{QUARTER_EXPECTED}, eller ett år som 2025") from None


# --- dates ---------------------------------------------------------------------------------------

DATE_EXPECTED = "ett datum som finns, skrivet ÅÅÅÅ-MM-DD (till exempel 2025-04-06)"
DAY_OR_MONTH_EXPECTED = (
    "ett datum som finns (ÅÅÅÅ-MM-DD) eller en månad ÅÅÅÅ-MM (till exempel 2025-03-14 eller 2025-03)"
)
_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def _checked_year(day: dt.date) -> dt.date:
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise Invalid(DATE_EXPECTED)
    return day


def parse_date(raw: Any) -> dt.date:
    if isinstance(raw, dt.datetime):
        return _checked_year(raw.date())
    if isinstance(raw, dt.date):
        return _checked_year(raw)
    text = as_text(raw)
    if text is not None:
        m = _ISO_DAY.match(text)
        if m:
            try:
                return _checked_year(dt.date(int(m[1]), int(m[2]), int(m[3])))
            except ValueError:
                pass
    raise Invalid(DATE_EXPECTED)


DATETIME_EXPECTED = "en tidpunkt skriven ÅÅÅÅ-MM-DD TT:MM i svensk tid (till exempel 2026-03-02 08:00)"
_ISO_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$")


def parse_datetime(raw: Any) -> dt.datetime:
    """A point in time in Swedish time, to the minute, stored as written (no time zone)."""
    if isinstance(raw, dt.datetime):  # an Excel cell
        _checked_year(raw.date())
        return raw.replace(second=0, microsecond=0, tzinfo=None)
    text = as_text(raw)
    if text is not None:
        m = _ISO_TIME.match(text)
        if m:
            try:
                moment = dt.datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]))
            except ValueError:
                pass
            else:
                _checked_year(moment.date())
                return moment
    raise Invalid(DATETIME_EXPECTED)


def parse_day_or_month(raw: Any) -> tuple[dt.date, str]:
    """A day, or a month given as its first day; the second item says which ('day' or 'month')."""
    text = as_text(raw) if not isinstance(raw, dt.date) else None
    if text is not None:
        m = _ISO_MONTH.match(text)
        if m and 1 <= int(m[2]) <= 12:
            return _checked_year(dt.date(int(m[1]), int(m[2]), 1)), "month"
    try:
        return parse_date(raw), "day"
    except Invalid:
        raise Invalid(DAY_OR_MONTH_EXPECTED) from None


# --- numbers -------------------------------------------------------------------------------------

NUMBER_EXPECTED = "ett tal, med decimalkomma eller decimalpunkt (till exempel 12,5)"
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def parse_number(raw: Any) -> float:
    if isinstance(raw, bool):
        raise Invalid(NUMBER_EXPECTED)
    if isinstance(raw, int | float):
        if isinstance(raw, float) and not math.isfinite(raw):
            raise Invalid(NUMBER_EXPECTED)
        return float(raw)
    text = as_text(raw)
    if text is not None:
        compact = "".join(c for c in text if c not in _BLANKS).replace("\u2212", "-").removesuffix("%")
        if _NUMBER.match(compact):
            return float(compact.replace(",", "."))
    raise Invalid(NUMBER_EXPECTED)


def parse_percent(raw: Any) -> float:
    expected = "en procentsats mellan 0 och 100 (32, 32 % och 32,0 betyder 32 %)"
    text = as_text(raw) if isinstance(raw, str) else raw
    if isinstance(text, str) and text.endswith("%"):
        text = text[:-1]
    try:
        value = parse_number(text)
    except Invalid:
        raise Invalid(expected) from None
    if not 0 <= value <= 100:
        raise Invalid(expected)
    return value


def count_parser(minimum: int) -> Callable[[Any], int]:
    expected = f"ett heltal som är {minimum} eller större" + (" (antal kan inte vara negativt)" if minimum == 0 else "")

    def parse_count(raw: Any) -> int:
        try:
            value = parse_number(raw)
        except Invalid:
            raise Invalid(expected) from None
        if not value.is_integer() or value < minimum:
            raise Invalid(expected)
        return int(value)

    return parse_count


# --- coded values --------------------------------------------------------------------------------


def code_parser(codes: Iterable[Code], what: str) -> Callable[[Any], Any]:
    """Accept the English id or the Swedish word of each code, in any case."""
    codes = tuple(codes)
    lookup: dict[str, str] = {}
    for code in codes:
        for spelling in (code.id, code.swedish, *code.also):
            lookup[fold(spelling)] = code.id
    expected = f"{what}: " + ", ".join(f"{c.swedish} ({c.id})" for c in codes)

    def parse_code(raw: Any) -> str:
        text = as_text(raw)
        if text is not None and (found := lookup.get(fold(text))) is not None:
            return found
        raise Invalid(expected)

    return parse_code


def yes_no(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = as_text(raw)
    if text is not None:
        folded = fold(text)
        if folded in ("ja", "yes", "j", "y", "1", "true", "sant"):
            return True
        if folded in ("nej", "no", "n", "0", "false", "falskt"):
            return False
    raise Invalid("ja eller nej (yes eller no)")


def reference_parser(names: dict[str, list[str]], what: str, where: str) -> Callable[[Any], str]:
    """Accept a configured id or any of its names; an unknown value lists the close matches.

    `names` maps each id to the spellings that mean it (the id itself is added).
    """
    lookup: dict[str, str] = {}
    display: dict[str, str] = {}
    for ident, spellings in names.items():
        for spelling in (ident, *spellings):
            folded = fold(spelling)
            lookup[folded] = ident
            display[folded] = spellings[0] if spellings else ident

    def parse_reference(raw: Any) -> str:
        text = as_text(raw)
        if text is not None and (found := lookup.get(fold(text))) is not None:
            return found
        near = close_matches(text or "", display)
        hint = f" Menade du: {', '.join(near)}?" if near else ""
        raise Invalid(f"{what} som finns i {where}.{hint}")

    return parse_reference
