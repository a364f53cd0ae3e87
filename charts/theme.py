"""One theme for every chart: Swedish locale, a colour-blind-safe palette (Okabe–Ito), projector-sized type."""

from __future__ import annotations

from typing import Any

import altair as alt

from domain import vocabulary
from domain.formatting import MONTHS, NBSP

SWEDISH_LOCALE = {
    "number": {
        "decimal": ",",
        "thousands": NBSP,
        "grouping": [3],
        "currency": ["", f"{NBSP}kr"],
        "percent": f"{NBSP}%",
    },
    "time": {
        "dateTime": "%A %e %B %Y %X",
        "date": "%Y-%m-%d",
        "time": "%H:%M:%S",
        "periods": ["fm", "em"],
        "days": ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"],
        "shortDays": ["sön", "mån", "tis", "ons", "tor", "fre", "lör"],
        "months": list(MONTHS),
        "shortMonths": [m[:3] for m in MONTHS],
    },
}

# Okabe–Ito: distinguishable with the common colour-vision deficiencies. Status and bands always come
# with a word or a symbol as well.
# Status yellow is Okabe–Ito's yellow, far from its vermillion red (orange beside red read as one colour).
STATUS_COLOURS = {"green": "#009E73", "amber": "#F0E442", "red": "#D55E00"}
SEVERITY_COLOURS = {"critical": "#D55E00", "high": "#E69F00", "medium": "#56B4E9", "low": "#0072B2"}
CATEGORY_COLOURS = {"it": "#0072B2", "information_security": "#E69F00", "personal_data": "#CC79A7"}
RATING_COLOURS = {"satisfactory": "#009E73", "improvement": "#E69F00", "urgent": "#D55E00", "not_applicable": "#999999"}
RECOMMENDATION_COLOURS = {
    "done": "#009E73",
    "closed": "#0072B2",
    "in_progress": "#56B4E9",
    "on_hold": "#E69F00",
    "not_started": "#999999",
}
# Each code list's colours, for a chart grouped by any column of that kind (Utforska).
CODE_COLOURS: dict[tuple[vocabulary.Code, ...], dict[str, str]] = {
    vocabulary.STATUSES: STATUS_COLOURS,
    vocabulary.SEVERITIES: SEVERITY_COLOURS,
    vocabulary.INCIDENT_CATEGORIES: CATEGORY_COLOURS,
    vocabulary.RATINGS: RATING_COLOURS,
    vocabulary.RECOMMENDATION_STATUSES: RECOMMENDATION_COLOURS,
}
# Series without a coded meaning (units compared over time): Okabe–Ito in order, each also with a shape.
SERIES_COLOURS = ["#0072B2", "#E69F00", "#CC79A7", "#009E73", "#56B4E9", "#D55E00", "#000000"]
TEXT = "#1f1f1f"


def wrapped(chars: int) -> str:
    """An axis's `labelExpr` that wraps a long label onto lines of at most about `chars` characters: the
    whole name is read, never cut with "…" (the table behind the chart has it too)."""
    return f"split(trim(replace(datum.label, regexp('(.{{1,{chars}}})(\\\\s+|$)', 'g'), '$1\\n')), '\\n')"


def scale(colours: dict[str, str], labels: dict[str, str]) -> alt.Scale:
    """A colour scale over Swedish labels, in the order given."""
    return alt.Scale(domain=[labels[k] for k in colours], range=list(colours.values()))


def theme_config(large: bool = False) -> dict[str, Any]:
    """The Vega-Lite `config` of every chart; `large` is the projector size of the slides."""
    size = 20 if large else 13
    return {
        "locale": SWEDISH_LOCALE,
        "font": "Source Sans Pro, sans-serif",
        "background": "white",
        "axis": {
            "labelFontSize": size,
            "titleFontSize": size,
            "labelColor": TEXT,
            "titleColor": TEXT,
            "gridColor": "#e6e6e6",
            "labelLimit": 0,  # no label cut with "…": a long one is wrapped (`wrapped`) by the chart that has it
            "aria": False,  # Vega describes axes in English; the chart's sentence and table say it in Swedish
        },
        # A count or a share needs a handful of ticks, not one every 40 px: at 1920 they ran into each other.
        "axisQuantitative": {"tickCount": 6, "labelOverlap": "greedy", "labelSeparation": 8},
        # Years on a time axis: as many as fit with room between them (they ran together on a slide).
        "axisTemporal": {"labelOverlap": "greedy", "labelSeparation": 12},
        "legend": {
            "aria": False,
            "labelFontSize": size,
            "titleFontSize": size,
            "labelColor": TEXT,
            "titleColor": TEXT,
            "orient": "bottom",
            "labelLimit": 0,
            "titleLimit": 0,
        },
        "text": {"fontSize": 18 if large else 13},  # the words and numbers drawn in and on the marks
        "view": {"stroke": None},
        "title": {"fontSize": size + 2, "color": TEXT},
    }
