"""Validation of a whole file, chunk by chunk, reporting every problem at once.

Columns are parsed one at a time with a cache of distinct values, so a million incident rows with a
few thousand distinct dates, units and codes cost one dictionary lookup per cell. Nothing here writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import sqlalchemy as sa

import domain.vocabulary as v
from data_sources import columnar
from data_sources.schema import DATASET_TABLES
from data_sources.values import (
    STRIPPED,
    UNCOMPUTED_EXPECTED,
    Invalid,
    Uncomputed,
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
from domain import datasets as ds
from domain.configuration import Config
from domain.datasets import DATASETS, Dataset
from domain.formatting import swedish_date
from domain.text_matching import fold

MAX_PROBLEMS_KEPT = 1000
_CACHE_LIMIT = 100_000


@dataclass(frozen=True)
class Problem:
    """One reason a file cannot be imported, placed as the user sees the file in Excel."""

    row: int | None
    column: str | None
    value: str | None
    expected: str

    def text(self, source: str) -> str:
        where = ", ".join(
            part
            for part in (source, f"rad {self.row}" if self.row else "", f"kolumn {self.column}" if self.column else "")
            if part
        )
        if self.value is not None:
            return f"{where}: värdet '{self.value}' går inte att använda; förväntat {self.expected}"
        return f"{where}: {self.expected}"


@dataclass
class Context:
    """What validation needs from outside the file: the configuration and the store's known ids."""

    config: Config
    known_recommendations: frozenset[str] = frozenset()


class _Bad:
    __slots__ = ("expected",)

    def __init__(self, expected: str) -> None:
        self.expected = expected


def parsers_for(config: Config) -> dict[str, Callable[[Any], Any]]:
    """One parser per column kind, built from the configuration at hand."""
    units = {u.id: [u.name, *u.aliases] for u in config.organisation.units}
    areas = {a.id: [a.name] for a in config.areas}
    kpis = {k.id: [k.name] for k in config.kpis.values()}
    assessments = {a.id: [a.name] for a in config.assessments.values()}
    models = {m.id: [m.name] for m in config.maturity_models.values()}
    surveys = {s.id: [s.name] for s in config.surveys.values()}
    where = config.directory
    return {
        ds.QUARTER: parse_quarter,
        ds.PERIOD: parse_period,
        ds.YEAR: parse_year,
        ds.UNIT: reference_parser(units, "en enhet", f"{where}/organisation.yaml"),
        ds.AREA: reference_parser(areas, "ett område", f"{where}/areas.yaml"),
        ds.KPI: reference_parser(kpis, "ett nyckeltal", f"{where}/kpis.yaml"),
        ds.ASSESSMENT: reference_parser(assessments, "en självskattning", f"{where}/assessments.yaml"),
        ds.DATE: parse_date,
        ds.DATETIME: parse_datetime,
        ds.DAY_OR_MONTH: _incident_day,
        ds.TEXT: as_text,
        ds.STATEMENT: as_text,
        ds.COUNT0: count_parser(0),
        ds.COUNT1: count_parser(1),
        ds.NUMBER: parse_number,
        ds.PERCENT: parse_percent,
        ds.YES_NO: yes_no,
        ds.STATUS: code_parser(v.STATUSES, "en status"),
        ds.TREND: code_parser(v.TRENDS, "en trend"),
        ds.SEVERITY: code_parser(v.SEVERITIES, "en allvarlighetsgrad"),
        ds.CATEGORY: code_parser(v.INCIDENT_CATEGORIES, "en kategori"),
        ds.REC_STATUS: code_parser(v.RECOMMENDATION_STATUSES, "en status"),
        ds.RATING: code_parser(v.RATINGS, "en bedömning"),
        ds.AUDIENCE: code_parser(v.AUDIENCES, "en målgrupp"),
        ds.DOC_TYPE: code_parser(v.DOCUMENT_TYPES, "en dokumenttyp"),
        ds.DOC_STATUS: code_parser(v.DOCUMENT_STATUSES, "en status"),
        ds.MODEL: reference_parser(models, "en mognadsmodell", f"{where}/maturity.yaml"),
        ds.LEVEL: count_parser(1),
        ds.SURVEY: reference_parser(surveys, "en enkät", f"{where}/surveys.yaml"),
        ds.ANSWER: as_text,
        ds.FINDING: code_parser(v.FINDINGS, "en allvarlighetsgrad"),
    }


