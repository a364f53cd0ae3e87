"""What the accessibility view says: the review in the report's own terms (services sampled, criteria
tested of the standard's, services without failures, videos with deficiencies), from the counts."""

from __future__ import annotations

import pandas as pd

from charts.accessibility_reviews import finding_label
from domain.configuration import Config
from domain.formatting import swedish_int, swedish_percent
from view_models.situation import KeyFigure


def year_summary(totals: pd.Series, criteria_in_standard: int) -> str:
    """'2024: 29 tjänster granskade mot 12 av standardens 87 kriterier; 10 utan underkända kriterier,
    9 med allvarliga och 2 med kritiska brister. 11 av 44 filmer (25 %) hade brister.'"""
    year, services = int(totals["year"]), int(totals["services"])
    text = (
        f"{year}: {swedish_int(services)} tjänster granskade mot {swedish_int(int(totals['criteria_tested']))} av "
        f"standardens {swedish_int(criteria_in_standard)} kriterier; {swedish_int(int(totals['passed']))} utan "
        f"underkända kriterier, {swedish_int(int(totals['serious']))} med allvarliga och "
        f"{swedish_int(int(totals['critical']))} med kritiska brister."
    )
    reviewed, deficient = int(totals["videos_reviewed"]), int(totals["videos_deficient"])
    if reviewed:
        share = swedish_percent(round(100 * deficient / reviewed))
        text += f" {swedish_int(deficient)} av {swedish_int(reviewed)} granskade filmer ({share}) hade brister."
    return text


def services_table(services: pd.DataFrame, config: Config) -> pd.DataFrame:
    def count(value: object) -> str:
        return "" if value is None or pd.isna(value) else swedish_int(int(value))

    return pd.DataFrame(
        {
            "Enhet": services["unit"].map(lambda u: config.unit_names.get(u, u)),
            "Tjänst": services["service"],
            "Testade kriterier": [swedish_int(int(n)) for n in services["criteria_tested"]],
            "Underkända kriterier": [swedish_int(int(n)) for n in services["criteria_failed"]],
            "Allvarligaste brist": [
                finding_label(s, f) for s, f in zip(services["severity"], services["criteria_failed"], strict=True)
            ],
            "Granskade filmer": [count(v) for v in services["videos_reviewed"]],
            "Filmer med brister": [count(v) for v in services["videos_deficient"]],
        }
    )


def years_table(totals: pd.DataFrame, criteria_in_standard: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "År": totals["year"].astype(int).astype(str),
            "Tjänster": [swedish_int(int(n)) for n in totals["services"]],
            f"Testade kriterier (av {criteria_in_standard})": [swedish_int(int(n)) for n in totals["criteria_tested"]],
            "Utan underkända": [swedish_int(int(n)) for n in totals["passed"]],
            "Allvarliga": [swedish_int(int(n)) for n in totals["serious"]],
            "Kritiska": [swedish_int(int(n)) for n in totals["critical"]],
            "Filmer med brister": [
                f"{swedish_int(int(d))} av {swedish_int(int(r))}"
                + (f" ({swedish_percent(round(100 * d / r))})" if r else "")
                for d, r in zip(totals["videos_deficient"], totals["videos_reviewed"], strict=True)
            ],
        }
    )


def body_figure(totals: pd.DataFrame, body: str, config: Config) -> KeyFigure | None:
    """totals of the body's own services: in the latest review, how many failed a criterion."""
    if totals.empty:
        return None
    last = totals.iloc[-1]
    services, failing = int(last["services"]), int(last["services"]) - int(last["passed"])
    return KeyFigure(
        f"{config.unit_names.get(body, body)}s tjänster med brister {int(last['year'])}",
        f"{swedish_int(failing)} av {swedish_int(services)}",
        (f"allvarliga {swedish_int(int(last['serious']))} · kritiska {swedish_int(int(last['critical']))}",),
    )
