"""Quarter arithmetic on canonical periods ('2025Q3')."""

from __future__ import annotations

import datetime as dt


def previous_quarter(period: str) -> str:
    year, quarter = int(period[:4]), int(period[5])
    return f"{year - 1}Q4" if quarter == 1 else f"{year}Q{quarter - 1}"


def quarter_months(period: str) -> tuple[str, str]:
    """First and last month of a quarter as 'YYYY-MM'."""
    year, quarter = int(period[:4]), int(period[5])
    return f"{year}-{3 * quarter - 2:02d}", f"{year}-{3 * quarter:02d}"


def quarter_of_month(month: str) -> str:
    return f"{month[:4]}Q{(int(month[5:7]) - 1) // 3 + 1}"


def period_end(period: str) -> dt.date:
    """The last day of a quarter ('2025Q4') or a year ('2025')."""
    year = int(period[:4])
    if len(period) == 4:
        return dt.date(year, 12, 31)
    month = 3 * int(period[5])
    return dt.date(year, month, 30 if month in (6, 9) else 31)