def _incident_day(raw: Any) -> tuple[dt.date, str, str, int]:
    """(date, precision, 'YYYY-MM', year), parsed once per distinct value."""
    day, precision = parse_day_or_month(raw)
    return day, precision, f"{day.year:04d}-{day.month:02d}", day.year


def header_aliases(dataset: Dataset) -> dict[str, str]:
    """Folded header spelling → canonical column name (English and Swedish both accepted)."""
    aliases: dict[str, str] = {}
    for column in dataset.columns:
        aliases[fold(column.name)] = column.name
        aliases[fold(column.swedish)] = column.name
    return aliases


def looks_like_dataset(header: Sequence[str], other_than: str) -> str | None:
    """The dataset whose required columns the header holds, when it is not the one chosen."""
    folded = {fold(h) for h in header if h}
    for name, dataset in DATASETS.items():
        if name == other_than:
            continue
        aliases = header_aliases(dataset)
        present = {aliases[h] for h in folded if h in aliases}
        if set(dataset.required) <= present:
            return name
    return None


@dataclass
class Validator:
    """Validates one file of one dataset; feed it chunks, then read `problems` and `scope`."""

    dataset: Dataset
    context: Context
    header: Sequence[Any]
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    warnings: list[str] = field(default_factory=list)
    scope: set[str] = field(default_factory=set)
    rows_valid: int = 0
    rows_seen: int = 0
    _positions: dict[str, int] = field(default_factory=dict)
    _labels: dict[str, str] = field(default_factory=dict)
    _parsers: dict[str, Callable[[Any], Any]] = field(default_factory=dict)
    _caches: dict[str, dict[Any, Any]] = field(default_factory=dict)
    _seen_keys: dict[Any, int] = field(default_factory=dict)
    _unnamed: list[int] = field(default_factory=list)
    _lengths: dict[str, int] = field(default_factory=dict)
    _bad_rows: set[int] = field(default_factory=set)  # rows of the current chunk with a bad cell

    def __post_init__(self) -> None:
        aliases = header_aliases(self.dataset)
        # The store's text columns and their lengths: a longer value is an error here, on every database,
        # never a failure of the insert on PostgreSQL after `check` said the file was fine.
        # Coded columns are checked by their parsers; only text written by people can be too long.
        texts = {self.dataset.stored(c.name) for c in self.dataset.columns if c.kind in (ds.TEXT, ds.STATEMENT)}
        self._lengths = {
            c.name: c.type.length
            for c in DATASET_TABLES[self.dataset.name].c
            if c.name in texts and isinstance(c.type, sa.String) and c.type.length
        }
        for index, raw in enumerate(self.header):
            label = as_text(raw)
            if label is None:
                self._unnamed.append(index)
                continue
            canonical = aliases.get(fold(label))
            if canonical is None:
                self.warnings.append(f"Kolumnen '{label}' är okänd för {self.dataset.name} och hoppas över.")
            elif canonical in self._positions:
                self._add(Problem(1, label, None, f"kolumnen finns två gånger (också '{self._labels[canonical]}')"))
            else:
                self._positions[canonical] = index
                self._labels[canonical] = label
        missing = [c for c in self.dataset.required if c not in self._positions]
        for name in missing:
            column = self.dataset.column(name)
            self._add(Problem(1, None, None, f"kolumnen '{column.swedish}' ({column.name}) saknas och är obligatorisk"))
        if missing:
            other = looks_like_dataset([as_text(h) or "" for h in self.header], self.dataset.name)
            if other:
                self._add(
                    Problem(
                        1,
                        None,
                        None,
                        f"rubrikerna ser ut att höra till datamängden '{other}', inte '{self.dataset.name}'",
                    )
                )
        kinds = parsers_for(self.context.config)
        self._parsers = {name: kinds[self.dataset.column(name).kind] for name in self._positions}
        self._caches = {name: {} for name in self._positions}

    @property
    def header_ok(self) -> bool:
        return self.problem_count == 0

    def _add(self, problem: Problem) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS_KEPT:
            self.problems.append(problem)

    def check(self, chunk: Sequence[tuple[int, Sequence[Any]]]) -> dict[str, list[Any]] | None:
        """Validate rows (Excel row number, cells); the store's columns when all rows are good."""
        rows = _rows_with_content(chunk)
        if not rows or not self._positions:
            return None
        errors_before = self.problem_count
        self._bad_rows = set()
        self.rows_seen += len(rows)
        numbers = [n for n, _ in rows]
        all_cells = [cells for _, cells in rows]
        for index in list(self._unnamed):
            first = next((n for n, cells in rows if index < len(cells) and as_text(cells[index]) is not None), None)
            if first is not None:
                self._warn_unnamed(index, first)
        header_width = len(self.header)
        widths = set(map(len, all_cells))
        for n, cells in rows if max(widths) > header_width else ():
            if len(cells) > header_width and any(as_text(c) is not None for c in cells[header_width:]):
                self._bad_rows.add(n)
                self._add(
                    Problem(
                        n,
                        None,
                        None,
                        (
                            f"lika många fält som rubrikraden ({header_width}), men raden har {len(cells)}; "
                            "kontrollera avgränsaren och att tal med decimalkomma står inom citattecken"
                        ),
                    )
                )
        parsed: dict[str, list[Any]] = {}
        full_width = min(widths) > max(self._positions.values())
        for name, index in self._positions.items():
            if full_width:  # the usual case: every row has every column
                values = list(map(itemgetter(index), all_cells))
            else:
                values = [cells[index] if index < len(cells) else None for cells in all_cells]
            parsed[name] = self._parse_column(name, values, numbers)
        return self._finish(parsed, numbers, errors_before)

    def check_columns(self, numbers: list[int], columns: Sequence[pa.Array]) -> dict[str, list[Any]] | None:
        """`check` for a block read as columns (data_sources.columnar): each distinct value parsed once."""
        blank = columnar.blank_rows(columns)
        if blank is not None:
            keep = pa.array(~blank)
            numbers = [n for n, kept in zip(numbers, keep.to_pylist(), strict=True) if kept]
            columns = [pc.filter(column, keep, memory_pool=columnar.POOL) for column in columns]
        if not numbers or not self._positions:
            return None
        errors_before = self.problem_count
        self._bad_rows = set()
        self.rows_seen += len(numbers)
        for index in list(self._unnamed):
            if index < len(columns):
                cells = columns[index].to_pylist()
                first = next((n for n, cell in zip(numbers, cells, strict=True) if as_text(cell) is not None), None)
                if first is not None:
                    self._warn_unnamed(index, first)
        parsed: dict[str, list[Any]] = {}
        for name, index in self._positions.items():
            if self._is_free_text(name):
                parsed[name] = columnar.free_text(columns[index])
                continue
            distinct, codes = columnar.distinct_values(columns[index])
            per_value = [self._parsed(name, raw) for raw in distinct]
            required = self.dataset.column(name).required
            bad = [c for c, item in enumerate(per_value) if item.__class__ is _Bad or (required and item is None)]
            for i in columnar.rows_with_codes(codes, bad):
                self._report(name, per_value[codes[i]], distinct[codes[i]], numbers[i])
            parsed[name] = columnar.spread(per_value, codes)
        return self._finish(parsed, numbers, errors_before)

    def _finish(
        self, parsed: dict[str, list[Any]], numbers: list[int], errors_before: int
    ) -> dict[str, list[Any]] | None:
        """Rules across columns, keys and scope, once every column is parsed; None if a row is bad.

        A row with a bad cell skips the rules across columns (they need its cells); every other row is
        still checked, so one bad cell never hides another row's error.
        """
        for column in self.dataset.columns:
            parsed.setdefault(column.name, [None] * len(numbers))
        if self.problem_count > errors_before:
            good = [i for i, n in enumerate(numbers) if n not in self._bad_rows]
            if good:
                self._rules({k: [v[i] for i in good] for k, v in parsed.items()}, [numbers[i] for i in good])
            return None
        store = self._rules(parsed, numbers)
        if self.problem_count > errors_before:
            return None
        scope_columns = [
            values if values[0].__class__ is str else list(map(str, values))
            for values in (store[c] for c in self.dataset.scope_columns)
        ]
        keys = list(map("|".join, zip(*scope_columns, strict=True)))
        store["scope_key"] = keys
        self.scope.update(keys)
        store["source_row"] = numbers
        self.rows_valid += len(numbers)
        return store

    def _rules(self, parsed: dict[str, list[Any]], numbers: list[int]) -> dict[str, list[Any]]:
        """The dataset's rules across columns, stored lengths and unique keys: the store's columns."""
        store, row_problems = _SHAPERS[self.dataset.name](parsed, self.context)
        for i, column, value, expected in row_problems:
            self._add(Problem(numbers[i], self._label(column), value, expected))
        self._check_lengths(store, numbers)
        self._check_keys(store, numbers)
        return store

    def _warn_unnamed(self, index: int, row: int) -> None:
        """Data under a header cell left empty is not read; say so, naming the column as Excel does."""
        self._unnamed.remove(index)
        self.warnings.append(
            f"Kolumn {column_letter(index)} saknar rubrik men har värden (första på rad {row}); de lästes inte. "
            "Skriv en rubrik eller ta bort värdena."
        )

    def _check_lengths(self, store: dict[str, list[Any]], numbers: list[int]) -> None:
        for name, length in self._lengths.items():
            values = store.get(name)
            if not values:
                continue
            if max(map(len, filter(None, values)), default=0) <= length:  # text or None: the usual case, in C
                continue
            for i, value in enumerate(values):
                if value.__class__ is str and len(value) > length:
                    shown = value if len(value) <= 60 else f"{value[:57]}…"
                    self._add(
                        Problem(
                            numbers[i],
                            self._label(name),
                            shown,
                            f"högst {length} tecken; värdet har {len(value)}. Korta texten",
                        )
                    )

    def _label(self, column: str) -> str:
        return self._labels.get(column, column)

    def _is_free_text(self, name: str) -> bool:
        column = self.dataset.column(name)
        return column.kind == ds.TEXT and not column.required

    def _parsed(self, name: str, raw: Any) -> Any:
        """The parsed value, None for a blank cell, or _Bad; remembered per column and distinct value."""
        cache = self._caches[name]
        if raw in cache:
            return cache[raw]
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        if as_text(raw) is None:
            result: Any = None
        elif isinstance(raw, Uncomputed):
            result = _Bad(UNCOMPUTED_EXPECTED.format(formula=raw.formula))
        else:
            try:
                result = self._parsers[name](raw)
            except Invalid as exc:
                result = _Bad(exc.expected)
        cache[raw] = result
        return result

    def _report(self, name: str, item: Any, raw: Any, row: int) -> None:
        if item is None:
            if self.dataset.column(name).required:
                self._bad_rows.add(row)
                self._add(Problem(row, self._labels[name], None, "ett värde: kolumnen är obligatorisk"))
        elif item.__class__ is _Bad:
            self._bad_rows.add(row)
            self._add(Problem(row, self._labels[name], as_text(raw), item.expected))

    def _parse_column(self, name: str, values: list[Any], numbers: list[int]) -> list[Any]:
        if self._is_free_text(name):  # nothing to parse, nothing worth caching; text is kept as written
            if set(map(type, values)) == {str}:  # as CSV gives them
                return [text if text.strip(STRIPPED) else None for text in values]
            out = [(v if v.strip(STRIPPED) else None) if v.__class__ is str else as_text(v) for v in values]
            for i, value in enumerate(values):
                if value.__class__ is Uncomputed:  # a formula never calculated is no text to store
                    self._report(name, _Bad(UNCOMPUTED_EXPECTED.format(formula=value.formula)), value, numbers[i])
            return out
        distinct = set(values)  # few distinct values; rows are many
        per_value = {raw: self._parsed(name, raw) for raw in distinct}
        out = list(map(per_value.__getitem__, values))
        outcomes = set(map(type, per_value.values()))
        if _Bad not in outcomes and not (self.dataset.column(name).required and type(None) in outcomes):
            return out
        for i, item in enumerate(out):
            self._report(name, item, values[i], numbers[i])
        return out

    def _check_keys(self, store: dict[str, list[Any]], numbers: list[int]) -> None:
        key_columns = self.dataset.key_columns
        columns = [store[self.dataset.stored(c)] for c in key_columns]
        seen = self._seen_keys
        keys = columns[0] if len(columns) == 1 else list(zip(*columns, strict=True))
        fresh = dict(zip(keys, numbers, strict=True))
        if len(fresh) == len(keys) and seen.keys().isdisjoint(fresh):  # the usual case: no key seen twice
            seen.update(fresh)
            return
        for i, key in enumerate(keys):
            if (key if len(columns) == 1 else key[0]) is None:
                continue
            first = seen.setdefault(key, numbers[i])
            if first != numbers[i]:
                names = ", ".join(self.dataset.column(c).swedish for c in key_columns)
                self._add(
                    Problem(
                        numbers[i],
                        self._label(key_columns[-1]),
                        None,
                        f"en unik rad per {names}; samma som rad {first}",
                    )
                )


