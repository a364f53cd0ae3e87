"""CSV read as Arrow columns: the fast way in for a large, plain file, with the row reader as fallback.

A million incidents are a million rows but only a few thousand distinct dates, units and codes. Read
by Arrow (in C), each column is dictionary-encoded, validation parses each distinct
value once with the very parsers the row reader uses, and the parsed values are spread back over the
rows by their codes. Only plain files take this way: UTF-8, every record on one line and no blank
lines, so that record n is line n + 1 of the file, as the row reader numbers it. Anything else (a
ragged row, a line break inside quotes, a blank line) raises `ColumnarNotPossible` and the import
starts again on the row reader, which reports such files precisely.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

from domain.values import STRIPPED

BLOCK_BYTES = 512 << 10  # about 5 000 rows; larger blocks made Arrow hold tens of MB more


def _memory_pool() -> pa.MemoryPool:
    """jemalloc where Arrow has it: it gives freed blocks back, where mimalloc kept 25 MB more at peak."""
    try:
        return pa.jemalloc_memory_pool()
    except NotImplementedError:  # an Arrow built without it
        return pa.default_memory_pool()


POOL = _memory_pool()
_BLANK_STARTS = pa.array(["", *STRIPPED])  # how a blank cell begins: with nothing, or with a blank


class ColumnarNotPossible(Exception):
    """The file is not plain enough to be read as columns; read it row by row instead."""


ColumnChunk = tuple[list[int], list[pa.Array]]


def column_chunks(path: Path, separator: str, header_width: int, records: int) -> Iterator[ColumnChunk]:
    """(row numbers as the user sees them, one array of text per header column) per block of the file.

    `records` is how many records follow the header if each is one line; reading a different number
    means a blank line or a line break inside quotes, and the numbers would not match the file.
    """
    names = [f"c{i}" for i in range(header_width)]
    try:
        reader = pcsv.open_csv(
            path,
            read_options=pcsv.ReadOptions(skip_rows=1, column_names=names, block_size=BLOCK_BYTES, use_threads=False),
            parse_options=pcsv.ParseOptions(
                delimiter=separator, quote_char='"', double_quote=True, newlines_in_values=True
            ),
            convert_options=pcsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
            memory_pool=POOL,
        )
        number = 2
        for batch in reader:
            if batch.num_rows:
                yield list(range(number, number + batch.num_rows)), list(batch.columns)
                number += batch.num_rows
    except pa.ArrowException as exc:
        raise ColumnarNotPossible(str(exc)) from None
    if number - 2 != records:
        raise ColumnarNotPossible(f"{number - 2} records on {records} lines")


def blank_rows(columns: Sequence[pa.Array]) -> np.ndarray | None:
    """True for each row whose every cell is blank, or None when no row is (the first column says so):
    such rows are skipped, as the row reader skips them."""
    blank = None
    for column in columns:
        if not pc.any(pc.is_in(pc.utf8_slice_codeunits(column, 0, 1), value_set=_BLANK_STARTS)).as_py():
            return None  # no cell of this column even starts blank (a date, a unit): no row is all blank
        empty = pc.equal(
            pc.utf8_length(pc.utf8_trim(column, STRIPPED, memory_pool=POOL), memory_pool=POOL), 0, memory_pool=POOL
        )
        blank = empty if blank is None else pc.and_(blank, empty, memory_pool=POOL)
        if not pc.any(blank).as_py():
            return None
    return None if blank is None else blank.to_numpy(zero_copy_only=False)


def free_text(column: pa.Array) -> list[str | None]:
    """Text as written (a leading tab stays), and None where the cell holds only blanks."""
    trimmed = pc.utf8_trim(column, STRIPPED, memory_pool=POOL)
    empty = pc.equal(pc.utf8_length(trimmed, memory_pool=POOL), 0, memory_pool=POOL)
    return pc.if_else(empty, pa.scalar(None, pa.string()), column, memory_pool=POOL).to_pylist()


def distinct_values(column: pa.Array) -> tuple[list[str], np.ndarray]:
    """The column's distinct texts and, per row, the index of its text among them."""
    encoded = pc.dictionary_encode(column, memory_pool=POOL)
    return encoded.dictionary.to_pylist(), encoded.indices.to_numpy(zero_copy_only=False)


def spread(per_value: Sequence[Any], codes: np.ndarray) -> list[Any]:
    """The value of each row's code, as a list; values may be tuples or dates (kept whole)."""
    lookup = np.empty(len(per_value), dtype=object)
    for index, value in enumerate(per_value):
        lookup[index] = value
    return lookup.take(codes).tolist()


def rows_with_codes(codes: np.ndarray, chosen: list[int]) -> list[int]:
    """Positions, in order, of the rows whose code is one of `chosen`."""
    return np.nonzero(np.isin(codes, chosen))[0].tolist() if chosen else []
