"""The coded values of the domain: each code's id, the Swedish word shown to users and accepted in files,
and its symbol where colour alone must never carry the meaning. One list per fact; every other module
reads its words and symbols from here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# How a status or a KPI value stands, drawn as a colour next to a symbol and a word that say the same.
Tone = Literal["green", "amber", "red"]


@dataclass(frozen=True)
class Code:
    """A coded value: its canonical id, its Swedish word, other accepted spellings, and a symbol."""

    id: str
    swedish: str
    also: tuple[str, ...] = ()
    symbol: str = ""


STATUSES = (
    Code("green", "Grön", ("gron",), "●"),
    Code("amber", "Gul", ("yellow", "orange"), "▲"),
    Code("red", "Röd", (), "■"),
)
# How far a KPI value is from its target, in words a board understands; never "good" short of the target.
BANDS = (
    Code("green", "Når målet", (), "●"),
    Code("amber", "Nära målet", (), "▲"),
    Code("red", "Långt från målet", (), "■"),
)
TRENDS = (
    Code("up", "Upp", ("uppåt", "förbättrad")),
    Code("flat", "Oförändrad", ("oforandrad", "stilla")),
    Code("down", "Ned", ("ner", "nedåt", "försämrad")),
)
SEVERITIES = (
    Code("critical", "Kritisk"),
    Code("high", "Hög"),
    Code("medium", "Medel"),
    Code("low", "Låg"),
)
INCIDENT_CATEGORIES = (
    Code("it", "IT-incident", ("it incident",)),
    Code("information_security", "Informationssäkerhetsincident", ("informationssäkerhet",)),
    Code("personal_data", "Personuppgiftsincident", ("personuppgift", "personuppgifter")),
)
RECOMMENDATION_STATUSES = (
    Code("not_started", "Ej påbörjad", ("ej startad",)),
    Code("in_progress", "Pågår"),
    Code("on_hold", "Avvaktar", ("vilande",)),
    Code("done", "Genomförd", ("klar",)),
    Code("closed", "Avslutad", ("stängd",)),
)
RATINGS = (
    Code("satisfactory", "Tillfredsställande", ("ja, tillfredsställande",)),
    Code("improvement", "Förbättringsområde", ("delvis, förbättringsområde",)),
    Code("urgent", "Behöver ses över omgående", ("omgående",)),
    Code("not_applicable", "Ej tillämplig", ("ej tillämpligt", "n/a")),
)
# Who a training is for; elected members are the board itself (the Cybersecurity Act's training duty).
AUDIENCES = (
    Code("staff", "Medarbetare", ("personal", "anställda")),
    Code("managers", "Chefer", ("chef",)),
    Code("elected", "Förtroendevalda", ("ledamöter", "nämndledamöter", "elected members")),
)
DOCUMENT_TYPES = (
    Code("policy", "Policy"),
    Code("guideline", "Riktlinje", ("riktlinjer",)),
    Code("routine", "Rutin", ("rutiner",)),
    Code("plan", "Plan"),
    Code("strategy", "Strategi"),
)
DOCUMENT_STATUSES = (
    Code("in_force", "Gällande", ("gäller",)),
    Code("under_revision", "Under revidering", ("revideras",)),
    Code("repealed", "Upphävd", ("upphävt",)),
)
# How far a body has come with one of the Cybersecurity Act's risk-management measures (NIS2 art. 21.2).
MEASURE_STATUSES = (
    Code("not_started", "Ej påbörjad", ("ej startad", "inte påbörjad"), "○"),
    Code("in_progress", "Pågår", ("påbörjad",), "◐"),
    Code("done", "Genomförd", ("klar", "genomfört"), "●"),
    Code("not_applicable", "Ej tillämplig", ("ej tillämpligt", "inte tillämplig"), "–"),
)
# The worst finding of an accessibility review of a service (none: no criterion failed).
FINDINGS = (
    Code("critical", "Kritisk", ("kritiska",), "■"),
    Code("serious", "Allvarlig", ("allvarliga",), "▲"),
    Code("minor", "Mindre", ("mindre allvarlig", "ringa"), "●"),
)


def words(codes: tuple[Code, ...]) -> dict[str, str]:
    """id → Swedish word, in the list's order."""
    return {c.id: c.swedish for c in codes}


def symbols(codes: tuple[Code, ...]) -> dict[str, str]:
    return {c.id: c.symbol for c in codes}


STATUS_WORDS, STATUS_SYMBOLS = words(STATUSES), symbols(STATUSES)
BAND_WORDS, BAND_SYMBOLS = words(BANDS), symbols(BANDS)
SEVERITY_WORDS = words(SEVERITIES)
CATEGORY_WORDS = words(INCIDENT_CATEGORIES)
RECOMMENDATION_WORDS = words(RECOMMENDATION_STATUSES)
RATING_WORDS = words(RATINGS)
AUDIENCE_WORDS = words(AUDIENCES)
DOCUMENT_TYPE_WORDS = words(DOCUMENT_TYPES)
DOCUMENT_STATUS_WORDS = words(DOCUMENT_STATUSES)
FINDING_WORDS, FINDING_SYMBOLS = words(FINDINGS), symbols(FINDINGS)
MEASURE_WORDS, MEASURE_SYMBOLS = words(MEASURE_STATUSES), symbols(MEASURE_STATUSES)


def swedish_label(codes: tuple[Code, ...], ident: str) -> str:
    """The Swedish word for a stored code; the code itself if it is not in the list."""
    return next((c.swedish for c in codes if c.id == ident), ident)
