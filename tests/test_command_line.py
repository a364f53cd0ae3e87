"""The command line as scripts call it: a real process, the contract's exit codes and Swedish output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from domain.datasets import DATASETS as EXAMPLE_DATASETS
from tests.conftest import ROOT, write_csv


@pytest.fixture
def run(tmp_path: Path):
    env = {
        **os.environ,
        "DASHBOARD_DB_URL": f"sqlite:///{tmp_path / 'store.db'}",
        "DASHBOARD_CONFIG_DIR": str(ROOT / "config"),
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "data_sources", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    run.db = tmp_path / "store.db"
    run.env = env
    return run


def _count(db: Path, table: str) -> int:
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.connect() as c:
        n = c.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
    engine.dispose()
    return n


def test_import_check_history_and_undo(run, tmp_path):
    good = write_csv(tmp_path / "status.csv", "period;enhet;område;status\n2025Q3;Servicenämnden;governance;Gul\n")
    checked = run("check", "status", str(good))
    assert checked.returncode == 0, checked.stderr
    assert "är korrekt: 1 rad till Kvartalsstatus" in checked.stdout and "Inget sparades" in checked.stdout

    imported = run("import", "status", str(good))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith("Import 1 klar: 1 rad till Kvartalsstatus från status.csv")

    again = run("import", "status", str(good))
    assert again.returncode == 0 and "redan importerad (import 1)" in again.stdout

    history = run("history")
    assert history.returncode == 0 and "status.csv" in history.stdout and "(kommandorad)" in history.stdout

    undone = run("undo", "1")
    assert undone.returncode == 0 and "Import 1 är ångrad (nummer 2)" in undone.stdout
    refused = run("undo", "1")
    assert refused.returncode == 1 and "redan ångrad" in refused.stderr
    assert _count(run.db, "status") == 1  # undone, not deleted


def test_validation_errors_exit_1_print_all_and_save_nothing(run, tmp_path):
    bad = write_csv(
        tmp_path / "status.csv",
        "period;enhet;område;status\n2025Q9;Servicenämnden;governance;Gul\n2025Q3;Ingen;governance;Lila\n",
    )
    result = run("import", "status", str(bad))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("status.csv, rad 2, kolumn period: värdet '2025Q9'")
    assert lines[1].startswith("status.csv, rad 3, kolumn enhet: värdet 'Ingen'")
    assert lines[2].startswith("status.csv, rad 3, kolumn status: värdet 'Lila'")
    assert lines[-1] == "status.csv importerades inte: 3 fel. Inget sparades."
    assert _count(run.db, "import_batches") == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["import", "okänd", "x.csv"], "Okänd datamängd 'okänd'"),
        (["import", "status", "/finns/inte.csv"], "Filen /finns/inte.csv finns inte."),
        (["import", "status"], "Fel i kommandot"),
        (["undo", "ett"], "Fel i kommandot"),
        (["flytta"], "Fel i kommandot"),
    ],
)
def test_usage_errors_exit_2(run, args, message):
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr


def test_a_broken_configuration_exits_2_with_the_reason(run, tmp_path):
    env_dir = tmp_path / "config"
    env_dir.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "data_sources", "history"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "DASHBOARD_CONFIG_DIR": str(env_dir), "DASHBOARD_DB_URL": f"sqlite:///{tmp_path / 's.db'}"},
    )
    assert result.returncode == 2
    assert "organisation.yaml: filen saknas" in result.stderr


def test_demo_loads_example_data_once(run):
    first = run("demo")
    assert first.returncode == 0, first.stderr
    assert first.stdout.count("klar:") == len(EXAMPLE_DATASETS)
    second = run("demo")
    assert second.returncode == 0 and second.stdout.count("redan importerad") == len(EXAMPLE_DATASETS)


def test_check_reports_errors_of_different_rows_in_one_pass(run, tmp_path):
    path = write_csv(
        tmp_path / "kpis.csv",
        "period;enhet;nyckeltal;värde\n2025Q4;Servicenämden;mfa_coverage;96\n2025Q4;servicenamnden;mfa_coverage;140\n",
    )
    done = run("check", "kpis", str(path))
    assert done.returncode == 1
    assert "kpis.csv, rad 2, kolumn enhet" in done.stderr and "kpis.csv, rad 3, kolumn värde" in done.stderr
    assert "2 fel. Inget sparades." in done.stderr


def test_check_prints_what_the_import_would_change(run, tmp_path):
    first = write_csv(tmp_path / "a.csv", "period;enhet;område;status\n2025Q4;mkb;governance;Grön\n")
    assert run("import", "status", str(first)).returncode == 0
    second = write_csv(tmp_path / "b.csv", "period;enhet;område;status\n2025Q4;mkb;governance;Röd\n")
    done = run("check", "status", str(second))
    assert done.returncode == 0
    assert "2025Q4 · MKB Fastighets AB · Styrning och ledning: status Grön → Röd" in done.stdout
    assert "1 ändras, 0 är oförändrade, 0 är nya." in done.stdout


def test_mote_add_prints_the_new_records_id_and_list_shows_it(run, tmp_path):
    assert run("demo").returncode == 0
    added = run(
        "mote", "add", "--body", "servicenamnden", "--date", "2026-10-22", "--item", "§ 88", "--quarter", "2025Q4"
    )
    assert added.returncode == 0 and added.stdout.strip().isdigit()
    listed = run("mote", "list")
    assert listed.returncode == 0
    assert "2026-10-22  Servicenämnden" in listed.stdout and "§ 88" in listed.stdout and "2025Q4" in listed.stdout
    bad = run("mote", "add", "--body", "servicenamnden", "--date", "igår", "--item", "§ 1", "--quarter", "2025Q4")
    assert bad.returncode == 1 and "Datumet 'igår' går inte att använda" in bad.stderr
    assert run("mote", "add", "--body", "servicenamnden").returncode == 2  # usage


def test_pack_writes_the_meetings_pdf_and_deck_and_says_what_is_wrong_with_exit_codes(run, tmp_path):
    from pptx import Presentation
    from pypdf import PdfReader

    assert run("demo").returncode == 0
    meeting = run(
        "mote", "add", "--body", "servicenamnden", "--date", "2026-02-17", "--item", "§ 30", "--quarter", "2025Q4",
        "--prepared-by", "Anna Andersson",
    ).stdout.strip()  # fmt: skip
    pdf, pptx = tmp_path / "paket.pdf", tmp_path / "paket.pptx"
    made = run("pack", meeting, "--pdf", str(pdf), "--pptx", str(pptx))
    assert made.returncode == 0, made.stderr
    assert f"Skrev {pdf}" in made.stdout and f"Skrev {pptx}" in made.stdout
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Som presenterat för Servicenämnden 2026-02-17, § 30" in text
    cover = PdfReader(pdf).pages[0].extract_text()
    assert "Förberett av Anna Andersson" in cover and "kommandorad" not in cover  # never the computer's user
    assert len(Presentation(str(pptx)).slides) > 10
    only_deck = run("pack", meeting, "--pptx", str(tmp_path / "bara.pptx"))
    assert only_deck.returncode == 0 and not (tmp_path / "bara.pdf").exists()
    neither = run("pack", meeting)
    assert neither.returncode == 2 and "Ange --pdf FIL, --pptx FIL eller båda." in neither.stderr
    unknown = run("pack", "999", "--pdf", str(tmp_path / "x.pdf"))
    assert unknown.returncode == 1 and "Mötet 999 finns inte" in unknown.stderr and not (tmp_path / "x.pdf").exists()
    assert run("pack", "nr-ett", "--pdf", str(tmp_path / "x.pdf")).returncode == 2  # not a record's number
    nowhere = run("pack", meeting, "--pdf", str(tmp_path / "saknas" / "x.pdf"))
    assert nowhere.returncode == 1 and "Kunde inte skriva styrelsepaketet" in nowhere.stderr
    assert "Traceback" not in nowhere.stderr


def test_backup_then_restore_into_a_new_store_with_exit_codes(run, tmp_path):
    assert run("demo").returncode == 0
    made = run("backup", str(tmp_path / "kopia.db"))
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(f"Säkerhetskopian {tmp_path / 'kopia.db'} är skriven: 15 importer, 0 mötesprotokoll")
    assert (tmp_path / "kopia.db").stat().st_mode & 0o077 == 0  # accounts' hashes: for its owner only
    again = run("backup", str(tmp_path / "kopia.db"))
    assert again.returncode == 1 and "finns redan" in again.stderr
    into_data = run("restore", str(tmp_path / "kopia.db"))  # the store it came from has data
    assert into_data.returncode == 1 and "Lagret har redan data och skrivs aldrig över" in into_data.stderr
    run.env["DASHBOARD_DB_URL"] = f"sqlite:///{tmp_path / 'ny' / 'store.db'}"
    restored = run("restore", str(tmp_path / "kopia.db"))
    assert restored.returncode == 0, restored.stderr
    assert "Lagret är återläst från" in restored.stdout and "15 importer" in restored.stdout
    assert _count(tmp_path / "ny" / "store.db", "import_batches") == 15
    assert run("restore").returncode == 2


def test_with_several_organisations_every_command_names_one_and_sees_only_its_own(run, tmp_path):
    run.env["DASHBOARD_CONFIG_DIR"] = str(ROOT / "config" / "exempel-flera-organisationer")
    good = write_csv(tmp_path / "status.csv", "period;enhet;område;status\n2025Q3;Kommunstyrelsen;governance;Gul\n")
    for args in (("import", "status", str(good)), ("history",), ("mote", "list"), ("demo",), ("undo", "1")):
        missing = run(*args)
        assert missing.returncode == 2, args
        assert "flera organisationer; ange vilken med --org ID (standard, burlov)" in missing.stderr
    unknown = run("history", "--org", "lund")
    assert unknown.returncode == 2 and "organisationen 'lund' finns inte; möjliga: standard, burlov" in unknown.stderr

    assert run("import", "status", str(good), "--org", "burlov").returncode == 0
    malmo = run("import", "status", str(good), "--org", "standard")  # the same file, Malmö's own import
    assert malmo.returncode == 0 and malmo.stdout.startswith("Import 2 klar"), malmo.stdout
    burlov_history = run("history", "--org", "burlov").stdout
    assert "status.csv" in burlov_history and burlov_history.count("\n") == 1
    refused = run("undo", "2", "--org", "burlov")  # Malmö's import, from Burlöv
    assert refused.returncode == 1 and "Det finns ingen import med nummer 2" in refused.stderr
    recorded = run(
        "mote",
        "add",
        "--org",
        "burlov",
        "--body",
        "Kommunstyrelsen",
        "--date",
        "2026-02-10",
        "--item",
        "§ 5",
        "--quarter",
        "2025Q3",
    )
    assert recorded.returncode == 0, recorded.stderr
    assert run("mote", "list", "--org", "standard").stdout == "Inga möten ännu.\n"
    assert "Kommunstyrelsen" in run("mote", "list", "--org", "burlov").stdout
    other = run("pack", recorded.stdout.strip(), "--org", "standard", "--pdf", str(tmp_path / "p.pdf"))
    assert other.returncode == 1 and "finns inte" in other.stderr and not (tmp_path / "p.pdf").exists()


def test_an_account_has_one_role_per_organisation(run):
    run.env["DASHBOARD_CONFIG_DIR"] = str(ROOT / "config" / "exempel-flera-organisationer")
    add = ("accounts", "add", "rut@ey.se", "--role", "auditor", "--no-password")
    assert run(*add).returncode == 2  # which organisation?
    assert run(*add, "--org", "burlov").returncode == 0
    assert run("accounts", "add", "rut@ey.se", "--role", "viewer", "--no-password", "--org", "standard").returncode == 0
    assert run("accounts", "role", "rut@ey.se", "controller", "--org", "standard").returncode == 0
    listed = run("accounts", "list").stdout
    assert "auditor i burlov, controller i standard" in listed
    assert run("accounts", "remove", "rut@ey.se", "--org", "burlov").returncode == 0
    assert "controller i standard" in run("accounts", "list").stdout and "burlov" not in run("accounts", "list").stdout
    assert run("accounts", "remove", "rut@ey.se", "--org", "standard").returncode == 0
    assert "rut@ey.se" not in run("accounts", "list").stdout