def _rows_with_content(chunk: Sequence[tuple[int, Sequence[Any]]]) -> Sequence[tuple[int, Sequence[Any]]]:
    """The chunk without its blank rows; usually every row's first cell has text, and then that is all."""
    firsts = {cells[0] if cells else None for _, cells in chunk}
    if all(first.__class__ is str and first.strip(STRIPPED) for first in firsts):
        return chunk
    return [(n, cells) for n, cells in chunk if _has_content(cells)]


def _has_content(cells: Sequence[Any]) -> bool:
    """False for a blank row; rows stay numbered as in Excel, blank ones are just not validated."""
    for cell in cells:
        if cell.__class__ is str:
            if cell.strip(STRIPPED):
                return True
        elif cell is not None and as_text(cell) is not None:
            return True
    return False


RowProblem = tuple[int, str, str | None, str]
Shaper = Callable[[dict[str, list[Any]], Context], tuple[dict[str, list[Any]], list[RowProblem]]]


def _year_and_quarter(periods: list[str]) -> tuple[list[int], list[int | None]]:
    years = [int(p[:4]) for p in periods]
    quarters = [int(p[5]) if len(p) == 6 else None for p in periods]
    return years, quarters


def _shape_status(p: dict[str, list[Any]], _: Context) -> tuple[dict[str, list[Any]], list[RowProblem]]:
    years, quarters = _year_and_quarter(p["period"])
    store = {k: p[k] for k in ("period", "unit", "area", "status", "trend", "comment")}
    store.update(year=years, quarter=quarters)
    return store, []


