"""What the import page says: the columns a template takes, an upload that is too large, and every error
as a table a controller can work through."""

from __future__ import annotations

import pandas as pd

from domain.allowed_values import format_of
from domain.configuration import Config
from domain.datasets import DATASETS
from ingest.imports import ImportResult
from ingest.preview import Preview


def column_help(dataset: str, config: Config) -> pd.DataFrame:
    """What each column takes: Swedish name, English name, required, the allowed values or the format."""
    return pd.DataFrame(
        [
            {
                "Kolumn": c.swedish,
                "Engelskt namn": c.name,
                "Obligatorisk": "ja" if c.required else "nej",
                "Värden eller format": format_of(c, config),
                "Exempel": c.example or "–",
            }
            for c in DATASETS[dataset].columns
        ]
    )


def too_large(size: int, config: Config) -> str | None:
    limit = config.app.max_upload_mb
    if size > limit * 1024 * 1024:
        return f"Filen är {size / (1024 * 1024):.0f} MB; den största fil som tas emot är {limit} MB. Dela upp den."
    return None


def problem_table(result: ImportResult) -> pd.DataFrame:
    """The errors as a table: row, column, value, what is expected."""
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


def preview_table(preview: Preview, config: Config) -> pd.DataFrame:
    """What an import changes, per key: what it is, and its old → new value."""
    return pd.DataFrame(preview.rows(config), columns=["Vad", "Före → efter"])
