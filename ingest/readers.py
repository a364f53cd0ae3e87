"""Readers: CSV as Swedish Excel writes it, Excel workbooks, and SQL queries, all streamed as rows.

Each reader yields (row number as the user sees it, cells), the header being row 1, so validation
can name the row a person will find when they open the file.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from domain.formatting import swedish_int
from domain.text_matching import fold
from domain.values import Uncomputed
from ingest.columnar import ColumnChunk, column_chunks

CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
_BLOCK = 1 << 20
MAX_EXCEL_UNPACKED_BYTES = 400 * 1024 * 1024
# Read at most this many rows (counted as read, empty ones too) and columns of a sheet, whatever the
# sheet declares: a 2 kB workbook may claim A1:XFD1048576. config/app.yaml may set other caps.
MAX_EXCEL_ROWS = 500_000
TEMPLATE_SHEETS = {"Instruktioner", "Listor"}  # the sheets of an Excel template beside its data
MAX_EXCEL_COLUMNS = 200
MAX_EXCEL_RATIO = 200
csv.field_size_limit(16 * 1024 * 1024)


class ReadError(Exception):
    """The file cannot be read at all; the message is Swedish and names the file."""


@dataclass
class Table:
    source: str
    header: list[Any]
    rows: Iterator[tuple[int, Sequence[Any]]]
    sha256: str | None
    warnings: list[str] = field(default_factory=list)
    digest: Callable[[], str] | None = None
    column_chunks: Iterator[ColumnChunk] | None = None  # the same rows as columns, for a plain CSV file

    def fingerprint(self) -> str:
        """The SHA-256 of the file, or of the rows once a SQL source has been read through."""
        if self.sha256 is not None:
            return self.sha256
        assert self.digest is not None
        return self.digest()


@contextmanager
def open_file(
    path: Path,
    display_name: str | None = None,
    dataset: str | None = None,
    columnar: bool = False,
    excel_caps: tuple[int, int] = (MAX_EXCEL_ROWS, MAX_EXCEL_COLUMNS),
) -> Iterator[Table]:
    """Open a CSV or Excel file as a Table; ReadError if it is neither, empty or unreadable.

    With `columnar`, a plain UTF-8 CSV file also offers its rows as Arrow columns (`column_chunks`).
    """
    name = display_name or path.name
    suffix = Path(name).suffix.casefold()
    if suffix == ".xls":
        raise ReadError(f"{name}: det äldre Excel-formatet .xls kan inte läsas; spara filen som .xlsx")
    if suffix not in CSV_SUFFIXES | EXCEL_SUFFIXES:
        raise ReadError(f"{name}: filen är varken CSV eller Excel; använd en fil som slutar på .csv eller .xlsx")
    facts = _scan(path, name)
    if facts.kind == "excel":
        with _excel_table(path, name, facts.sha256, dataset, excel_caps) as table:
            yield table
    else:
        with _csv_table(path, name, facts, columnar) as table:
            yield table


@dataclass
class _Facts:
    kind: str
    sha256: str
    encoding: str
    lines: int = 0


def _scan(path: Path, name: str) -> _Facts:
    """One pass over the bytes: hash, file kind and text encoding, in bounded memory."""
    digest = hashlib.sha256()
    utf8 = codecs.getincrementaldecoder("utf-8")()
    is_utf8 = True
    first = b""
    size = newlines = 0
    last = b""
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            if not first:
                first = block[:8]
            size += len(block)
            newlines += block.count(b"\n")
            last = block[-1:]
            digest.update(block)
            if b"\x00" in block and not first.startswith(b"PK"):
                raise ReadError(f"{name}: filen är varken CSV eller Excel (den innehåller binära data)")
            if is_utf8 and not first.startswith(b"PK"):
                try:
                    utf8.decode(block)
                except UnicodeDecodeError:
                    is_utf8 = False
    if size == 0:
        raise ReadError(f"{name}: filen är tom")
    if first.startswith(b"PK\x03\x04"):
        return _Facts("excel", digest.hexdigest(), "")
    if first.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReadError(f"{name}: det äldre Excel-formatet .xls kan inte läsas; spara filen som .xlsx")
    if Path(name).suffix.casefold() in EXCEL_SUFFIXES:
        raise ReadError(f"{name}: filen har ändelsen .xlsx men är ingen Excel-arbetsbok")
    if is_utf8:
        try:
            utf8.decode(b"", final=True)
        except UnicodeDecodeError:
            is_utf8 = False
    lines = newlines + (0 if last == b"\n" else 1)
    return _Facts("csv", digest.hexdigest(), "utf-8-sig" if is_utf8 else "cp1252", lines)


def detect_separator(first_line: str) -> str:
    """`;`, `,` or tab: whichever splits the header line into most fields outside quotes."""
    counts = {";": 0, ",": 0, "\t": 0}
    quoted = False
    for char in first_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts.values())
    if best == 0:
        return ";"
    return next(sep for sep in (";", "\t", ",") if counts[sep] == best)


@contextmanager
def _csv_table(path: Path, name: str, facts: _Facts, columnar: bool = False) -> Iterator[Table]:
    try:
        handle = path.open("r", encoding=facts.encoding, newline="")
    except OSError as exc:  # pragma: no cover - the scan already opened it
        raise ReadError(f"{name}: filen kan inte öppnas") from exc
    with handle:
        try:
            first_line = handle.readline()
        except UnicodeDecodeError:
            raise ReadError(f"{name}: teckenkodningen känns inte igen; spara filen som CSV UTF-8") from None
        if not first_line.strip():
            raise ReadError(f"{name}: filen saknar rubrikrad; rad 1 ska innehålla kolumnernas namn")
        separator = detect_separator(first_line)
        handle.seek(0)
        reader = csv.reader(handle, delimiter=separator, quotechar='"', doublequote=True)
        try:
            header = next(reader)
        except csv.Error as exc:
            raise ReadError(f"{name}: rubrikraden kan inte läsas ({exc})") from None

        def rows() -> Iterator[tuple[int, Sequence[Any]]]:
            number = 1
            try:
                for number, cells in enumerate(reader, start=2):
                    yield number, cells
            except csv.Error:
                raise ReadError(f"{name}: rad {number + 1} kan inte läsas (ett citattecken avslutas inte?)") from None
            except UnicodeDecodeError:
                raise ReadError(f"{name}: teckenkodningen känns inte igen; spara filen som CSV UTF-8") from None

        table = Table(name, header, rows(), facts.sha256)
        if columnar and facts.encoding == "utf-8-sig" and reader.line_num == 1 and header:
            table.column_chunks = column_chunks(path, separator, len(header), facts.lines - 1)
        yield table


def _check_archive(path: Path, name: str) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile:
        raise ReadError(f"{name}: Excel-filen är skadad och kan inte öppnas") from None
    unpacked = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if unpacked > MAX_EXCEL_UNPACKED_BYTES or unpacked / packed > MAX_EXCEL_RATIO:
        raise ReadError(
            f"{name}: Excel-filen är för stor uppackad ({unpacked // (1024 * 1024)} MB); "
            "dela upp den eller spara den som CSV"
        )


@contextmanager
def _excel_table(path: Path, name: str, sha256: str, dataset: str | None, caps: tuple[int, int]) -> Iterator[Table]:
    import openpyxl  # imported here: only Excel imports pay for it

    _check_archive(path, name)
    try:
        values_book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        formula_book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds for a broken workbook
        raise ReadError(f"{name}: Excel-filen är skadad och kan inte öppnas") from None
    try:
        warnings: list[str] = []
        sheet_name = _choose_sheet(values_book.sheetnames, dataset, name)
        others = set(values_book.sheetnames) - {sheet_name}
        if others != TEMPLATE_SHEETS:  # an Excel template of ours holds exactly these beside its data
            warnings.append(f"Arbetsboken har flera blad; bladet '{sheet_name}' lästes.")
        max_rows, max_columns = caps
        values_sheet, formula_sheet = values_book[sheet_name], formula_book[sheet_name]
        for sheet in (values_sheet, formula_sheet):
            sheet.reset_dimensions()  # what the sheet declares is not believed; rows are read as they come
        # One row beyond the cap is read, to tell a sheet that stops at it from one that goes on. Each row is as
        # wide as its last cell; a value beyond the column cap refuses the file at that row.
        values = values_sheet.iter_rows(max_row=max_rows + 1)
        formulas = formula_sheet.iter_rows(max_row=max_rows + 1, values_only=True)
        try:
            first = next(values)
            next(formulas)
        except StopIteration:
            raise ReadError(f"{name}: bladet '{sheet_name}' är tomt") from None
        _within_columns(first, max_columns, name, 1)
        header = [_cell_value(c) for c in first[:max_columns]]

        def rows() -> Iterator[tuple[int, Sequence[Any]]]:
            for number, (cells, raw) in enumerate(zip(values, formulas, strict=False), start=2):
                if number > max_rows:  # the sheet goes on past the cap, with values or not
                    raise ReadError(
                        f"{name}: bladet har fler än {swedish_int(max_rows)} rader (rad {swedish_int(number)} "
                        "eller senare är inte tom); så stora filer läses inte som Excel. Dela upp filen eller spara "
                        "den som CSV"
                    )
                if not cells:  # a row the sheet does not hold: nothing to read
                    continue
                _within_columns(cells, max_columns, name, number)
                out = [_cell_value(c) for c in cells[:max_columns]]
                for i, value in enumerate(out):
                    if value is None and i < len(raw) and isinstance(raw[i], str) and raw[i].startswith("="):
                        out[i] = Uncomputed(raw[i])
                yield number, out

        yield Table(name, header, rows(), sha256, warnings)
    finally:
        values_book.close()
        formula_book.close()


def _within_columns(cells: Sequence[Any], max_columns: int, name: str, row: int) -> None:
    if len(cells) > max_columns and any(getattr(c, "value", None) is not None for c in cells[max_columns:]):
        raise ReadError(
            f"{name}: rad {row} har värden efter kolumn {max_columns}; fler kolumner än så läses inte. "
            "Ta bort de överflödiga kolumnerna"
        )


def _choose_sheet(sheetnames: list[str], dataset: str | None, name: str) -> str:
    """The only sheet, or the sheet named after the dataset; guessing among several would import the
    wrong data (an instructions sheet, last quarter's copy)."""
    if len(sheetnames) == 1 or dataset is None:
        return sheetnames[0]
    from domain.datasets import DATASETS

    wanted = {fold(dataset)}
    if dataset in DATASETS:
        wanted.add(fold(DATASETS[dataset].title))
    for sheet in sheetnames:
        if fold(sheet) in wanted:
            return sheet
    title = f" eller '{DATASETS[dataset].title}'" if dataset in DATASETS else ""
    raise ReadError(
        f"{name}: arbetsboken har flera blad ({', '.join(sheetnames)}) och inget heter '{dataset}'{title}; "
        "byt namn på bladet med data eller spara det som en egen fil"
    )


def _cell_value(cell: Any) -> Any:
    """A cell's value; a number formatted as a percentage becomes percent (0,32 shown as 32 % → 32)."""
    value = getattr(cell, "value", None)
    if isinstance(value, int | float) and not isinstance(value, bool):
        number_format = getattr(cell, "number_format", "") or ""
        if "%" in number_format:
            return round(value * 100, 9)
    return value


@contextmanager
def sql_table(engine: sa.Engine, query: str, name: str) -> Iterator[Table]:
    """Stream a query's rows; the fingerprint is the hash of what was read."""
    digest = hashlib.sha256()
    with engine.connect() as connection:
        result = connection.execution_options(stream_results=True, yield_per=10_000).execute(sa.text(query))
        header = list(result.keys())
        digest.update(repr(header).encode())

        def rows() -> Iterator[tuple[int, Sequence[Any]]]:
            for number, row in enumerate(result, start=2):
                cells = list(row)
                digest.update(repr(cells).encode())
                yield number, cells

        yield Table(name, header, rows(), None, digest=digest.hexdigest)