def _shape_kpis(p: dict[str, list[Any]], ctx: Context) -> tuple[dict[str, list[Any]], list[RowProblem]]:
    problems: list[RowProblem] = []
    values: list[float | None] = []
    for i, kpi_id in enumerate(p["kpi"]):
        kpi = ctx.config.kpis[kpi_id]
        value, numerator, denominator = p["value"][i], p["numerator"][i], p["denominator"][i]
        if (numerator is None) != (denominator is None):
            problems.append(
                (
                    i,
                    "numerator" if numerator is None else "denominator",
                    None,
                    "både täljare och nämnare, eller ingen av dem",
                )
            )
        elif numerator is not None:
            if kpi.unit != "percent":
                problems.append(
                    (
                        i,
                        "numerator",
                        None,
                        f"inget: täljare och nämnare gäller bara procenttal, "
                        f"och {kpi.id} anges som {kpi.unit}; skriv värdet i kolumnen värde",
                    )
                )
            elif denominator == 0 or numerator > denominator:
                problems.append(
                    (i, "denominator", str(denominator), "en nämnare större än 0 och inte mindre än täljaren")
                )
            else:
                computed = 100.0 * numerator / denominator
                if value is not None and abs(computed - value) > 0.5:
                    problems.append(
                        (
                            i,
                            "value",
                            _swedish_number(value),
                            f"samma värde som täljare/nämnare ger ({_swedish_number(round(computed, 1))} %)",
                        )
                    )
                value = computed
        if value is None and numerator is None:
            problems.append((i, "value", None, "ett värde, eller täljare och nämnare"))
        elif value is not None and kpi.unit == "percent" and not 0 <= value <= 100:
            problems.append((i, "value", _swedish_number(value), "en procentsats mellan 0 och 100"))
        elif value is not None and value < 0:
            problems.append((i, "value", _swedish_number(value), "ett värde som är 0 eller större"))
        values.append(value)
    years, quarters = _year_and_quarter(p["period"])
    store = {k: p[k] for k in ("period", "unit", "kpi", "numerator", "denominator", "comment")}
    store.update(value=values, year=years, quarter=quarters)
    return store, problems


