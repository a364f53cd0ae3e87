"""Downloads that open safely in Swedish Excel: `;`, decimal comma, UTF-8 with BOM, and no formulas;
and the import templates, made the same way.

A text cell beginning with =, +, -, @, tab or carriage return would run as a formula when opened
(CSV injection); such cells get a leading apostrophe. Numbers stay numbers.
"""

from __future__ import annotations

import io

import pandas as pd

from domain.datasets import DATASETS

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
