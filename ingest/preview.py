"""What an import would replace, shown before it is confirmed: per key the old and the new value.

A key is what identifies a figure in the dataset (quarter × unit × area for a status, quarter × unit ×
KPI for a key figure, …); for incidents, which have no such key, it is the month × unit and the value is
the number of incidents. Keys whose values are the same are counted, not listed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from domain.configuration import Config
from domain.datasets import DATASETS
from domain.declarations import Dataset
from domain.formatting import swedish_date, swedish_decimal, swedish_int, swedish_value
from domain.vocabulary import words
from store.schema import DATASET_TABLES, counts_of, visible_as_of

LISTED = 50


def key_columns(dataset: Dataset) -> tuple[str, ...]:
    """The store's columns that identify a figure (a dataset with declared counts: the counts' keys)."""
    if dataset.counts is not None:
        return dataset.counts.preview_keys
    return tuple(dataset.stored_name(c) for c in dataset.keys)


def value_columns(dataset: Dataset, table: sa.Table) -> tuple[str, ...]:
    """The store's columns whose values are compared: the dataset's columns that are not part of the key."""
    if dataset.counts is not None:
        return (dataset.counts.total,)
    keys = set(key_columns(dataset))
    named = [c.stored_name for c in dataset.columns]
    return tuple(c for c in named if c not in keys and c in table.c)


@dataclass
class Preview:
    """The replaced figures: the first LISTED changes in key order, and how many keys of each kind."""

    dataset: str
    changes: list[tuple[tuple[Any, ...], tuple[Any, ...], tuple[Any, ...]]] = field(default_factory=list)
    changed: int = 0
    unchanged: int = 0
    added: int = 0
    removed: int = 0
    rows_current: int = 0  # the store's current rows in the scope: what an import would replace

    def rows(self, config: Config) -> list[tuple[str, str]]:
        """(what, old → new) per listed change, in Swedish."""
        dataset = DATASETS[self.dataset]
        columns = value_columns(dataset, DATASET_TABLES[self.dataset])
        out = []
        for key, old, new in self.changes:
            unit = None if dataset.value_unit is None else dataset.value_unit(key, config)
            out.append((_key_text(dataset, key, config), _values_text(dataset, columns, old, new, unit)))
        return out

    def counts(self) -> str:
        counts = [
            f"{swedish_int(self.changed)} ändras",
            f"{swedish_int(self.unchanged)} är oförändrade",
            f"{swedish_int(self.added)} är nya",
        ]
        if self.removed:
            counts.append(f"{swedish_int(self.removed)} finns inte i filen och tas ur bruk")
        return "Av det filen omfattar: " + ", ".join(counts) + "."

    def lines(self, config: Config) -> list[str]:
        """The preview in Swedish, one line per changed key, then the counts (the command line's `check`)."""
        out = [f"{what}: {change}" for what, change in self.rows(config)]
        if self.changed > len(self.changes):
            out.append(f"… och {swedish_int(self.changed - len(self.changes))} ändrade till.")
        return [*out, self.counts()]


def collect(store: dict[str, list[Any]], dataset: Dataset, table: sa.Table, into: dict[Any, Any]) -> None:
    """Remember a validated chunk's values per key (declared counts: the sum per their keys)."""
    keys = list(zip(*(store[c] for c in key_columns(dataset)), strict=True))
    if dataset.counts is not None:
        for key, count in zip(keys, store[dataset.counts.total], strict=True):
            into[key] = into.get(key, 0) + count
        return
    values = list(zip(*(store[c] for c in value_columns(dataset, table)), strict=True))
    into.update(zip(keys, values, strict=True))


def compare(
    connection: sa.Connection,
    dataset: Dataset,
    in_scope: list[sa.ColumnElement[bool]],
    new: dict[Any, Any],
) -> Preview:
    """The current rows in the import's scope (given in parts, to keep each statement small, on the table
    `compared_table` names) against the file's."""
    preview = Preview(dataset.name)
    old = {}
    for part in in_scope:
        for key, value, rows in _current(connection, dataset, part):
            old[key] = value
            preview.rows_current += rows
    for key in sorted(set(old) | set(new), key=_sortable):
        if key not in old:
            preview.added += 1
        elif key not in new:
            preview.removed += 1
        elif _same(old[key], new[key]):
            preview.unchanged += 1
        else:
            preview.changed += 1
            if len(preview.changes) < LISTED:
                preview.changes.append((key, _as_tuple(old[key]), _as_tuple(new[key])))
    return preview


def compared_table(dataset: Dataset) -> sa.Table:
    """Where the current figures in an import's scope are read: a dataset with declared counts from its
    cells, whose sums per key are kept by every batch (a month of a unit's incidents is one cell per
    severity and category, however many incidents it holds); any other from its rows."""
    return DATASET_TABLES[dataset.name] if dataset.counts is None else counts_of(dataset)


def _current(
    connection: sa.Connection, dataset: Dataset, in_scope: sa.ColumnElement[bool]
) -> Iterator[tuple[Any, Any, int]]:
    """(key, value, rows) of the current rows in scope; declared counts summed per their keys."""
    table = compared_table(dataset)
    keys = [table.c[c] for c in key_columns(dataset)]
    current = [visible_as_of(table, None), in_scope]
    if dataset.counts is not None:
        total, rows = table.c[dataset.counts.total_as], table.c.rows
        query = sa.select(*keys, sa.func.sum(total), sa.func.sum(rows)).where(*current).group_by(*keys)
        for row in connection.execute(query):
            yield tuple(row[:-2]), int(row[-2]), int(row[-1])
        return
    values = [table.c[c] for c in value_columns(dataset, table)]
    for row in connection.execute(sa.select(*keys, *values).where(*current)):
        yield tuple(row[: len(keys)]), tuple(row[len(keys) :]), 1


def _as_tuple(value: Any) -> tuple[Any, ...]:
    return value if isinstance(value, tuple) else (value,)


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, tuple):
        return all(_equal(a, b) for a, b in zip(old, new, strict=True))
    return _equal(old, new)


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and abs(float(a) - float(b)) < 1e-9
    if (isinstance(a, dt.date) and isinstance(b, str)) or (isinstance(b, dt.date) and isinstance(a, str)):
        return str(a)[:10] == str(b)[:10]
    return a == b