def _shape_incidents(p: dict[str, list[Any]], _: Context) -> tuple[dict[str, list[Any]], list[RowProblem]]:
    days, precisions, months, years = (list(c) for c in zip(*p["date"], strict=True))
    problems: list[RowProblem] = []
    for column in ("report_date", "resolved_date"):
        for i, later in enumerate(p[column]):
            if later is not None and later < days[i]:
                problems.append(
                    (
                        i,
                        column,
                        later.isoformat(),
                        f"ett datum som inte är före incidentens datum ({days[i].isoformat()})",
                    )
                )
    store = {
        k: p[k]
        for k in (
            "unit",
            "severity",
            "category",
            "reference",
            "title",
            "reported_to_authority",
            "incident_manager",
            "responsible_manager",
            "report_date",
            "resolved_date",
        )
    }
    reports = ("early_warning_at", "notification_at", "final_report_at", "imy_reported_at")
    detected_at = p["detected_at"]
    timed = detected_at.count(None) != len(detected_at)  # most files give no times: no loop over them
    for column in reports if timed else ():
        for i, (detected, reported) in enumerate(zip(detected_at, p[column], strict=True)):
            if detected is not None and reported is not None and reported < detected:
                seen = detected.strftime("%Y-%m-%d %H:%M")
                problems.append(
                    (i, column, reported.strftime("%Y-%m-%d %H:%M"), f"en tidpunkt efter upptäckten ({seen})")
                )
    store.update({k: p[k] for k in ("detected_at", "significant", *reports)})
    store.update(
        date=days,
        date_precision=precisions,
        month=months,
        year=years,
        count=[1 if c is None else c for c in p["count"]],
    )
    return store, problems


