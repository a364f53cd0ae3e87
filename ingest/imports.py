"""The one door for writes into the store: check permission, validate a whole table, then write it as
one batch together with its access-log entry in one transaction, or nothing; and undo, the same way.

The command line, the import page, `sync` and the example data all come through here. Rows are
validated and written chunk by chunk inside one transaction, so memory stays bounded for a file of
any size; the first problem stops the writing, validation goes on to report every problem, and the
transaction is rolled back.
"""

from __future__ import annotations

import contextvars
import gc
import json
import logging
import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Literal

import sqlalchemy as sa

from domain import clock
from domain.configuration import Config
from domain.datasets import DATASETS, Dataset
from domain.declarations import Register, RowContext
from domain.formatting import row_words, swedish_int
from domain.roles import Actor, Forbidden, ensure
from ingest import preview
from ingest.columnar import ColumnarNotPossible
from ingest.preview import Preview
from ingest.readers import ReadError, Table, open_file
from ingest.validation import Problem, Validator
from store import batches
from store.access_log import write_event
from store.batches import BatchRecord, batch_in_effect, take_write_lock
from store.bulk import copy_into
from store.counts import Cell, refresh_counts, tally
from store.engine import refresh_statistics
from store.registers import registers
from store.schema import DATASET_TABLES, import_batches, inserted_id, tables_written_by, visible_as_of
from store.scope import current_organisation

LOG = logging.getLogger(__name__)
CHUNK_ROWS = 20_000
_ANY_BATCH = 2**31 - 1  # "before" every batch there is (the largest id the store can give)
_SCOPE_CHUNK = 500

Outcome = Literal["imported", "unchanged", "invalid", "valid"]


@dataclass
class ImportResult:
    """What happened, in terms a person can be told; `problems` holds at most the first 1 000."""

    outcome: Outcome
    dataset: str
    source: str
    rows: int = 0
    rows_superseded: int = 0
    batch_id: int | None = None
    same_as_batch: int | None = None
    scope_summary: str = ""
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    warnings: list[str] = field(default_factory=list)
    questioned: list[Problem] = field(default_factory=list)  # values to confirm: "0,96 ser ut som en andel; …"
    file_error: str | None = None
    preview: Preview | None = None  # a check's list of what the import would replace

    @property
    def ok(self) -> bool:
        return self.outcome in ("imported", "unchanged", "valid")

    def messages(self) -> list[str]:
        """The problems as Swedish sentences, each naming file, row, column, value and expectation."""
        if self.file_error:
            return [self.file_error]
        lines = [p.text(self.source) for p in self.problems]
        hidden = self.problem_count - len(self.problems)
        if hidden > 0:
            lines.append(f"… och {swedish_int(hidden)} fel till i {self.source}.")
        return lines

    @property
    def _title(self) -> str:
        """The dataset as users know it ("Kvartalsstatus"), never its id."""
        known = DATASETS.get(self.dataset)
        return known.title if known else self.dataset

    def summary(self) -> str:
        if self.outcome == "imported":
            return (
                f"Import {self.batch_id} klar: {row_words(self.rows)} till {self._title} från "
                f"{self.source} ({self.scope_summary}); {row_words(self.rows_superseded, 'tidigare')} "
                "ersattes och finns kvar i historiken."
            )
        if self.outcome == "unchanged":
            return (
                f"{self.source} är redan importerad (import {self.same_as_batch}) och gäller fortfarande; "
                "inget ändrades."
            )
        if self.outcome == "valid":
            return (
                f"{self.source} är korrekt: {row_words(self.rows)} till {self._title} "
                f"({self.scope_summary}). Inget sparades."
            )
        return f"{self.source} importerades inte: {self.problem_count or 1} fel. Inget sparades."


