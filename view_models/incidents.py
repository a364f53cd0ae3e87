"""What the incident view says: its summaries and tables, in Swedish formats."""

from __future__ import annotations

import pandas as pd

from domain import vocabulary
from domain.formatting import swedish_date, swedish_int, swedish_percent
from rules.incidents import ON_TIME_TARGET, report_completeness

SEVERITY_WORDS, CATEGORY_WORDS = vocabulary.SEVERITY_WORDS, vocabulary.CATEGORY_WORDS
SEVERITY_ORDER = [c.id for c in vocabulary.SEVERITIES]


def monthly_summary(monthly: pd.DataFrame, unit_label: str) -> str:
    total = int(monthly["count"].sum())
    critical = int(monthly.loc[monthly["severity"] == "critical", "count"].sum())
    per_month = monthly.groupby("month")["count"].sum()
    peak = per_month.idxmax() if len(per_month) else None
    text = f"{swedish_int(total)} incidenter för {unit_label}, varav {critical} kritiska"
    if peak:
        text += f"; flest i {peak} ({swedish_int(per_month[peak])})"
    return text + "."


def monthly_table(monthly: pd.DataFrame) -> pd.DataFrame:
    table = monthly.pivot_table(index="month", columns="severity", values="count", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=[s for s in SEVERITY_ORDER if s in table.columns])
    table["Totalt"] = table.sum(axis=1)
    table = table.rename(columns=SEVERITY_WORDS).reset_index().rename(columns={"month": "Månad"})
    return table.astype({c: int for c in table.columns if c != "Månad"})


def yearly_summary(totals: pd.DataFrame, column: str) -> str:
    parts = [f"{int(r.year)}: {swedish_int(getattr(r, column))}" for r in totals.itertuples()]
    word = "Kritiska incidenter" if column == "critical" else "Incidenter"
    return f"{word} per år – " + ", ".join(parts) + "."


def category_summary(by_year: pd.DataFrame) -> str:
    last = by_year["year"].max()
    year = by_year[by_year["year"] == last]
    personal = year[year["category"] == "personal_data"]
    total = int(year["count"].sum())
    text = ", ".join(
        f"{CATEGORY_WORDS[r.category].lower()} {swedish_int(r.count)} ({swedish_percent(100 * r.count / total)})"
        for r in year.itertuples()
    )
    reported = int(personal["reported"].sum())
    return (
        f"{last}: {text}. Av {swedish_int(int(personal['count'].sum()))} personuppgiftsincidenter anmäldes "
        f"{swedish_int(reported)} till IMY."
    )


def category_table(by_year: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "År": by_year["year"],
            "Kategori": by_year["category"].map(CATEGORY_WORDS),
            "Antal": by_year["count"].astype(int),
            "Anmälda till IMY": by_year["reported"].astype(int),
        }
    )


def unit_summary(units: pd.DataFrame, unit_names: dict[str, str], year: int) -> str:
    per_unit = units.groupby("unit")["count"].sum().sort_values(ascending=False)
    top = ", ".join(f"{unit_names.get(u, u)} {swedish_int(n)}" for u, n in per_unit.head(3).items())
    return f"{year}: flest incidenter hos {top}."


def unit_table(units: pd.DataFrame, unit_names: dict[str, str]) -> pd.DataFrame:
    table = units.pivot_table(index="unit", columns="severity", values="count", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=[s for s in SEVERITY_ORDER if s in table.columns])
    table["Totalt"] = table.sum(axis=1)
    table = table.sort_values("Totalt", ascending=False).rename(columns=SEVERITY_WORDS)
    table.index = table.index.map(lambda u: unit_names.get(u, u))
    return table.reset_index().rename(columns={"unit": "Enhet"})


def critical_summary(critical: pd.DataFrame) -> str:
    if critical.empty:
        return "Inga kritiska incidenter är registrerade."
    complete = int(report_completeness(critical).sum())
    return (
        f"{len(critical)} kritiska incidenter; {complete} har en komplett incidentrapport "
        "(datum, ansvarig incidenthanterare och ansvarig chef)."
    )


