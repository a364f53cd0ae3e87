"""Example data: the published facts of the source documents plus plausible detail, as CSV files in
`example_data/`, imported through the one door like any controller's file and marked as example data.

Facts (from the product brief): critical incidents 6, 6 and 4 in 2023–2025 out of about 18 000
incidents a year; the 2025 phishing simulation where 32 % clicked; the audit of IT security with two of
three recommendations done and one on hold; internal-control self-assessments with 65 % → 89 %
satisfactory (2015 → 2024), improvement areas 31 % → 9 %, urgent 3 % → 0 %; the access review with
satisfactory per statement 41–71 % (2021) and 65–78 % (2024). Units are the ids of
`config/organisation.yaml`; a configuration without them refuses the files with the usual errors.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from domain.configuration import Config
from domain.datasets import DATASETS
from domain.roles import operator
from ingest.imports import ImportResult, import_file
from store.scope import scoped

EXAMPLE_DIR = Path(__file__).resolve().parent / "example_data"
EXAMPLE_ACTOR = operator("exempeldata")


def example_folder(config: Config) -> Path:
    """The first organisation's example files are Malmö's; another's are in `organisationer/<id>/`."""
    first = (config.organisations or (config.organisation,))[0]
    if config.organisation.id == first.id:
        return EXAMPLE_DIR
    return EXAMPLE_DIR / "organisationer" / config.organisation.id


def example_note(config: Config) -> str:
    """What the example data is, in a few words for a banner, a slide and the board pack."""
    if example_folder(config) == EXAMPLE_DIR:
        return "offentliga uppgifter från Malmö stad med påhittade detaljer"
    return f"påhittade uppgifter för {config.organisation.municipality}"


def load_example_data(engine: sa.Engine, config: Config) -> list[ImportResult]:
    """Import every example file of the configuration's organisation through the door, as that
    organisation; a second load changes nothing. An organisation without example files gets none."""
    folder = example_folder(config)
    with scoped(config.organisation.id):
        return [
            import_file(
                engine,
                config,
                dataset.name,
                folder / dataset.example_file,
                actor=EXAMPLE_ACTOR,
                display_name=f"exempeldata/{dataset.example_file}",
                is_example=True,
            )
            for dataset in DATASETS.values()  # in their declared order: a referenced dataset first
            if (folder / dataset.example_file).is_file()
        ]
