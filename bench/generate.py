"""Data at a large city's scale, as the files its source systems would deliver, with a config to match.

1 000 000 incidents over 100 units and ten years; 40 quarters × 10 areas of status per unit, with
KPIs; 2 000 recommendations with 10 000 updates; 100 000 self-assessment ratings. Seeded, so every
run measures the same data. Written to bench/out/data and bench/out/config.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
YEARS = range(2016, 2026)
UNIT_COUNT = 100
SEVERITIES = ["Låg"] * 700 + ["Medel"] * 240 + ["Hög"] * 58 + ["Kritisk"] * 2  # 0,2 % critical
CATEGORIES = ["IT-incident"] * 85 + ["Informationssäkerhetsincident"] * 10 + ["Personuppgiftsincident"] * 5
STATUS = ["Grön"] * 6 + ["Gul"] * 3 + ["Röd"]


def write_config(folder: Path) -> list[str]:
    """The shipped config with 100 units and 100 statements per unit and year; returns the unit ids."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(ROOT / "config", folder)
    organisation = yaml.safe_load((folder / "organisation.yaml").read_text(encoding="utf-8"))
    units = organisation["units"]
    for n in range(len(units) + 1, UNIT_COUNT + 1):
        units.append({"id": f"forvaltning_{n:03d}", "name": f"Förvaltning {n}", "type": "committee"})
    (folder / "organisation.yaml").write_text(yaml.safe_dump(organisation, allow_unicode=True), encoding="utf-8")
    assessments = yaml.safe_load((folder / "assessments.yaml").read_text(encoding="utf-8"))
    for key, wanted in (("internal_control", 75), ("access", 25)):
        assessment = assessments["assessments"][key]
        statements = assessment["statements"]
        category = assessment["categories"][0]["id"]
        for n in range(len(statements) + 1, wanted + 1):
            statements.append({"id": f"{key[:2].upper()}X{n}", "category": category, "text": f"Påstående {n}."})
    (folder / "assessments.yaml").write_text(yaml.safe_dump(assessments, allow_unicode=True), encoding="utf-8")
    return [unit["id"] for unit in units]


def write_incidents(path: Path, units: list[str], rows: int) -> None:
    rng = random.Random(1)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(
            "datum;enhet;allvarlighetsgrad;kategori;ärendenummer;rubrik;anmäld_till_imy;"
            "incidentansvarig;ansvarig_chef;rapportdatum;åtgärdad_datum\n"
        )
        for n in range(rows):
            year = YEARS[0] + n * len(YEARS) // rows
            month, day = rng.randint(1, 12), rng.randint(1, 27)
            severity, category = rng.choice(SEVERITIES), rng.choice(CATEGORIES)
            reported = rng.choice(["Ja", "Nej", "Nej"]) if category == "Personuppgiftsincident" else ""
            people = ";Anna Andersson;Bertil Berg;" if severity == "Kritisk" else ";;;"
            report = f"{year}-{month:02d}-{day + 1:02d}" if severity == "Kritisk" else ""
            out.write(
                f"{year}-{month:02d}-{day:02d};{rng.choice(units)};{severity};{category};INC{n:08d};"
                f"Ärende {n};{reported}{people}{report};{year}-{month:02d}-{day + 1:02d}\n"
            )


def write_status_and_kpis(folder: Path, units: list[str], areas: list[str]) -> None:
    rng = random.Random(2)
    quarters = [f"{year}Q{q}" for year in YEARS for q in range(1, 5)]
    with (folder / "status.csv").open("w", encoding="utf-8", newline="") as out:
        out.write("period;enhet;område;status;trend;kommentar\n")
        for unit in units:
            for quarter in quarters:
                for area in areas:
                    out.write(f"{quarter};{unit};{area};{rng.choice(STATUS)};{rng.choice(['Upp', 'Ned', ''])};\n")
    with (folder / "kpis.csv").open("w", encoding="utf-8", newline="") as out:
        out.write("period;enhet;nyckeltal;värde;täljare;nämnare;kommentar\n")
        for unit in units:
            for quarter in quarters:
                for kpi in ("phishing_click_rate", "training_completion", "mfa_coverage", "systems_classified"):
                    denominator = rng.randint(200, 2000)
                    out.write(f"{quarter};{unit};{kpi};;{rng.randint(0, denominator)};{denominator};\n")
                out.write(f"{quarter};{unit};critical_patches_overdue;{rng.randint(0, 30)};;;\n")
                out.write(f"{quarter};{unit};critical_incidents;{rng.randint(0, 2)};;;\n")


def write_recommendations(folder: Path, units: list[str], count: int, updates_each: int) -> None:
    rng = random.Random(3)
    with (
        (folder / "recommendations.csv").open("w", encoding="utf-8", newline="") as recs,
        (folder / "recommendation_updates.csv").open("w", encoding="utf-8", newline="") as updates,
    ):
        recs.write(
            "id;granskning;granskare;granskningsdatum;mottagare;område;rekommendation;åtagande;ansvarig;slutdatum\n"
        )
        updates.write("rekommendation_id;datum;status;andel_klar;kommentar\n")
        for n in range(count):
            audit = n // 10
            year = YEARS[0] + audit * len(YEARS) // (count // 10)
            ident = f"GR-{year}-{n:04d}"
            recs.write(
                f"{ident};Granskning {audit + 1} av informationssäkerhet;Stadsrevisionen;"
                f"{year}-03-{1 + audit % 27:02d};"
                f"{rng.choice(units)};Incidenthantering;Förbättra rutin {n};Ja;IT-chef;{year + 1}-12-31\n"
            )
            for step in range(updates_each):
                status = "Genomförd" if step == updates_each - 1 and rng.random() < 0.6 else "Pågår"
                progress = 100 if status == "Genomförd" else 20 * (step + 1)
                updates.write(f"{ident};{year}-{4 + step:02d}-15;{status};{progress};\n")


def write_self_assessments(path: Path, units: list[str], config: Path) -> None:
    rng = random.Random(4)
    assessments = yaml.safe_load((config / "assessments.yaml").read_text(encoding="utf-8"))["assessments"]
    ratings = ["Tillfredsställande"] * 6 + ["Förbättringsområde"] * 3 + ["Behöver ses över omgående"]
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("år;enhet;självskattning;påstående;bedömning;kommentar\n")
        for year in YEARS:
            for unit in units:
                for key, assessment in assessments.items():
                    for statement in assessment["statements"]:
                        out.write(f"{year};{unit};{key};{statement['id']};{rng.choice(ratings)};\n")


def generate(out: Path, incidents: int = 1_000_000) -> tuple[Path, Path]:
    """The config folder and the data folder; files already written for this size are kept."""
    config, data = out / "config", out / "data"
    units = write_config(config)
    data.mkdir(parents=True, exist_ok=True)
    marker = data / f".complete-{incidents}"
    if not marker.exists():
        areas = [a["id"] for a in yaml.safe_load((config / "areas.yaml").read_text(encoding="utf-8"))["areas"]]
        write_incidents(data / "incidents.csv", units, incidents)
        write_status_and_kpis(data, units, areas)
        write_recommendations(data, units, 2000, 5)
        write_self_assessments(data / "self_assessments.csv", units, config)
        for old in data.glob(".complete-*"):
            old.unlink()
        marker.touch()
    return config, data
