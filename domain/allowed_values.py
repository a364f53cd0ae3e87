"""What each column of a dataset takes, in the words a controller writes: the allowed values of the coded
columns (from the configuration and the vocabulary) and the format of the others, both from the column's
kind. The import page, the Excel templates' lists and their instructions sheet all read it from here."""

from __future__ import annotations

from domain.configuration import Config
from domain.declarations import Column


def allowed_values(column: Column, config: Config) -> list[str] | None:
    """The values a coded column takes (as the template lists offer them); None for a free column."""
    return column.kind.allowed_values(config)


def format_of(column: Column, config: Config) -> str:
    """In words: the allowed values of a coded column, or the format of any other."""
    values = allowed_values(column, config)
    if values is not None:
        return ", ".join(values)
    return column.kind.format
