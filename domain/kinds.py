"""The kinds of column a dataset declares, each with everything that follows from it: how a cell is
parsed, which values it allows (the template's drop-down list), its format in words, the Swedish words
for its stored codes, and its type in the store.

Generic code (validation, templates, the import page, Utforska, the preview, the store's tables) asks a
column's kind; no code switches on a kind's name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, Protocol

import sqlalchemy as sa

from domain import vocabulary as v
from domain.configuration import Config
from domain.text_matching import fold
from domain.values import (
    Invalid,
    as_text,
    code_parser,
    count_parser,
    parse_date,
    parse_datetime,
    parse_day_or_month,
    parse_number,
    parse_percent,
    parse_period,
    parse_quarter,
    parse_year,
    reference_parser,
    yes_no,
)

KindName = Literal[
    "quarter",
    "period",
    "year",
    "unit",
    "area",
    "kpi",
    "measure",
    "scale",
    "assessment",
    "statement",
    "date",
    "datetime",
    "day_or_month",
    "text",
    "count0",
    "count1",
    "number",
    "percent",
    "yes_no",
    "code",
    "maturity_model",
    "level",
    "survey",
    "answer",
]
Parser = Callable[[Any], Any]
Labels = Callable[[Config], dict[str, str]]


def _same(parser: Parser) -> Callable[[Config], Parser]:
    return lambda _config: parser


@dataclass(frozen=True)
class Kind:
    """What a column holds. `codes` is set for a coded column of the vocabulary (its words, symbols)."""

    name: KindName
    parse: Callable[[Config], Parser]
    sql: Callable[[], sa.types.TypeEngine[Any]]
    format: str = "text"
    allowed: Callable[[Config], list[str]] | None = None
    labels: Labels | None = None
    codes: tuple[v.Code, ...] = ()
    free_text: bool = False  # written by people: its length is checked against the store's column

    def allowed_values(self, config: Config) -> list[str] | None:
        return None if self.allowed is None else self.allowed(config)

    def label_of(self, config: Config) -> dict[str, str]:
        """Stored code → the Swedish words shown for it (empty for an uncoded kind)."""
        return {} if self.labels is None else self.labels(config)


def coded(codes: tuple[v.Code, ...], what: str, length: int = 16) -> Kind:
    """A column of one of the vocabulary's code lists (id or Swedish word accepted, id stored)."""
    return Kind(
        "code",
        _same(code_parser(codes, what)),
        lambda: sa.String(length),
        allowed=lambda _c: [c.swedish for c in codes],
        labels=lambda _c: v.words(codes),
        codes=codes,
    )


def _configured(ids: Callable[[Config], dict[str, list[str]]], what: str, file: str) -> Callable[[Config], Parser]:
    return lambda config: reference_parser(ids(config), what, f"{config.directory}/{file}")


class _Named(Protocol):
    id: str
    name: str


def configured(name: KindName, entries: Callable[[Config], Mapping[str, _Named]], what: str, file: str) -> Kind:
    """A column naming one of the configuration's entries (a KPI, an assessment, …) by id or name; the
    template's list and the import page offer the Swedish names, the views show them."""
    return Kind(
        name,
        _configured(lambda c: {i: [e.name] for i, e in entries(c).items()}, what, file),
        lambda: sa.String(64),
        allowed=lambda c: [e.name for e in entries(c).values()],
        labels=lambda c: {i: e.name for i, e in entries(c).items()},
    )


def scaled(steps: Callable[[Config], dict[int, str]], what: str) -> Kind:
    """A step on one of the risk register's configured scales, by its number, its name, or both ("3 Sannolik");
    the number is stored, so the risk value is a product in SQL."""

    def parser(config: Config) -> Parser:
        named = steps(config)
        lookup = {fold(s): n for n, name in named.items() for s in (str(n), name, f"{n} {name}")}
        expected = f"{what} på skalan 1–{len(named)} ({config.directory}/risks.yaml): " + ", ".join(
            f"{n} {name}" for n, name in named.items()
        )

        def parse_step(raw: Any) -> int:
            text = as_text(raw)
            if text is not None and text.endswith(".0"):  # Excel's 3.0
                text = text[:-2]
            if text is None or (found := lookup.get(fold(text))) is None:
                raise Invalid(expected)
            return found

        return parse_step

    return Kind(
        "scale",
        parser,
        sa.Integer,
        "heltal på skalan i config/risks.yaml, eller stegets namn",
        allowed=lambda c: [f"{n} {name}" for n, name in steps(c).items()],
    )


