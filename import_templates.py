"""Templates a controller downloads, fills in and uploads: the Swedish headers and one example row."""

from __future__ import annotations

import pandas as pd

from data_sources.datasets import DATASETS
from exports import csv_bytes


def template_frame(dataset: str) -> pd.DataFrame:
    columns = DATASETS[dataset].columns
    return pd.DataFrame([[c.example for c in columns]], columns=[c.swedish for c in columns])


def template_csv(dataset: str) -> bytes:
    return csv_bytes(template_frame(dataset))


def column_help(dataset: str) -> pd.DataFrame:
    """What each column takes, for the import page: Swedish name, English name, required, example."""
    return pd.DataFrame(
        [
            {
                "Kolumn": c.swedish,
                "Engelskt namn": c.name,
                "Obligatorisk": "ja" if c.required else "nej",
                "Exempel": c.example or "–",
            }
            for c in DATASETS[dataset].columns
        ]
    )