def _shape_recommendations(p: dict[str, list[Any]], _: Context) -> tuple[dict[str, list[Any]], list[RowProblem]]:
    store = {k: p[k] for k in p if k != "id"}
    store["recommendation_id"] = p["id"]
    return store, []


def _shape_updates(p: dict[str, list[Any]], ctx: Context) -> tuple[dict[str, list[Any]], list[RowProblem]]:
    known = ctx.known_recommendations
    problems: list[RowProblem] = [
        (
            i,
            "recommendation_id",
            rec,
            "id på en rekommendation som redan är importerad (importera rekommendationerna först)",
        )
        for i, rec in enumerate(p["recommendation_id"])
        if rec not in known
    ]
    return dict(p), problems


def _shape_self_assessments(p: dict[str, list[Any]], ctx: Context) -> tuple[dict[str, list[Any]], list[RowProblem]]:
    problems: list[RowProblem] = []
    statements: list[str | None] = []
    for i, (assessment_id, statement, rating) in enumerate(
        zip(p["assessment"], p["statement"], p["rating"], strict=True)
    ):
        assessment = ctx.config.assessments[assessment_id]
        ids = {s.id.casefold(): s.id for s in assessment.statements}
        found = ids.get(statement.casefold())
        if found is None:
            sample = ", ".join(s.id for s in assessment.statements[:3])
            problems.append((i, "statement", statement, f"ett påstående i {assessment.name} ({sample} …)"))
        if rating not in assessment.scale:
            problems.append((i, "rating", rating, f"en bedömning på skalan för {assessment.name}"))
        statements.append(found)
    store = dict(p)
    store["statement"] = statements
    return store, problems


def _shape_phishing(p: dict[str, list[Any]], _: Context) -> tuple[dict[str, list[Any]], list[RowProblem]]:
    """Clicks and reports are counted among the recipients; hours are not negative."""
    problems: list[RowProblem] = []
    for i, (recipients, clicked, reported) in enumerate(zip(p["recipients"], p["clicked"], p["reported"], strict=True)):
        if clicked > recipients:
            problems.append((i, "clicked", clicked, f"högst antalet mottagare ({recipients})"))
        if reported is not None and reported > recipients:
            problems.append((i, "reported", reported, f"högst antalet mottagare ({recipients})"))
    for column in ("planned_hours", "actual_hours"):
        problems += [
            (i, column, h, "ett antal timmar, 0 eller mer") for i, h in enumerate(p[column]) if h is not None and h < 0
        ]
    return dict(p), problems


