"""The shape of a dataset's declaration: one value from which the store's table, validation, the
templates, the allowed-value lists, the import page's and Utforska's lists, the example data and the data
contract's column tables all follow. Each dataset is declared in a module of `domain/datasets/`.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from domain.configuration import Config
from domain.kinds import Kind

# A row rule's finding: (index of the row in the chunk, the file's column, the value shown, what was expected).
RowProblem = tuple[int, str, Any, str]
Columns = dict[str, list[Any]]


@dataclass(frozen=True)
class RowContext:
    """What the row rules need from outside the file: the configuration, the ids each declared reference
    may point to, and the registers that compute a KPI (read from the store before validation starts)."""

    config: Config
    known: dict[str, frozenset[str]] = field(default_factory=dict)
    # KPI id → unit → the register's rows for the unit and their done dates (the KPI computed from them).
    registers: dict[str, dict[str, Register]] = field(default_factory=dict)
    # Values a rule questions without refusing them (0,96 for a percentage): the controller confirms past.
    questions: list[RowProblem] = field(default_factory=list)


@dataclass(frozen=True)
class ComputedKpi:
    """A KPI a register computes for each unit it holds rows for (rates from counts): the share of the
    unit's rows whose `done` date falls on or before a period's end. Such a unit's imported values of the
    KPI are not shown; one that differs from the register by more than half a point is refused."""

    kpi: str
    done: str  # the stored date column that counts a row as done
    counted: str  # what the done rows are, in words: "system klassade"


@dataclass(frozen=True)
class Register:
    """A unit's rows in a register that computes a KPI, and their done dates (sorted; undone ones left out)."""

    rows: int
    done: tuple[dt.date, ...]
    title: str  # the register's name: "Informationsklassning"
    counted: str  # "system klassade"

    def share_by(self, end: dt.date) -> tuple[int, float]:
        """Rows done on or before `end`, and their share in per cent."""
        done = bisect_right(self.done, end)
        return done, 100.0 * done / self.rows


RowRules = Callable[[Columns, RowContext], tuple[Columns, list[RowProblem]]]


def no_rules(columns: Columns, _context: RowContext) -> tuple[Columns, list[RowProblem]]:
    """Every row stands on its own cells: nothing is checked across columns."""
    return dict(columns), []


@dataclass(frozen=True)
class Words:
    """How an import's scope names this column's values: listed up to `listed`, then counted ('12 enheter')."""

    plural: str | None = None  # None: always listed
    listed: int = 2
    lower: bool = False


@dataclass(frozen=True)
class Column:
    name: str  # the canonical header, in English
    swedish: str  # the Swedish header
    kind: Kind
    required: bool = False
    example: str = ""  # the template's example value
    stored: str | None = None  # the store's name when it differs ('id' is the row's own)
    sql: Callable[[], sa.types.TypeEngine[Any]] | None = None  # the store's type when not the kind's
    nullable: bool | None = None  # None: optional columns may be empty in the store
    words: Words | None = None  # how the scope names it; None: a range 'first–last'

    @property
    def stored_name(self) -> str:
        return self.stored or self.name


@dataclass(frozen=True)
class Stored:
    """A column the row rules derive (a quarter's year, an incident's month): stored, never in a file."""

    name: str
    sql: Callable[[], sa.types.TypeEngine[Any]]
    nullable: bool = False


@dataclass(frozen=True)
class Index:
    """An index of the dataset's table beyond those every history table has; `where` makes it partial."""

    name: str
    columns: tuple[str, ...]
    where: str | None = None


@dataclass(frozen=True)
class Reference:
    """A column whose values must already be in the store: another dataset's current ids."""

    column: str
    dataset: str
    stored_column: str  # the other dataset's stored column holding the ids
    expected: str  # the Swedish sentence when an id is not there


@dataclass(frozen=True)
class Counts:
    """A derived table of sums kept by every batch that writes the dataset, so no view scans its rows:
    `total` summed and rows counted per cell of `dimensions`. The preview of an import compares these sums
    per `preview_keys` (the rows themselves have no figure to compare)."""

    table: str
    dimensions: tuple[str, ...]
    total: str
    total_as: str
    preview_keys: tuple[str, ...]
    noun: str  # what the total counts, in the preview's words
    index_name: str = ""
    indexes: tuple[Index, ...] = ()  # beyond the covering one: a question the cells answer often


@dataclass(frozen=True)
class Measure:
    id: str
    label: str
    expression: Callable[[sa.Table], sa.ColumnElement[Any]]
    unit: str  # 'count', 'percent' or 'number'


@dataclass(frozen=True)
class Explore:
    """What Utforska offers for the dataset: measures, and the columns it may group and filter by."""

    measures: tuple[Measure, ...]
    dimensions: dict[str, str]  # stored column → Swedish label
    from_counts: bool = False  # read the declared counts, not the rows


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    position: int  # its place in every list (an import needs a referenced dataset first)
    columns: tuple[Column, ...]
    scope: tuple[str, ...]  # the stored columns one import replaces
    scope_text: str
    keys: tuple[str, ...]  # the file's columns that identify a row (unique within a file)
    period_column: str | None = None
    stored: tuple[Stored, ...] = ()
    indexes: tuple[Index, ...] = ()
    rules: RowRules = no_rules
    references: tuple[Reference, ...] = ()
    counts: Counts | None = None
    explore: Explore | None = None
    match_scope_on_columns: bool = False  # rows imported under an older scope key are found by their columns
    value_unit: Callable[[tuple[Any, ...], Config], str | None] | None = None  # the preview's unit of `value`
    computes: ComputedKpi | None = None  # a register that computes a KPI for the units it holds

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def stored_name(self, column: str) -> str:
        """The store's name of a file's column."""
        return next((c.stored_name for c in self.columns if c.name == column), column)

    def in_file(self, stored: str) -> str:
        """The file's name of a store's column."""
        return next((c.name for c in self.columns if c.stored_name == stored), stored)

    def kind_of(self, stored: str) -> Kind | None:
        return next((c.kind for c in self.columns if c.stored_name == stored), None)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    @property
    def example_file(self) -> str:
        return f"{self.name}.csv"
