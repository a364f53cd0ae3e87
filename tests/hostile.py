"""Hostile text, put into every text field a file can fill: each must be shown as the text it is, never as
a live image, link, script or formula. Shared by the AppTest walk and the Chromium walk."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import sqlalchemy as sa

from domain.configuration import Config
from domain.roles import operator
from ingest.imports import import_file

BEACON = "http://127.0.0.1:9/x"  # nothing listens there: a request to it would be a beacon
HOSTILE = (
    f"![x]({BEACON})",
    "[x](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    '=HYPERLINK("http://127.0.0.1:9/y","y")',
)
# What any of them looks like when it is live: the raw fragments, unescaped.
LIVE = re.compile(r"(?<!\\)!\[|(?<!\\)\]\(|(?<!\\)<img|(?<!\\)://|=HYPERLINK\(")


def _csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def hostile_files() -> dict[str, str]:
    """A file per dataset whose text cells are all hostile."""
    h = HOSTILE
    return {
        "status": _csv(
            ["period", "enhet", "område", "status", "kommentar"],
            [["2025Q4", "servicenamnden", area, "Röd", h[i % 4]] for i, area in enumerate(("governance", "training"))],
        ),
        "incidents": _csv(
            [
                "datum",
                "enhet",
                "allvarlighetsgrad",
                "kategori",
                "ärendenummer",
                "rubrik",
                "incidentansvarig",
                "ansvarig_chef",
            ],
            [
                ["2025-11-03", "servicenamnden", "Kritisk", "IT", "KRIT-H1", h[0], h[2], h[3]],
                ["2025-11-04", "servicenamnden", "Kritisk", "IT", "KRIT-H2", h[1], h[0], h[2]],
            ],
        ),
        "recommendations": _csv(
            [
                "id",
                "granskning",
                "granskare",
                "granskningsdatum",
                "mottagare",
                "område",
                "rekommendation",
                "ansvarig",
                "slutdatum",
                "yttrande",
            ],
            [["H-1", h[0], h[1], "2025-02-01", "servicenamnden", h[2], h[3], h[0], "2025-06-30", h[1]]],
        ),
        "recommendation_updates": _csv(
            ["rekommendation_id", "datum", "status", "kommentar"], [["H-1", "2025-03-01", "Pågår", h[2]]]
        ),
        "self_assessments": _csv(
            ["år", "enhet", "självskattning", "påstående", "bedömning", "kommentar"],
            [["2025", "servicenamnden", "internal_control", "IK1", "Förbättringsområde", h[0]]],
        ),
        "phishing_campaigns": _csv(
            ["kampanj", "startdatum", "enhet", "mottagare", "klickade", "kommentar"],
            [[h[1], "2025-11-03", "servicenamnden", "100", "5", h[2]]],
        ),
        "training": _csv(
            ["period", "enhet", "målgrupp", "utbildning", "antal_i_målgruppen", "genomförda"],
            [["2025", "servicenamnden", "Chefer", h[3], "10", "5"]],
        ),
        "documents": _csv(
            ["id", "titel", "ägare", "beslutad_av", "revideringsansvarig", "nästa_revision"],
            [[h[0], h[1], "servicenamnden", h[2], h[3], "2020-01-01"]],
        ),
        "classifications": _csv(
            ["enhet", "system", "klassningsdatum"], [["servicenamnden", h[i], "2020-01-01"] for i in range(4)]
        ),
        "survey_results": _csv(
            ["enkät", "år", "enhet", "fråga", "svar", "antal"],
            [["sekretess", "2025", "servicenamnden", h[i], "Ja", "3"] for i in range(4)],
        ),
        "accessibility_reviews": _csv(
            ["år", "enhet", "tjänst", "testade_kriterier", "underkända_kriterier", "allvarlighetsgrad"],
            [["2025", "servicenamnden", h[i], "12", str(i), "Kritisk" if i else ""] for i in range(4)],
        ),
    }


def import_hostile(engine: sa.Engine, config: Config, folder: Path) -> None:
    for dataset, text in hostile_files().items():
        path = folder / f"{dataset}.csv"
        path.write_text(text, encoding="utf-8")
        result = import_file(engine, config, dataset, path, actor=operator("u"), display_name=f"{HOSTILE[0]}.csv")
        assert result.ok, result.messages()
