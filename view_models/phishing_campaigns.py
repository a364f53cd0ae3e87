"""What the phishing view says: the latest campaign against the target in one sentence, the trend, how
long the campaigns ran against their plan, and the table behind (no streamlit)."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from charts.phishing_campaigns import click_rates, durations
from domain.configuration import Config
from domain.datasets.phishing_campaigns import DATASET
from domain.formatting import swedish_date, swedish_decimal, swedish_int, swedish_percent
from domain.roles import VIEW_NAMED
from domain.vocabulary import BAND_SYMBOLS, BAND_WORDS, Tone
from queries import phishing_campaigns as phishing_queries
from rules.kpis import band
from rules.phishing_campaigns import with_rates
from view_models.sections import Ask, Chart, Figure, Figures, Scope, ViewContent, scope_label

KPI = "phishing_click_rate"  # the configured KPI whose target a campaign's click rate is held against


def _rate(value: float) -> str:
    """32 % or 28,9 %: a decimal only where it says something."""
    rounded = round(float(value), 1)
    return swedish_percent(rounded, 0 if rounded.is_integer() else 1)


def click_target(config: Config) -> float | None:
    return config.kpis[KPI].target if KPI in config.kpis else None


def latest_summary(campaigns: pd.DataFrame, config: Config) -> str:
    """'Senaste kampanjen PH-2025-1 (2025-05-12, Servicenämnden): 32 % klickade (320 av 1 000), mål 5 %; …'."""
    if campaigns.empty:
        return "Inga phishingövningar är registrerade."
    last_start = campaigns["start_date"].max()
    latest = campaigns[campaigns["start_date"] == last_start]
    target = click_target(config)
    parts = []
    for r in latest.itertuples():
        unit = config.unit_names.get(r.unit, r.unit)
        text = (
            f"{r.campaign} ({swedish_date(r.start_date)}, {unit}): {_rate(r.click_rate)} klickade "
            f"({swedish_int(r.clicked)} av {swedish_int(r.recipients)})"
        )
        if target is not None:
            text += f", mål {_rate(target)}"
        if not pd.isna(r.report_rate):
            text += f"; {_rate(r.report_rate)} rapporterade"
        if r.stopped_early:
            text += f"; avbröts efter {_hours(r.actual_hours)} av {_hours(r.planned_hours)} planerade timmar"
        parts.append(text)
    return "Senaste kampanjen " + ". ".join(parts) + "."


def trend_summary(campaigns: pd.DataFrame, config: Config) -> str:
    """Each unit's click rates, oldest first: the chart in words (its alt text)."""
    if campaigns.empty:
        return "Inga phishingövningar är registrerade."
    units = []
    for unit, rows in campaigns.groupby("unit", sort=False):
        rates = ", ".join(f"{r.start_date.year}: {_rate(r.click_rate)}" for r in rows.itertuples())
        units.append(f"{config.unit_names.get(unit, unit)} {rates}")
    target = click_target(config)
    goal = f" Målet är högst {_rate(target)}." if target is not None else ""
    return "Andel som klickade per kampanj – " + "; ".join(units) + "." + goal


def duration_summary(campaigns: pd.DataFrame, config: Config) -> str:
    stopped = campaigns[campaigns["stopped_early"]]
    if stopped.empty:
        return "Alla kampanjer pågick den planerade tiden."
    return (
        "Avbrutna i förtid: "
        + "; ".join(
            f"{r.campaign} {config.unit_names.get(r.unit, r.unit)} efter {_hours(r.actual_hours)} av "
            f"{_hours(r.planned_hours)} timmar"
            for r in stopped.itertuples()
        )
        + "."
    )


def campaign_table(campaigns: pd.DataFrame, config: Config) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Kampanj": campaigns["campaign"],
            "Start": [swedish_date(d) for d in campaigns["start_date"]],
            "Enhet": campaigns["unit"].map(lambda u: config.unit_names.get(u, u)),
            "Mottagare": [swedish_int(n) for n in campaigns["recipients"]],
            "Klickade": [swedish_int(n) for n in campaigns["clicked"]],
            "Andel klickade": [_rate(v) for v in campaigns["click_rate"]],
            "Rapporterade": ["–" if pd.isna(n) else swedish_int(n) for n in campaigns["reported"]],
            "Andel rapporterade": ["–" if pd.isna(v) else _rate(v) for v in campaigns["report_rate"]],
            "Planerade timmar": [_hours(h) for h in campaigns["planned_hours"]],
            "Faktiska timmar": [_hours(h) for h in campaigns["actual_hours"]],
            "Kommentar": campaigns["comment"].fillna(""),
        }
    )


def _hours(value: float | None) -> str:
    if value is None or pd.isna(value):
        return "–"
    return swedish_int(value) if float(value).is_integer() else swedish_decimal(value, 1)


def latest_campaign(campaigns: pd.DataFrame, config: Config) -> Figure | None:
    """campaigns (with rates) of one body: its latest, as the board reads it on Lägesbild."""
    if campaigns.empty:
        return None
    r = campaigns.sort_values("start_date").iloc[-1]
    kpi = config.kpis.get(KPI)
    notes = [f"{swedish_int(r['clicked'])} av {swedish_int(r['recipients'])} klickade"]
    level: Tone | None = None
    if kpi is not None:
        level = band(kpi, float(r["click_rate"]))
        notes.insert(0, f"Mål {_rate(kpi.target)} · {BAND_SYMBOLS[level]} {BAND_WORDS[level]}")
    if r["stopped_early"]:
        notes.append(f"Avbröts efter {_hours(r['actual_hours'])} av {_hours(r['planned_hours'])} timmar")
    label = f"Phishingövning {swedish_date(r['start_date'])}: klickade"
    return Figure(label, _rate(r["click_rate"]), tuple(notes), level, "Phishingövning", (DATASET.name,))


def compose(ask: Ask, scope: Scope, config: Config) -> ViewContent:
    """Each campaign's click rate against the target, the units' latest campaigns (on the slides), and how
    long each ran against its plan; every rate from its counts."""
    view = VIEW_NAMED[DATASET.name]
    whose = scope_label(scope, config.unit_names)
    campaigns = ask(phishing_queries.campaigns, scope.units)
    if campaigns.empty:
        return ViewContent(view, whose, empty="Inga phishingövningar ännu.")
    campaigns = with_rates(campaigns)
    target = click_target(config)
    table = campaign_table(campaigns, config)
    latest = []
    for unit, rows in campaigns.groupby("unit", sort=False):
        figure = latest_campaign(rows, config)
        if figure is not None:
            latest.append(replace(figure, label=f"{config.unit_names.get(unit, unit)}, {figure.label}", heading=""))
    return ViewContent(
        view,
        whose,
        (
            Figures("Senaste phishingövningen", tuple(latest), on_screen=False),
            Chart(
                "Andel som klickade per kampanj",
                click_rates(campaigns, config.unit_names, target if target is not None else 0),
                trend_summary(campaigns, config),
                table,
                "phishingovningar.csv",
                datasets=(DATASET.name,),
            ),
            Chart(
                "Planerad och faktisk tid",
                durations(campaigns, config.unit_names),
                duration_summary(campaigns, config),
                table[["Kampanj", "Start", "Enhet", "Planerade timmar", "Faktiska timmar"]],
                "phishingovningar-tid.csv",
                datasets=(DATASET.name,),
            ),
        ),
        lead=latest_summary(campaigns, config),
    )
