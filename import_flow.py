"""The import page's steps as plain functions: keep the upload, validate, preview, import, undo.

The page calls these and draws; the command line and this page share `import_file` underneath.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from access_control import Actor, ensure
from configuration import Config
from data_sources.access_store import log_event
from data_sources.batches import BatchRecord, undo
from data_sources.importer import ImportResult, import_file

UPLOAD_DIR = Path(tempfile.gettempdir()) / "dashboard-uploads"


def keep_upload(name: str, data: bytes) -> Path:
    """Save an upload under its content hash (never under the user's file name) for validation and import."""
    UPLOAD_DIR.mkdir(parents=True, exist_ok=True)
    suffix = Path(name).suffix.casefold()[:8]
    path = UPLOAD_DIR / f"{hashlib.sha256(data).hexdigest()}{suffix}"
    if not path.exists():
        path.write_bytes(data)
    return path


def too_large(size: int, config: Config) -> str | None:
    limit = config.app.max_upload_mb
    if size > limit * 1024 * 1024:
        return f"Filen är {size / (1024 * 1024):.0f} MB; den största fil som tas emot är {limit} MB. Dela upp den."
    return None


def validate_upload(engine: sa.Engine, config: Config, dataset: str, path: Path, name: str) -> ImportResult:
    return import_file(engine, config, dataset, path, user="", display_name=name, dry_run=True)


def run_upload(
    engine: sa.Engine,
    config: Config,
    actor: Actor,
    dataset: str,
    path: Path,
    name: str,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Import for a controller or admin; the import is logged in the access log."""
    ensure(actor, "import")
    result = import_file(engine, config, dataset, path, user=actor.id, display_name=name, progress=progress)
    if result.outcome == "imported":
        log_event(
            engine,
            actor.id,
            actor.role,
            "import",
            target=f"import {result.batch_id}",
            detail=f"{dataset}: {name}, {result.rows} rader",
        )
    return result


def undo_import(engine: sa.Engine, actor: Actor, batch_id: int) -> BatchRecord:
    ensure(actor, "undo")
    record = undo(engine, batch_id, actor.id)
    log_event(engine, actor.id, actor.role, "undo", target=f"import {batch_id}", detail=f"ångring nr {record.id}")
    return record


def problem_table(result: ImportResult) -> pd.DataFrame:
    """The errors as a table a controller can work through: row, column, value, what is expected."""
    if result.file_error:
        return pd.DataFrame([{"Rad": "–", "Kolumn": "–", "Värde": "–", "Förväntat": result.file_error}])
    return pd.DataFrame(
        [
            {
                "Rad": str(p.row) if p.row else "–",
                "Kolumn": p.column or "–",
                "Värde": p.value or "–",
                "Förväntat": p.expected,
            }
            for p in result.problems
        ]
    )
