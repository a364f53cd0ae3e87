"""Example data: the published facts of the source documents plus generated, plausible detail.

Facts (from the design's product brief): critical incidents 6, 6 and 4 in 2023–2025 out of about
18 000 incidents a year; the 2025 phishing simulation where 32 % clicked; the audit of IT security
with two of three recommendations done and one on hold; internal-control self-assessments with
65 % → 89 % satisfactory (2015 → 2024), improvement areas 31 % → 9 %, urgent 3 % → 0 %; the access
review with satisfactory per statement 41–71 % (2021) and 65–78 % (2024). Everything else is generated
from a fixed seed, and every batch is marked as example data so the app can say so wherever it shows.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator

import sqlalchemy as sa

from configuration import Config
from data_sources.importer import ImportResult, import_table
from data_sources.readers import Table

EXAMPLE_USER = "exempeldata"
QUARTERS = [f"{y}Q{q}" for y in (2023, 2024, 2025) for q in (1, 2, 3, 4)]
STATUS_UNITS = ("servicenamnden", "kommunstyrelsen")
COMMITTEES = (
    "kommunstyrelsen",
    "arbetsmarknads_och_socialnamnden",
    "fritidsnamnden",
    "funktionsstodsnamnden",
    "forskolenamnden",
    "grundskolenamnden",
    "gymnasie_och_vuxenutbildningsnamnden",
    "halsa_vard_och_omsorgsnamnden",
    "kulturnamnden",
    "miljonamnden",
    "servicenamnden",
    "stadsbyggnadsnamnden",
    "tekniska_namnden",
    "valnamnden",
    "overformyndarnamnden",
)
COMPANIES = (
    "stadshus",
    "mkb",
    "parkering_malmo",
    "parkeringsovervakning",
    "malmo_live",
    "stadsteatern",
    "leasing",
    "boplats_syd",
    "minc",
)


def _table(name: str, header: list[str], rows: list[list[str]]) -> Table:
    digest = hashlib.sha256()
    for line in [header, *rows]:
        digest.update(("\x1f".join(line) + "\n").encode())
    numbered: Iterator[tuple[int, list[str]]] = iter(enumerate(rows, start=2))
    return Table(f"exempeldata/{name}.csv", header, numbered, digest.hexdigest())


# --- quarterly status and KPIs -------------------------------------------------------------------

# Per area: the status level (0 green, 1 amber, 2 red) in the first quarter and the last.
_AREA_PATH = {
    "governance": (1, 1),
    "incident_management": (1, 0),
    "communication": (2, 0),
    "training": (2, 1),
    "access_management": (1, 0),
    "vulnerability_management": (1, 1),
    "continuity": (1, 0),
    "suppliers": (1, 1),
    "classification": (2, 1),
    "monitoring": (0, 0),
}
_STATUS_WORD = ("Grön", "Gul", "Röd")
_COMMENTS = {
    ("incident_management", "2025Q4"): "Rutiner daterade med beslutsinstans och ansvarig för revidering.",
    ("communication", "2025Q4"): "Ny kommunikationsplan för kritiska IT-incidenter med eskaleringsvägar.",
    ("training", "2025Q2"): "Phishingsimuleringen: 32 % klickade; övningen avbröts efter 27 av 72 timmar.",
    ("governance", "2025Q4"): "Avvaktar kommunstyrelsens rutin för uppföljning av informationssäkerhet.",
}


def status_table() -> Table:
    rng = random.Random(2023)
    rows: list[list[str]] = []
    for unit in STATUS_UNITS:
        previous: dict[str, int] = {}
        for qi, quarter in enumerate(QUARTERS):
            for area, (start, end) in _AREA_PATH.items():
                planned = round(start + (end - start) * qi / (len(QUARTERS) - 1))
                level = min(2, planned + (1 if rng.random() < 0.12 else 0))
                if area == "training" and quarter == "2025Q2":
                    level = 2
                prior = previous.get(area)
                trend = "" if prior is None else ("Upp" if level < prior else "Ned" if level > prior else "Oförändrad")
                previous[area] = level
                comment = _COMMENTS.get((area, quarter), "") if unit == "servicenamnden" else ""
                rows.append([quarter, unit, area, _STATUS_WORD[level], trend, comment])
    return _table("status", ["period", "enhet", "område", "status", "trend", "kommentar"], rows)


def kpi_table() -> Table:
    rng = random.Random(2024)
    rows: list[list[str]] = []
    n = len(QUARTERS) - 1
    for qi, quarter in enumerate(QUARTERS):
        share = qi / n
        staff = 24_500
        trained = round(staff * (0.52 + 0.26 * share + rng.uniform(-0.01, 0.01)))
        accounts = 31_000 + 150 * qi
        mfa = round(accounts * (0.71 + 0.25 * share))
        systems = 420 + 2 * qi
        classified = round(systems * (0.38 + 0.26 * share))
        patches = max(1, round(14 - 11 * share + rng.uniform(-1.5, 1.5)))
        rows += [
            [quarter, "servicenamnden", "training_completion", "", str(trained), str(staff), ""],
            [quarter, "servicenamnden", "mfa_coverage", "", str(mfa), str(accounts), ""],
            [quarter, "servicenamnden", "systems_classified", "", str(classified), str(systems), ""],
            [quarter, "servicenamnden", "critical_patches_overdue", str(patches), "", "", ""],
        ]
    rows.append(
        [
            "2025Q2",
            "servicenamnden",
            "phishing_click_rate",
            "32",
            "",
            "",
            "Simuleringen planerades för 72 timmar och avbröts efter 27. Nämndens underlag angav bara "
            "att andelen översteg 5 %.",
        ]
    )
    return _table("kpis", ["period", "enhet", "nyckeltal", "värde", "täljare", "nämnare", "kommentar"], rows)


# --- incidents -----------------------------------------------------------------------------------

_YEAR_TOTALS = {2023: 17_850, 2024: 18_120, 2025: 18_040}
_SEVERITY_SHARE = (("Hög", 0.06), ("Medel", 0.29), ("Låg", 0.65))
_CATEGORY_SHARE = (("IT-incident", 0.955), ("Informationssäkerhetsincident", 0.035), ("Personuppgiftsincident", 0.010))
_CRITICAL = {
    2023: [
        ("03-07", "Avbrott i e-posttjänsten", "IT-incident"),
        ("05-22", "Driftstopp i lönesystemet", "IT-incident"),
        ("08-30", "Nätverksavbrott i stadshuset", "IT-incident"),
        ("10-04", "Skadlig kod på klientdator spreds i nätet", "Informationssäkerhetsincident"),
        ("11-15", "Avbrott i verksamhetssystem för skolan", "IT-incident"),
        ("12-11", "Lagringssystem otillgängligt", "IT-incident"),
    ],
    2024: [
        ("01-19", "Avbrott i inloggningstjänsten", "IT-incident"),
        ("03-02", "Överbelastningsattack mot malmo.se", "Informationssäkerhetsincident"),
        ("04-26", "Driftstopp i ärendehanteringssystemet", "IT-incident"),
        ("06-13", "Personuppgifter skickade till fel mottagare i stor omfattning", "Personuppgiftsincident"),
        ("09-09", "Avbrott i telefonin", "IT-incident"),
        ("11-28", "Avbrott i verksamhetssystem för omsorgen", "IT-incident"),
    ],
    2025: [
        ("02-11", "Avbrott i e-posttjänsten", "IT-incident"),
        ("04-06", "Phishingsimulering avbröts efter hög klickfrekvens", "Informationssäkerhetsincident"),
        ("07-21", "Driftstopp i nätverket för förskolorna", "IT-incident"),
        ("10-14", "Avbrott i inloggningstjänsten", "IT-incident"),
    ],
}
_MANAGERS = ("Incidentledare ITD 1", "Incidentledare ITD 2", "Incidentledare ITD 3")


def _unit_weights() -> list[tuple[str, float]]:
    sizes = {
        "servicenamnden": 9,
        "kommunstyrelsen": 4,
        "grundskolenamnden": 8,
        "forskolenamnden": 6,
        "halsa_vard_och_omsorgsnamnden": 8,
        "arbetsmarknads_och_socialnamnden": 6,
        "funktionsstodsnamnden": 5,
        "gymnasie_och_vuxenutbildningsnamnden": 5,
    }
    weights = [(u, float(sizes.get(u, 1.5))) for u in COMMITTEES]
    total = sum(w for _, w in weights)
    return [(u, w / total) for u, w in weights]


def incident_table() -> Table:
    rng = random.Random(2025)
    rows: list[list[str]] = []
    units = _unit_weights()
    for year, total in _YEAR_TOTALS.items():
        month_weights = [1 + 0.15 * rng.uniform(-1, 1) - (0.25 if m == 7 else 0) for m in range(1, 13)]
        scale = total / sum(month_weights)
        remaining = total
        cells: list[tuple[str, str, str, str, int]] = []
        for m, weight in enumerate(month_weights, start=1):
            month_total = weight * scale
            for unit, unit_share in units:
                for severity, severity_share in _SEVERITY_SHARE:
                    for category, category_share in _CATEGORY_SHARE:
                        count = round(
                            month_total * unit_share * severity_share * category_share * rng.uniform(0.85, 1.15)
                        )
                        if count:
                            cells.append((f"{year}-{m:02d}", unit, severity, category, count))
                            remaining -= count
        # Put the rounding difference on the largest group so the year adds up to its total.
        largest = max(range(len(cells)), key=lambda i: cells[i][4])
        month, unit, severity, category, count = cells[largest]
        cells[largest] = (month, unit, severity, category, count + remaining - len(_CRITICAL[year]))
        for month, unit, severity, category, count in cells:
            reported = "Ja" if category == "Personuppgiftsincident" and rng.random() < 0.3 else ""
            rows.append([month, unit, severity, category, str(count), "", "", reported, "", "", "", ""])
        for n, (day, title, category) in enumerate(_CRITICAL[year], start=1):
            date = f"{year}-{day}"
            complete = year == 2025 or n % 3 == 0
            report = _shift(date, 6 + n)
            rows.append(
                [
                    date,
                    "servicenamnden",
                    "Kritisk",
                    category,
                    "1",
                    f"KRIT-{year}-{n:02d}",
                    title,
                    "Ja" if category == "Personuppgiftsincident" else "Nej",
                    _MANAGERS[n % len(_MANAGERS)],
                    "IT-chef, ITD" if complete else "",
                    report if complete else "",
                    _shift(date, 1),
                ]
            )
    header = [
        "datum",
        "enhet",
        "allvarlighetsgrad",
        "kategori",
        "antal",
        "ärendenummer",
        "rubrik",
        "anmäld_till_imy",
        "incidentansvarig",
        "ansvarig_chef",
        "rapportdatum",
        "åtgärdad_datum",
    ]
    return _table("incidents", header, rows)


def _shift(iso_day: str, days: int) -> str:
    import datetime as dt

    return (dt.date.fromisoformat(iso_day) + dt.timedelta(days=days)).isoformat()


# --- audit recommendations -----------------------------------------------------------------------

_AUDIT = "Granskning av IT-säkerhet"
_AUDITOR = "Malmö stadsrevision, revisorskollegiet"


def recommendation_table() -> Table:
    common = [_AUDIT, _AUDITOR, "2025-01-28", "Servicenämnden"]
    rows = [
        [
            "ITS-2025-1",
            *common,
            "Uppföljning och rapportering",
            "Tillse att uppföljning och rapportering sker i enlighet med beslut i Riktlinjer för "
            "informationssäkerhet samt att kontroll av efterlevnad av riktlinjer etableras.",
            "Nej",
            "Förvaltningsdirektör, serviceförvaltningen",
            "2025-12-31",
            "Nämnden inväntar kommunstyrelsens rutin för uppföljning; status för IT-säkerhet rapporteras "
            "kvartalsvis under tiden.",
            "2025-03-20",
            "",
        ],
        [
            "ITS-2025-2",
            *common,
            "Incidenthantering",
            "Tillse att rutinerna för incidenthantering kompletteras med datering, beslutsinstans samt "
            "ansvarig för revidering för att säkerställa dess aktualitet och förankring.",
            "Ja",
            "IT-chef, ITD",
            "2025-12-31",
            "Nämnden åtar sig att genomföra rekommendationen.",
            "2025-03-20",
            "",
        ],
        [
            "ITS-2025-3",
            *common,
            "Kommunikation",
            "Komplettera kommunikationsplan vid kritiska incidenter med tydliggjorda eskaleringsvägar och "
            "mottagare av information hos samtliga förvaltningar/verksamheter.",
            "Ja",
            "Kommunikationschef, serviceförvaltningen",
            "2025-12-31",
            "Nämnden åtar sig att genomföra rekommendationen.",
            "2025-03-20",
            "",
        ],
    ]
    header = [
        "id",
        "granskning",
        "granskare",
        "granskningsdatum",
        "mottagare",
        "område",
        "rekommendation",
        "åtagande",
        "ansvarig",
        "slutdatum",
        "yttrande",
        "yttrandedatum",
        "beslut",
    ]
    return _table("recommendations", header, rows)


def recommendation_update_table() -> Table:
    rows = [
        [
            "ITS-2025-1",
            "2025-03-20",
            "Avvaktar",
            "",
            "Inväntar kommunstyrelsens rutin för uppföljning av informationssäkerhet.",
        ],
        [
            "ITS-2025-1",
            "2025-06-30",
            "Avvaktar",
            "",
            "Kvartalsvis rapportering av status för IT-säkerhet till nämnden är införd.",
        ],
        ["ITS-2025-1", "2025-12-15", "Avvaktar", "", "Kommunstyrelsens rutin har ännu inte beslutats."],
        ["ITS-2025-2", "2025-03-20", "Ej påbörjad", "0", ""],
        ["ITS-2025-2", "2025-06-30", "Pågår", "50", "Processer och rutiner dateras och får ansvarig för revidering."],
        [
            "ITS-2025-2",
            "2025-12-15",
            "Genomförd",
            "100",
            "Rutinerna har datering, beslutsinstans och ansvarig för revidering; incidentrapporten har datering, "
            "ansvarig incidenthanterare och ansvarig chef.",
        ],
        ["ITS-2025-3", "2025-03-20", "Pågår", "20", "Arbetet med en ny kommunikationsplan har startat."],
        ["ITS-2025-3", "2025-09-30", "Pågår", "80", "Roller, ansvar och kontaktvägar till TiB och KiB beskrivna."],
        [
            "ITS-2025-3",
            "2025-12-15",
            "Genomförd",
            "100",
            "Ny kommunikationsplan för kritiska IT-incidenter med eskaleringsvägar och kanalstrategi.",
        ],
    ]
    return _table("recommendation_updates", ["rekommendation_id", "datum", "status", "andel_klar", "kommentar"], rows)


# --- self-assessments ----------------------------------------------------------------------------

# Ratings per year for all 24 committees and companies × 19 statements = 456 (published: 2015, 2024).
_INTERNAL_CONTROL = {
    2015: {"Tillfredsställande": 296, "Förbättringsområde": 141, "Behöver ses över omgående": 14, "Ej tillämplig": 5},
    2021: {"Tillfredsställande": 383, "Förbättringsområde": 64, "Behöver ses över omgående": 4, "Ej tillämplig": 5},
    2022: {"Tillfredsställande": 392, "Förbättringsområde": 55, "Behöver ses över omgående": 2, "Ej tillämplig": 7},
    2023: {"Tillfredsställande": 401, "Förbättringsområde": 47, "Behöver ses över omgående": 1, "Ej tillämplig": 7},
    2024: {"Tillfredsställande": 406, "Förbättringsområde": 41, "Behöver ses över omgående": 0, "Ej tillämplig": 9},
}
# Access review: satisfactory per statement FT1–FT6 (published ranges 41–71 % and 65–78 %).
_ACCESS = {
    2021: ((*COMMITTEES, "stadshus", "mkb"), (7, 9, 8, 12, 10, 11), {}),
    2024: (COMMITTEES + COMPANIES[:-1], (15, 16, 17, 18, 16, 15), {"FT1": 1}),
}


def self_assessment_table() -> Table:
    rng = random.Random(2015)
    rows: list[list[str]] = []
    units = COMMITTEES + COMPANIES
    statements = [f"IK{i}" for i in range(1, 20)]
    for year, counts in _INTERNAL_CONTROL.items():
        ratings = [rating for rating, n in counts.items() for _ in range(n)]
        rng.shuffle(ratings)
        cells = [(u, s) for u in units for s in statements]
        for (unit, statement), rating in zip(cells, ratings, strict=True):
            rows.append([str(year), unit, "internal_control", statement, rating, ""])
    for year, (access_units, satisfied, urgent) in _ACCESS.items():
        for i, count in enumerate(satisfied, start=1):
            statement = f"FT{i}"
            n_urgent = urgent.get(statement, 0)
            ratings = (
                ["Tillfredsställande"] * count
                + ["Behöver ses över omgående"] * n_urgent
                + ["Förbättringsområde"] * (len(access_units) - count - n_urgent)
            )
            rng.shuffle(ratings)
            for unit, rating in zip(access_units, ratings, strict=True):
                comment = "Rutinerna är inte kända i hela verksamheten." if rating.startswith("Behöver") else ""
                rows.append([str(year), unit, "access", statement, rating, comment])
    return _table("self_assessments", ["år", "enhet", "självskattning", "påstående", "bedömning", "kommentar"], rows)


EXAMPLE_TABLES = (
    ("status", status_table),
    ("kpis", kpi_table),
    ("incidents", incident_table),
    ("recommendations", recommendation_table),
    ("recommendation_updates", recommendation_update_table),
    ("self_assessments", self_assessment_table),
)


def load_example_data(engine: sa.Engine, config: Config) -> list[ImportResult]:
    """Import every example dataset through the normal import path; a second load changes nothing."""
    return [
        import_table(engine, config, dataset, make(), user=EXAMPLE_USER, is_example=True)
        for dataset, make in EXAMPLE_TABLES
    ]