def _sortable(key: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple("" if k is None else str(k) for k in key)


def _key_text(dataset: Dataset, key: tuple[Any, ...], config: Config) -> str:
    parts = []
    for column, value in zip(key_columns(dataset), key, strict=True):
        kind = dataset.kind_of(column)
        labels = {} if kind is None else kind.label_of(config)  # names and words, not ids and codes
        parts.append(labels.get(value, value) if labels else _plain(value))
    return " · ".join(parts)


def _values_text(
    dataset: Dataset, columns: tuple[str, ...], old: tuple[Any, ...], new: tuple[Any, ...], unit: str | None = None
) -> str:
    """Only what differs: 'status Grön → Röd; kommentar – → Ny rutin'."""
    if dataset.counts is not None:
        return f"{swedish_int(old[0])} → {swedish_int(new[0])} {dataset.counts.noun}"
    parts = []
    for column, a, b in zip(columns, old, new, strict=True):
        if _equal(a, b):
            continue
        label = _label(dataset, column)
        if column == "value" and unit is not None and a is not None and b is not None:
            parts.append(f"{label} {swedish_value(a, unit)} → {swedish_value(b, unit)}")
        else:
            parts.append(f"{label} {_shown(dataset, column, a)} → {_shown(dataset, column, b)}")
    return "; ".join(parts)


def _label(dataset: Dataset, column: str) -> str:
    return next((c.swedish for c in dataset.columns if c.stored_name == column), column)


def _shown(dataset: Dataset, column: str, value: Any) -> str:
    if value is None:
        return "–"
    kind = dataset.kind_of(column)
    if kind is not None and kind.codes:
        return words(kind.codes).get(value, str(value))
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float):
        return swedish_decimal(value, 0 if value.is_integer() else 1)
    if isinstance(value, int):
        return swedish_int(value)
    if isinstance(value, dt.date):
        return swedish_date(value)
    text = str(value)
    return f"”{text if len(text) <= 60 else text[:57] + '…'}”"


def _plain(value: Any) -> str:
    return swedish_date(value) if isinstance(value, dt.date) else str(value)