def critical_table(critical: pd.DataFrame, unit_names: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Datum": [swedish_date(d) for d in critical["date"]],
            "Ärende": critical["reference"].fillna("–"),
            "Rubrik": critical["title"].fillna("–"),
            "Enhet": critical["unit"].map(lambda u: unit_names.get(u, u)),
            "Anmäld till IMY": critical["reported_to_authority"].map({True: "Ja", False: "Nej"}).fillna("–"),
            "Incidentansvarig": critical["incident_manager"].fillna("saknas"),
            "Ansvarig chef": critical["responsible_manager"].fillna("saknas"),
            "Rapportdatum": [
                swedish_date(d) if d is not None and not pd.isna(d) else "saknas" for d in critical["report_date"]
            ],
            "Rapport": report_completeness(critical).map({True: "✓ komplett", False: "✗ ofullständig"}).tolist(),
        }
    )


def selected_bar(event: object) -> tuple[str, str] | None:
    """(month, severity code) of the bar clicked in the monthly chart, if any."""
    points = (getattr(event, "selection", None) or {}).get("rader") or []
    if not points:
        return None
    point = points[0]
    codes = {word: code for code, word in SEVERITY_WORDS.items()}
    month, word = point.get("Månadskod"), point.get("Allvarlighetsgrad")
    return (month, codes[word]) if month and word in codes else None


def rows_table(rows: pd.DataFrame, unit_names: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Datum": [swedish_date(d) for d in rows["date"]],
            "Enhet": rows["unit"].map(lambda u: unit_names.get(u, u)),
            "Kategori": rows["category"].map(CATEGORY_WORDS),
            "Antal": rows["count"].astype(int),
            "Ärende": rows["reference"].fillna("–"),
            "Rubrik": rows["title"].fillna("–"),
            "Fil och rad": [f"{s}, rad {r}" for s, r in zip(rows["source"], rows["source_row"], strict=True)],
        }
    )


STATE_WORDS = {"met": "✓ I tid", "late": "✗ För sent", "missing": "✗ Saknas", "open": "… Pågår"}


def deadline_summary(deadlines: pd.DataFrame, by_year: pd.DataFrame) -> str:
    """'Rapporterat i tid 2025: 83 % (5 av 6), mål 100 %. För sent: Incidentanmälan KRIT-2025-04 (26 h efter).'"""
    if deadlines.empty:
        return "Inga incidenter med rapporteringsplikt är registrerade."
    parts = []
    if not by_year.empty:
        last = by_year.iloc[-1]
        parts.append(
            f"Rapporterat i tid {int(last['year'])}: {swedish_percent(round(last['share']))} "
            f"({swedish_int(last['met'])} av {swedish_int(last['decided'])}), mål {swedish_percent(ON_TIME_TARGET)}."
        )
    missed = deadlines[deadlines["state"].isin(["late", "missing"])]
    if not missed.empty:
        parts.append(
            "Missade: "
            + "; ".join(
                f"{r.deadline.lower()} {r.reference or r.title} ({swedish_int(r.hours)} h "
                f"{'efter fristen' if r.state == 'late' else 'försenad, saknas'})"
                for r in missed.itertuples()
            )
            + "."
        )
    open_now = deadlines[deadlines["state"] == "open"]
    if not open_now.empty:
        parts.append(
            "Pågår: "
            + "; ".join(
                f"{r.deadline.lower()} {r.reference} ({swedish_int(r.hours)} h kvar)" for r in open_now.itertuples()
            )
            + "."
        )
    return " ".join(parts)


def deadline_table(deadlines: pd.DataFrame, unit_names: dict[str, str]) -> pd.DataFrame:
    def moment(value: object) -> str:
        return "–" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d %H:%M")

    return pd.DataFrame(
        {
            "Ärende": deadlines["reference"].fillna("–"),
            "Rubrik": deadlines["title"].fillna("–"),
            "Enhet": deadlines["unit"].map(lambda u: unit_names.get(u, u)),
            "Upptäckt": [moment(v) for v in deadlines["detected_at"]],
            "Rapport": deadlines["deadline"],
            "Senast": [moment(v) for v in deadlines["due"]],
            "Gjord": [moment(v) for v in deadlines["done"]],
            "Läge": [
                f"{STATE_WORDS[s]} ({swedish_int(h)} h{' kvar' if s == 'open' else ''})"
                for s, h in zip(deadlines["state"], deadlines["hours"], strict=True)
            ],
        }
    )


def on_time_table(by_year: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "År": by_year["year"].astype(str),
            "I tid": [swedish_int(n) for n in by_year["met"]],
            "Avgjorda": [swedish_int(n) for n in by_year["decided"]],
            "Andel i tid": [swedish_percent(round(v)) for v in by_year["share"]],
        }
    )
