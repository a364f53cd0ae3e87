"""What each column of a dataset takes, in the words a controller writes: the allowed values of the coded
columns (from the configuration and the vocabulary) and the format of the others. The import page, the
Excel templates' lists and their instructions sheet all read it from here."""

from __future__ import annotations

from domain import datasets as ds
from domain import vocabulary as v
from domain.configuration import Config
from domain.datasets import Column

FORMATS = {
    ds.QUARTER: "kvartal, till exempel 2025Q3",
    ds.PERIOD: "kvartal (2025Q3) eller år (2025)",
    ds.YEAR: "år, till exempel 2024",
    ds.DATE: "datum ÅÅÅÅ-MM-DD",
    ds.DAY_OR_MONTH: "datum ÅÅÅÅ-MM-DD eller månad ÅÅÅÅ-MM",
    ds.TEXT: "text",
    ds.COUNT0: "heltal, 0 eller större",
    ds.COUNT1: "heltal, 1 eller större",
    ds.NUMBER: "tal, decimalkomma går bra",
    ds.PERCENT: "procent 0–100",
    ds.STATEMENT: "påståendets id i självskattningen",
    ds.LEVEL: "heltal, ett av modellens steg (1 är det första)",
}


def allowed_values(column: Column, config: Config) -> list[str] | None:
    """The values a coded column takes (as the template lists offer them); None for a free column."""
    kind = column.kind
    if kind == ds.UNIT:
        return [u.name for u in config.organisation.units]
    if kind == ds.AREA:
        return [a.name for a in config.areas]
    if kind == ds.KPI:
        return list(config.kpis)
    if kind == ds.ASSESSMENT:
        return list(config.assessments)
    if kind == ds.STATEMENT:
        return [s.id for a in config.assessments.values() for s in a.statements]
    if kind == ds.MODEL:
        return list(config.maturity_models)
    if kind == ds.SURVEY:
        return list(config.surveys)
    if kind == ds.ANSWER:
        return list(dict.fromkeys(a for s in config.surveys.values() for a in s.scale))
    if kind == ds.YES_NO:
        return ["Ja", "Nej"]
    codes = {
        ds.STATUS: v.STATUSES,
        ds.TREND: v.TRENDS,
        ds.SEVERITY: v.SEVERITIES,
        ds.CATEGORY: v.INCIDENT_CATEGORIES,
        ds.REC_STATUS: v.RECOMMENDATION_STATUSES,
        ds.RATING: v.RATINGS,
        ds.AUDIENCE: v.AUDIENCES,
        ds.DOC_TYPE: v.DOCUMENT_TYPES,
        ds.DOC_STATUS: v.DOCUMENT_STATUSES,
        ds.FINDING: v.FINDINGS,
    }.get(kind)
    return None if codes is None else [c.swedish for c in codes]


def format_of(column: Column, config: Config) -> str:
    """In words: the allowed values of a coded column, or the format of any other."""
    values = allowed_values(column, config)
    if values is not None:
        return ", ".join(values)
    return FORMATS.get(column.kind, "text")
