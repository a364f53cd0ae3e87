"""Downloads that open safely in Swedish Excel: `;`, decimal comma, UTF-8 with BOM, and no formulas;
and the import templates, made the same way.

A text cell beginning with =, +, -, @, tab or carriage return would run as a formula when opened
(CSV injection); such cells get a leading apostrophe. Numbers stay numbers.
"""

from __future__ import annotations

import io

import pandas as pd

from domain.allowed_values import allowed_values, format_of
from domain.configuration import Config
from domain.datasets import DATASETS

MAX_TEMPLATE_ROWS = 10_000  # rows of the data sheet that offer the drop-down lists

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise)
    out.columns = [neutralise(str(c)) for c in out.columns]
    return out


def csv_bytes(frame: pd.DataFrame) -> bytes:
    return safe_frame(frame).to_csv(sep=";", decimal=",", index=False).encode("utf-8-sig")


def excel_bytes(frame: pd.DataFrame) -> bytes:
    """An .xlsx workbook of the frame, text cells neutralised the same way as the CSV."""
    buffer = io.BytesIO()
    safe_frame(frame).to_excel(buffer, index=False, sheet_name="Data")
    return buffer.getvalue()


def template_frame(dataset: str) -> pd.DataFrame:
    """A template a controller fills in: the Swedish headers and one example row."""
    columns = DATASETS[dataset].columns
    return pd.DataFrame([[c.example for c in columns]], columns=[c.swedish for c in columns])


def template_csv(dataset: str) -> bytes:
    return csv_bytes(template_frame(dataset))


def template_xlsx(dataset: str, config: Config) -> bytes:
    """The template as a workbook: the data sheet named after the dataset (the one an import reads) with
    its Swedish headers only, a drop-down list on every coded column, and the sheet "Instruktioner" with
    each column's format and an example."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    chosen = DATASETS[dataset]
    book = Workbook()
    data = book.active
    data.title = chosen.title[:31]
    data.append([c.swedish for c in chosen.columns])  # no example row here: it would read as real figures
    lists = book.create_sheet("Listor")
    lists.sheet_state = "hidden"  # the lists the drop-downs offer; the instructions name them too
    instructions = book.create_sheet("Instruktioner")
    instructions.append(["Kolumn", "Engelskt namn", "Obligatorisk", "Värden eller format", "Exempel"])
    for cell in (*data[1], *instructions[1]):
        cell.font = Font(bold=True)
    for index, column in enumerate(chosen.columns, start=1):
        letter = get_column_letter(index)
        data.column_dimensions[letter].width = max(14, len(column.swedish) + 4)
        instructions.append(
            [
                column.swedish,
                column.name,
                "ja" if column.required else "nej",
                format_of(column, config),
                _typed_example(column.example),
            ]
        )
        values = allowed_values(column, config)
        if values is None:
            continue
        lists.cell(row=1, column=index, value=column.swedish).font = Font(bold=True)
        for row, value in enumerate(values, start=2):
            lists.cell(row=row, column=index, value=value)
        check = DataValidation(
            type="list",
            formula1=f"=Listor!${letter}$2:${letter}${len(values) + 1}",
            allow_blank=not column.required,
            showErrorMessage=True,
            errorTitle="Värdet finns inte i listan",
            error=f"Välj ett värde ur listan för {column.swedish}.",
        )
        check.add(f"{letter}2:{letter}{MAX_TEMPLATE_ROWS}")
        data.add_data_validation(check)
    for sheet, widths in ((instructions, (24, 24, 12, 90, 28)),):
        for i, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _typed_example(text: str) -> object:
    """Example numbers as numbers, so Excel shows them as a person would type them."""
    return int(text) if text.isdigit() and not text.startswith("0") and len(text) < 6 else text or None