def import_file(
    engine: sa.Engine,
    config: Config,
    dataset_name: str,
    path: Path,
    *,
    actor: Actor,
    display_name: str | None = None,
    dry_run: bool = False,
    is_example: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Validate and, unless `dry_run`, import one CSV or Excel file."""
    name = display_name or path.name

    def read(columnar: bool) -> ImportResult:
        caps = (config.app.max_excel_rows, config.app.max_excel_columns)
        with open_file(path, name, dataset_name, columnar=columnar, excel_caps=caps) as table:
            return import_table(
                engine,
                config,
                dataset_name,
                table,
                actor=actor,
                dry_run=dry_run,
                is_example=is_example,
                progress=progress,
            )

    try:
        try:
            return read(columnar=True)
        except ColumnarNotPossible:  # nothing was saved; the row reader reads any file and names its faults
            return read(columnar=False)
    except ReadError as exc:
        return ImportResult("invalid", dataset_name, name, file_error=str(exc), problem_count=1)
    except Forbidden:
        raise
    except Exception:  # a file no reader foresaw: the person gets Swedish, the server log gets the details
        return _unexpected(dataset_name, name)


def _unexpected(dataset_name: str, name: str) -> ImportResult:
    LOG.exception("Oväntat fel vid import av %s till %s", name, dataset_name)
    return ImportResult(
        "invalid",
        dataset_name,
        name,
        file_error=(
            f"{name} kunde inte läsas eller importeras på grund av ett oväntat fel. Inget sparades. "
            "Kontrollera att filen är en hel CSV- eller Excel-fil (spara den på nytt) och försök igen; "
            "kvarstår felet finns detaljerna i loggen (servern, eller data/dashboard.log på kommandoraden)."
        ),
        problem_count=1,
    )


def import_table(
    engine: sa.Engine,
    config: Config,
    dataset_name: str,
    table: Table,
    *,
    actor: Actor,
    dry_run: bool = False,
    is_example: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Validate `table` whole and write it as one batch with its log entry; with `dry_run`, only validate
    and preview (anyone who may see the import page may check a file).

    `progress` is told the number of rows read after each chunk (for a progress bar).
    """
    if not dry_run:
        ensure(actor, "import")
    try:
        return _import_table(engine, config, dataset_name, table, actor, dry_run, is_example, progress)
    except (ReadError, ColumnarNotPossible, Forbidden):
        raise  # import_file answers these
    except Exception:
        return _unexpected(dataset_name, table.source)


def _import_table(
    engine: sa.Engine,
    config: Config,
    dataset_name: str,
    table: Table,
    actor: Actor,
    dry_run: bool,
    is_example: bool,
    progress: Callable[[int], None] | None,
) -> ImportResult:
    dataset = DATASETS[dataset_name]
    result = ImportResult("invalid", dataset.name, table.source, warnings=list(table.warnings))
    with _without_cycle_collection(), engine.connect() as connection, _index_cache(connection):
        transaction = connection.begin()
        try:
            batch_id = None if dry_run else _open_batch(connection, dataset, table, actor.id, is_example)
            if table.sha256 is not None:  # a check says so too, before anything is offered to import
                before = batch_id if batch_id is not None else _ANY_BATCH
                earlier = batch_in_effect(connection, dataset.name, table.sha256, before=before)
                if earlier is not None:
                    transaction.rollback()
                    result.outcome, result.same_as_batch = "unchanged", earlier
                    return result
            validator = Validator(
                dataset,
                RowContext(
                    config,
                    _known(connection, dataset),
                    {kpi: {u: r for u, (r, _) in units.items()} for kpi, units in registers(connection).items()},
                ),
                table.header,
            )
            result.warnings.extend(validator.warnings)
            if not validator.header_ok:
                transaction.rollback()
                return _failed(result, validator)
            store_table = DATASET_TABLES[dataset.name]
            rows_read = 0
            counted: dict[Cell, list[int]] | None = {} if dataset.counts is not None else None
            replacing: dict[Any, Any] = {}  # the file's values per key, for the preview of a check
            writing = nullcontext(None) if batch_id is None else _writing(connection, store_table, batch_id)
            with writing as write:
                for chunk_rows, columns in _validated_chunks(table, validator, counted, dataset):
                    if columns is not None and validator.problem_count == 0:
                        if write is not None:
                            write(columns)
                        else:
                            preview.collect(columns, dataset, store_table, replacing)
                    rows_read += chunk_rows
                    if progress is not None:
                        progress(rows_read)
            result.warnings = [*table.warnings, *validator.warnings]  # with those found among the rows
            result.questioned = list(validator.questioned)
            result.warnings += questions_in_words(result.questioned, table.source)
            if validator.problem_count:
                transaction.rollback()
                return _failed(result, validator)
            if validator.rows_valid == 0:
                transaction.rollback()
                result.file_error = f"{table.source}: filen innehåller inga datarader under rubrikraden"
                result.problem_count = 1
                return result
            result.rows = validator.rows_valid
            result.scope_summary = describe_scope(dataset, validator.scope, config)
            if batch_id is None:
                keys = sorted(validator.scope)
                compared = preview.compared_table(dataset)
                parts = [
                    _in_scope(dataset, compared, keys[i : i + _SCOPE_CHUNK]) for i in range(0, len(keys), _SCOPE_CHUNK)
                ]
                result.preview = preview.compare(connection, dataset, parts, replacing)
                result.rows_superseded = result.preview.rows_current
                transaction.rollback()
                result.outcome = "valid"
                return result
            fingerprint = table.fingerprint()
            if table.sha256 is None and (
                earlier := batch_in_effect(connection, dataset.name, fingerprint, before=batch_id)
            ):
                transaction.rollback()
                result.outcome, result.same_as_batch = "unchanged", earlier
                return result
            result.rows_superseded = _supersede(connection, dataset, store_table, validator.scope, batch_id)
            if counted is not None:
                refresh_counts(connection, dataset, batch_id, counted)
            connection.execute(
                import_batches.update()
                .where(import_batches.c.id == batch_id)
                .values(
                    sha256=fingerprint,
                    row_count=result.rows,
                    rows_superseded=result.rows_superseded,
                    scope_summary=result.scope_summary,
                    scope_keys=json.dumps(sorted(validator.scope), ensure_ascii=False),
                )
            )
            write_event(
                connection,
                actor.id,
                actor.role,
                "import",
                target=f"import {batch_id}",
                detail=f"{dataset.title}: {table.source}, {row_words(result.rows)}",
            )
            transaction.commit()
        except BaseException:
            if transaction.is_active:
                transaction.rollback()
            raise
    result.outcome, result.batch_id = "imported", batch_id
    refresh_statistics(engine, tables_written_by(dataset.name), result.rows + result.rows_superseded)
    return result


def undo(engine: sa.Engine, batch_id: int, *, actor: Actor) -> BatchRecord:
    """Undo an import for a controller or admin, logged in the undo's own transaction."""
    ensure(actor, "undo")
    with engine.begin() as connection:
        record = batches.undo(connection, batch_id, actor.id)
        write_event(
            connection, actor.id, actor.role, "undo", target=f"import {batch_id}", detail=f"ångring nr {record.id}"
        )
    refresh_statistics(engine, tables_written_by(record.dataset), record.row_count + record.rows_superseded)
    return record


_collection_paused = 0
_collection_lock = threading.Lock()


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while importing: a third of a million-row import's time went to it.

    An import allocates millions of tuples and lists and keeps a million keys alive; every full
    collection walked them all again. Reference counting still frees everything at once, and an import
    makes no reference cycles worth waiting for. Concurrent imports are counted, so the last one to
    finish turns collection back on.
    """
    global _collection_paused
    with _collection_lock:
        ours = _collection_paused > 0 or gc.isenabled()  # else someone else paused it and will resume it
        if ours:
            _collection_paused += 1
            gc.disable()
    try:
        yield
    finally:
        if ours:
            with _collection_lock:
                _collection_paused -= 1
                if _collection_paused == 0:
                    gc.enable()


@contextmanager
def _index_cache(connection: sa.Connection) -> Iterator[None]:
    """32 MB of SQLite page cache while importing, so a million rows' index pages stay in memory."""
    if connection.dialect.name != "sqlite":
        yield
        return
    connection.exec_driver_sql("PRAGMA cache_size=-32768")
    connection.commit()
    try:
        yield
    finally:
        connection.exec_driver_sql("PRAGMA cache_size=-2000")  # SQLite's default, for the pooled connection
        connection.commit()


def _failed(result: ImportResult, validator: Validator) -> ImportResult:
    result.outcome = "invalid"
    result.problems = sorted(validator.problems, key=lambda p: p.row or 0)  # as the user reads the file
    result.problem_count = validator.problem_count
    return result


def _known(connection: sa.Connection, dataset: Dataset) -> dict[str, frozenset[str]]:
    """The current ids each declared reference may point to."""
    known = {}
    for reference in dataset.references:
        other = DATASET_TABLES[reference.dataset]
        query = sa.select(other.c[reference.stored_column]).where(visible_as_of(other, None))
        known[reference.column] = frozenset(connection.execute(query).scalars())
    return known


def _registers(connection: sa.Connection) -> dict[str, dict[str, Register]]:
    """The current registers that compute a KPI, per KPI and unit (what an imported value must agree with)."""
    return {kpi: {unit: r for unit, (r, _) in units.items()} for kpi, units in registers(connection).items()}


def _chunks(rows: Iterator[tuple[int, Sequence[Any]]]) -> Iterator[list[tuple[int, Sequence[Any]]]]:
    while chunk := list(islice(rows, CHUNK_ROWS)):
        yield chunk


def _validated_chunks(
    table: Table, validator: Validator, counted: dict[Cell, list[int]] | None, dataset: Dataset
) -> Iterator[tuple[int, dict[str, list[Any]] | None]]:
    """(rows read, store columns or None) per chunk; rows are tallied for the declared counts as they pass."""
    if table.column_chunks is not None:
        checked = ((len(numbers), validator.check_columns(numbers, cells)) for numbers, cells in table.column_chunks)
    else:
        checked = ((len(chunk), validator.check(chunk)) for chunk in _chunks(table.rows))
    for rows, columns in checked:
        if columns is not None and counted is not None and validator.problem_count == 0:
            tally(dataset, columns, counted)
        yield rows, columns


def _open_batch(connection: sa.Connection, dataset: Dataset, table: Table, user: str, is_example: bool) -> int:
    take_write_lock(connection)
    return inserted_id(
        connection.execute(
            import_batches.insert().values(
                kind="import",
                dataset=dataset.name,
                created_at=clock.now(),
                user_name=user,
                source=table.source[:500],
                sha256=table.sha256,
                row_count=0,
                rows_superseded=0,
                scope_summary="",
                scope_keys="[]",
                is_example=is_example,
            )
        )
    )


Columns = dict[str, list[Any]]


@contextmanager
def _writing(connection: sa.Connection, table: sa.Table, batch_id: int) -> Iterator[Callable[[Columns], None]]:
    """`write(columns)` hands a validated chunk to a thread of its own that inserts it while the next chunk
    is validated: the store (PostgreSQL's server process; SQLite between rows, which lets go of Python's
    lock) works beside the validation instead of after it. At most one chunk waits. The connection is the
    thread's alone until the block ends, when the last chunk is written (or, after a failure, none more)."""
    waiting: queue.Queue[Columns | None] = queue.Queue(maxsize=1)
    failed: list[BaseException] = []

    def insert_each() -> None:
        while (columns := waiting.get()) is not None:
            if not failed:
                try:
                    _insert(connection, table, columns, batch_id)
                except BaseException as error:  # handed to the importing thread, which rolls back
                    failed.append(error)

    def write(columns: Columns) -> None:
        if failed:
            raise failed[0]
        waiting.put(columns)

    # The thread runs in the importer's context: its organisation goes with it.
    writer = threading.Thread(target=contextvars.copy_context().run, args=(insert_each,), name="import-writer")
    writer.start()
    try:
        yield write
    finally:
        waiting.put(None)
        writer.join()
    if failed:
        raise failed[0]


def _insert(connection: sa.Connection, table: sa.Table, columns: Columns, batch_id: int) -> None:
    """Insert a validated chunk: COPY on PostgreSQL (store.bulk), else the driver's executemany with rows as tuples.

    Going through SQLAlchemy's per-row parameter processing costs more than the insert itself at a
    million rows; values are already of the store's types, so only SQLite's dates need their ISO text.
    The batch, the same for every row, is written into the statement rather than bound per row.
    """
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    # Optional columns a file leaves empty are left to the column's NULL, not sent row by row.
    columns = {name: values for name, values in columns.items() if values.count(None) != len(values)}
    if dialect.name == "sqlite":
        for name, values in columns.items():
            if isinstance(table.c[name].type, sa.Date):
                iso = {v: v.isoformat() for v in set(values) if v is not None} | {None: None}
                columns[name] = list(map(iso.__getitem__, values))
    organisation = current_organisation()
    if dialect.driver == "psycopg":
        columns["batch_id"] = columns["origin_batch_id"] = [batch_id] * len(columns["scope_key"])
        columns["organisation"] = [organisation] * len(columns["scope_key"])
        copy_into(connection, table.name, columns)
        return
    marker = "?" if dialect.paramstyle == "qmark" else "%s"
    names = [*map(quote, columns), quote("batch_id"), quote("origin_batch_id"), quote("organisation")]
    # The organisation's id is a-z, 0-9 and _ (the configuration checks it): safe as a literal.
    values = [*(marker for _ in columns), str(int(batch_id)), str(int(batch_id)), f"'{_checked_id(organisation)}'"]
    statement = f"INSERT INTO {quote(table.name)} ({', '.join(names)}) VALUES ({', '.join(values)})"
    connection.exec_driver_sql(statement, list(zip(*columns.values(), strict=True)))


def _checked_id(organisation: str) -> str:
    if not organisation.replace("_", "").isalnum() or not organisation.isascii():
        raise ValueError(f"organisation id {organisation!r}")
    return organisation


def _in_scope(dataset: Dataset, table: sa.Table, keys: list[str]) -> sa.ColumnElement[bool]:
    """Rows of these scope keys. A dataset whose scope grew is matched on its columns: rows imported before
    carry the older key and must be found all the same; so are the cells of declared counts, which have
    no key of their own."""
    if dataset.match_scope_on_columns or "scope_key" not in table.c:
        parts = [tuple(key.split("|")) for key in keys]
        return sa.tuple_(*(table.c[c] for c in dataset.scope)).in_(parts)
    return table.c.scope_key.in_(keys)


def _supersede(connection: sa.Connection, dataset: Dataset, table: sa.Table, scope: set[str], batch_id: int) -> int:
    """Mark earlier current rows in the scope as superseded by this batch; nothing is deleted."""
    keys = sorted(scope)
    total = 0
    for start in range(0, len(keys), _SCOPE_CHUNK):
        total += connection.execute(
            table.update()
            .where(
                visible_as_of(table, None),
                table.c.batch_id < batch_id,
                _in_scope(dataset, table, keys[start : start + _SCOPE_CHUNK]),
            )
            .values(superseded_by=batch_id)
        ).rowcount
    return total


QUESTIONS_LISTED = 20


def questions_in_words(questioned: list[Problem], source: str) -> list[str]:
    """The questioned values as warnings, each naming its cell; a long list ends with how many more."""
    words = [f"{p.text(source).split(': värdet ', 1)[0]}: {p.expected}" for p in questioned[:QUESTIONS_LISTED]]
    if len(questioned) > QUESTIONS_LISTED:
        words.append(f"… och {len(questioned) - QUESTIONS_LISTED} ifrågasatta värden till i {source}.")
    return words


def describe_scope(dataset: Dataset, keys: set[str], config: Config) -> str:
    """The scope in words: 'kvartal 2025Q1–2025Q4 × 2 enheter'. A column declared with words lists its
    values by name up to a number, then counts them; any other column gives its range."""
    if not keys:
        return "inget"
    parts = [sorted({key.split("|")[i] for key in keys}) for i in range(len(dataset.scope))]
    words = []
    for stored, values in zip(dataset.scope, parts, strict=True):
        column = next((c for c in dataset.columns if c.stored_name == stored), None)
        if column is None or column.words is None:
            words.append(values[0] if len(values) == 1 else f"{values[0]}–{values[-1]}")
            continue
        labels = column.kind.label_of(config)
        names = [labels.get(v, v) for v in values]
        if column.words.lower:
            names = [n.lower() for n in names]
        many = column.words.plural is not None and len(names) > column.words.listed
        words.append(f"{len(names)} {column.words.plural}" if many else ", ".join(names))
    return " × ".join(words)