def _shape_training(p: dict[str, list[Any]], _: Context) -> tuple[dict[str, list[Any]], list[RowProblem]]:
    """Those who completed a course are counted among its audience."""
    problems: list[RowProblem] = [
        (i, "completed", done, f"högst antalet i målgruppen ({total})")
        for i, (total, done) in enumerate(zip(p["population"], p["completed"], strict=True))
        if done > total
    ]
    store = dict(p)
    store["year"] = [int(period[:4]) for period in p["period"]]  # a year or a quarter: sorted by its year
    return store, problems


def _shape_documents(p: dict[str, list[Any]], _: Context) -> tuple[dict[str, list[Any]], list[RowProblem]]:
    """A document is revised after it is decided, never before."""
    problems: list[RowProblem] = [
        (
            i,
            "next_revision",
            swedish_date(revision),
            f"ett datum från beslutsdatumet ({swedish_date(decided)}) och framåt",
        )
        for i, (decided, revision) in enumerate(zip(p["decided_date"], p["next_revision"], strict=True))
        if decided is not None and revision is not None and revision < decided
    ]
    store = {k: v for k, v in p.items() if k != "id"}
    store["document_id"] = p["id"]
    return store, problems


def _shape_classifications(p: dict[str, list[Any]], _: Context) -> tuple[dict[str, list[Any]], list[RowProblem]]:
    """Each step is dated on its own: a system may be classified and not yet analysed."""
    return dict(p), []


def _shape_maturity(p: dict[str, list[Any]], ctx: Context) -> tuple[dict[str, list[Any]], list[RowProblem]]:
    """A level is one of the model's steps."""
    problems: list[RowProblem] = []
    for i, (model_id, level) in enumerate(zip(p["model"], p["level"], strict=True)):
        model = ctx.config.maturity_models[model_id]
        if level > len(model.steps):
            problems.append((i, "level", level, f"ett av stegen 1–{len(model.steps)} i {model.name}"))
    return dict(p), problems


def _shape_surveys(p: dict[str, list[Any]], ctx: Context) -> tuple[dict[str, list[Any]], list[RowProblem]]:
    """An answer is one of the survey's options, stored as the configuration spells it."""
    problems: list[RowProblem] = []
    answers: list[str | None] = []
    for i, (survey_id, answer) in enumerate(zip(p["survey"], p["answer"], strict=True)):
        survey = ctx.config.surveys[survey_id]
        found = next((option for option in survey.scale if fold(option) == fold(answer)), None)
        if found is None:
            problems.append((i, "answer", answer, f"ett svarsalternativ i {survey.name} ({', '.join(survey.scale)})"))
        answers.append(found)
    store = dict(p)
    store["answer"] = answers
    return store, problems


def _shape_accessibility(p: dict[str, list[Any]], _: Context) -> tuple[dict[str, list[Any]], list[RowProblem]]:
    """Failed criteria are among those tested, deficient videos among those reviewed; a finding needs a failure."""
    problems: list[RowProblem] = []
    for i, (tested, failed) in enumerate(zip(p["criteria_tested"], p["criteria_failed"], strict=True)):
        if failed > tested:
            problems.append((i, "criteria_failed", failed, f"högst antalet testade kriterier ({tested})"))
    for i, (reviewed, deficient) in enumerate(zip(p["videos_reviewed"], p["videos_deficient"], strict=True)):
        if deficient is not None and (reviewed is None or deficient > reviewed):
            expected = f"högst antalet granskade filmer ({reviewed if reviewed is not None else 'tomt'})"
            problems.append((i, "videos_deficient", deficient, expected))
    return dict(p), problems


_SHAPERS: dict[str, Shaper] = {
    "status": _shape_status,
    "kpis": _shape_kpis,
    "incidents": _shape_incidents,
    "recommendations": _shape_recommendations,
    "recommendation_updates": _shape_updates,
    "self_assessments": _shape_self_assessments,
    "phishing_campaigns": _shape_phishing,
    "training": _shape_training,
    "documents": _shape_documents,
    "classifications": _shape_classifications,
    "maturity": _shape_maturity,
    "survey_results": _shape_surveys,
    "accessibility_reviews": _shape_accessibility,
}


def _swedish_number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def column_letter(index: int) -> str:
    """0 → 'A', 25 → 'Z', 26 → 'AA': the column as Excel names it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
