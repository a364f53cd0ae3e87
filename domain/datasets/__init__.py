"""Every dataset of the data contract, each declared once in a module of this package and found here;
`docs/data-contract.md` is the prose, held to these declarations by a test.

A new dataset is a new module here that defines `DATASET`: nothing else lists the datasets.
"""

from __future__ import annotations

import importlib
import pkgutil

from domain.declarations import Column, Dataset

__all__ = ["DATASETS", "Column", "Dataset"]


def _declared() -> list[Dataset]:
    found = []
    for module in pkgutil.iter_modules(__path__):
        declared = importlib.import_module(f"{__name__}.{module.name}").DATASET
        assert isinstance(declared, Dataset) and declared.name == module.name, module.name
        found.append(declared)
    return sorted(found, key=lambda d: d.position)


DATASETS: dict[str, Dataset] = {d.name: d for d in _declared()}
