"""The coded values of the domain, with the Swedish word shown to users and accepted in files."""

from __future__ import annotations

from data_sources.values import Code

STATUSES = (
    Code("green", "Grön", ("gron",)),
    Code("amber", "Gul", ("yellow", "orange")),
    Code("red", "Röd"),
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


def swedish_label(codes: tuple[Code, ...], ident: str) -> str:
    """The Swedish word for a stored code; the code itself if it is not in the list."""
    return next((c.swedish for c in codes if c.id == ident), ident)