def _unit_spellings(config: Config) -> dict[str, list[str]]:
    return {u.id: [u.name, *u.aliases] for u in config.organisation.units}


def _incident_day(raw: Any) -> tuple[dt.date, str, str, int]:
    """(date, precision, 'YYYY-MM', year), parsed once per distinct value."""
    day, precision = parse_day_or_month(raw)
    return day, precision, f"{day.year:04d}-{day.month:02d}", day.year


QUARTER = Kind("quarter", _same(parse_quarter), lambda: sa.String(7), "kvartal, till exempel 2025Q3")
PERIOD = Kind("period", _same(parse_period), lambda: sa.String(7), "kvartal (2025Q3) eller år (2025)")
YEAR = Kind("year", _same(parse_year), sa.Integer, "år, till exempel 2024")
UNIT = Kind(
    "unit",
    _configured(_unit_spellings, "en enhet", "organisation.yaml"),
    lambda: sa.String(64),
    allowed=lambda c: [u.name for u in c.organisation.units],
    labels=lambda c: c.unit_names,
)
AREA = Kind(
    "area",
    _configured(lambda c: {a.id: [a.name] for a in c.areas}, "ett område", "areas.yaml"),
    lambda: sa.String(64),
    allowed=lambda c: [a.name for a in c.areas],
    labels=lambda c: c.area_names,
)
KPI = configured("kpi", lambda c: c.kpis, "ett nyckeltal", "kpis.yaml")
ASSESSMENT = configured("assessment", lambda c: c.assessments, "en självskattning", "assessments.yaml")
STATEMENT = Kind(
    "statement",
    _same(as_text),
    lambda: sa.String(32),
    "påståendets id i självskattningen",
    allowed=lambda c: [s.id for a in c.assessments.values() for s in a.statements],
    free_text=True,
)
MODEL = configured("maturity_model", lambda c: c.maturity_models, "en mognadsmodell", "maturity.yaml")
LEVEL = Kind("level", _same(count_parser(1)), sa.Integer, "heltal, ett av modellens steg (1 är det första)")
SURVEY = configured("survey", lambda c: c.surveys, "en enkät", "surveys.yaml")
ANSWER = Kind(
    "answer",
    _same(as_text),
    lambda: sa.String(100),
    allowed=lambda c: list(dict.fromkeys(a for s in c.surveys.values() for a in s.scale)),
)
DATE = Kind("date", _same(parse_date), sa.Date, "datum ÅÅÅÅ-MM-DD")
DATETIME = Kind("datetime", _same(parse_datetime), sa.DateTime)
DAY_OR_MONTH = Kind("day_or_month", _same(_incident_day), sa.Date, "datum ÅÅÅÅ-MM-DD eller månad ÅÅÅÅ-MM")
TEXT = Kind("text", _same(as_text), sa.Text, free_text=True)
COUNT0 = Kind("count0", _same(count_parser(0)), sa.Integer, "heltal, 0 eller större")
COUNT1 = Kind("count1", _same(count_parser(1)), sa.Integer, "heltal, 1 eller större")
NUMBER = Kind("number", _same(parse_number), sa.Float, "tal, decimalkomma går bra")
PERCENT = Kind("percent", _same(parse_percent), sa.Float, "procent 0–100")
YES_NO = Kind("yes_no", _same(yes_no), sa.Boolean, allowed=lambda _c: ["Ja", "Nej"])

STATUS = coded(v.STATUSES, "en status", 8)
TREND = coded(v.TRENDS, "en trend", 8)
SEVERITY = coded(v.SEVERITIES, "en allvarlighetsgrad", 10)
CATEGORY = coded(v.INCIDENT_CATEGORIES, "en kategori", 24)
REC_STATUS = coded(v.RECOMMENDATION_STATUSES, "en status", 12)
RATING = coded(v.RATINGS, "en bedömning")
AUDIENCE = coded(v.AUDIENCES, "en målgrupp")
DOC_TYPE = coded(v.DOCUMENT_TYPES, "en dokumenttyp")
DOC_STATUS = coded(v.DOCUMENT_STATUSES, "en status")
FINDING = coded(v.FINDINGS, "en allvarlighetsgrad")
MEASURE = configured("measure", lambda c: c.measures, "en åtgärd (a–j)", "measures.yaml")
MEASURE_STATUS = coded(v.MEASURE_STATUSES, "en status", 16)
LIKELIHOOD = scaled(lambda c: c.risks.likelihood, "en sannolikhet")
CONSEQUENCE = scaled(lambda c: c.risks.consequence, "en konsekvens")
