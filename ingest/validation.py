"""Validation of a whole file, chunk by chunk, reporting every problem at once.

Columns are parsed one at a time with a cache of distinct values, so a million incident rows with a
few thousand distinct dates, units and codes cost one dictionary lookup per cell. Nothing here writes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import sqlalchemy as sa

from domain.datasets import DATASETS, Dataset
from domain.declarations import Columns, RowContext
from domain.text_matching import fold
from domain.values import STRIPPED, UNCOMPUTED_EXPECTED, Invalid, Uncomputed, as_text
from ingest import columnar
from store.schema import DATASET_TABLES

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


class _Bad:
    __slots__ = ("expected",)

    def __init__(self, expected: str) -> None:
        self.expected = expected


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
    context: RowContext
    header: Sequence[Any]
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    warnings: list[str] = field(default_factory=list)
    questioned: list[Problem] = field(default_factory=list)  # values the rules question; importable
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
        texts = {c.stored_name for c in self.dataset.columns if c.kind.free_text}
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
        config = self.context.config
        self._parsers = {name: self.dataset.column(name).kind.parse(config) for name in self._positions}
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
        """`check` for a block read as columns (ingest.columnar): each distinct value parsed once."""
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
            for values in (store[c] for c in self.dataset.scope)
        ]
        keys = list(map("|".join, zip(*scope_columns, strict=True)))
        store["scope_key"] = keys
        self.scope.update(keys)
        store["source_row"] = numbers
        self.rows_valid += len(numbers)
        return store

    def _rules(self, parsed: Columns, numbers: list[int]) -> Columns:
        """The dataset's declared rules across columns, its references, stored lengths and unique keys;
        the store's columns, under their stored names."""
        shaped, row_problems = self.dataset.rules(parsed, self.context)
        for reference in self.dataset.references:
            known = self.context.known.get(reference.column, frozenset())
            row_problems += [
                (i, reference.column, value, reference.expected)
                for i, value in enumerate(shaped[reference.column])
                if value not in known
            ]
        for i, column, value, expected in row_problems:
            self._add(Problem(numbers[i], self._label(column), None if value is None else str(value), expected))
        for i, column, value, question in self.context.questions:
            if len(self.questioned) < MAX_PROBLEMS_KEPT:
                self.questioned.append(Problem(numbers[i], self._label(column), str(value), question))
        self.context.questions.clear()
        store = {self.dataset.stored_name(name): values for name, values in shaped.items()}
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
        """The file's own header for a column, given by its canonical or stored name."""
        name = self.dataset.in_file(column)
        return self._labels.get(name, name)

    def _is_free_text(self, name: str) -> bool:
        column = self.dataset.column(name)
        return column.kind.free_text and not column.required

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
        key_columns = self.dataset.keys
        columns = [store[self.dataset.stored_name(c)] for c in key_columns]
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


def column_letter(index: int) -> str:
    """0 → 'A', 25 → 'Z', 26 → 'AA': the column as Excel names it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
