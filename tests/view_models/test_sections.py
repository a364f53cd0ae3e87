"""A view's value: the figures and sentences it shows (what "Rättat efter mötet" compares), whose figures
they are, and how the deck cuts its sections into slides without composing anything itself."""

from __future__ import annotations

import altair as alt
import pandas as pd

from domain.roles import VIEW_NAMED
from view_models import presentation as p
from view_models.sections import (
    Chart,
    Figure,
    Figures,
    Lines,
    Scope,
    Table,
    ViewContent,
    missing,
    scope_label,
)

TABLE = pd.DataFrame({"År": [2024, 2025], "Antal": [1, 2]})


def _chart(title: str, **kw) -> Chart:
    return Chart(
        title, alt.Chart(TABLE).mark_bar().encode(x="År:O", y="Antal:Q"), f"{title} i ord.", TABLE, "x.csv", **kw
    )


def test_the_value_lists_the_figures_and_sentences_it_shows_with_their_datasets():
    content = ViewContent(
        VIEW_NAMED["situation"],
        "Servicenämnden",
        (
            Figures(
                "Nyckeltal", (Figure("Andel", "32 %", datasets=("kpis",)), missing("Mognad", "Ingen mognadsnivå."))
            ),
            _chart("Per år", datasets=("incidents",)),
            Table("Register", TABLE),
        ),
    )
    assert content.figures == {"Andel": "32 %"}  # a missing figure is no figure
    assert content.sentences == {"Per år": "Per år i ord."}
    assert content.figure_sources["Andel"] == ("32 %", ("kpis",))


def test_whose_figures_a_scope_shows(config):
    import datetime as dt

    day = dt.date(2026, 2, 17)
    assert scope_label(Scope((), None, day, "servicenamnden"), config.unit_names) == "hela kommunen"
    assert scope_label(Scope(("mkb",), None, day, "mkb"), config.unit_names) == "MKB Fastighets AB"
    assert scope_label(Scope(("mkb", "servicenamnden"), None, day, "mkb"), config.unit_names) == "2 enheter"


def test_the_deck_cuts_sections_into_slides_and_leaves_the_screens_own_out():
    sections = (
        Figures("Tiles", tuple(Figure(f"Område {n}", "● Grön", tone="green") for n in range(12)), style="status"),
        _chart("Antal per år", fit="pair", slide_title="År mot år"),
        _chart("Kritiska per år", fit="pair", slide_title="År mot år"),
        _chart("Lång", slide_pages=((alt.Chart(TABLE).mark_bar(), TABLE),) * 3, note="Resten på vyn."),
        _chart("Bara på skärmen", on_slide=False),
        Lines("Ändringar", (), empty="Inga ändringar."),
        Table("Register", TABLE),
    )
    slides = p.slides_of(ViewContent(VIEW_NAMED["incidents"], "hela kommunen", sections))
    assert [s.title for s in slides] == [
        "Tiles (1 av 2)",
        "Tiles (2 av 2)",
        "År mot år",
        "Lång (1 av 3)",
        "Lång (2 av 3)",
        "Lång (3 av 3)",
        "Ändringar",
    ]
    assert [len(s.figures) for s in slides[:2]] == [p.AREAS_PER_SLIDE, 2]
    assert [c.title for c in slides[2].charts] == ["Antal per år", "Kritiska per år"]
    assert [s.note for s in slides[3:6]] == ["", "", "Resten på vyn."]
    assert slides[-1].lead == "Inga ändringar."


def test_a_view_with_nothing_to_show_is_one_slide_that_says_so():
    empty = ViewContent(VIEW_NAMED["training"], "hela kommunen", empty="Ingen utbildning är registrerad ännu.")
    (slide,) = p.slides_of(empty)
    assert (slide.title, slide.lead) == ("Utbildning", "Ingen utbildning är registrerad ännu.")
