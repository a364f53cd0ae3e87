"""A 100 MB CSV is streamed: validated to its last row in bounded memory, and a late error saves nothing."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

ROWS = 1_250_000  # about 100 MB with these columns
# The command line, reporting its own peak resident memory last. VmHWM, not ru_maxrss: Linux carries
# ru_maxrss over from the forking parent (pytest) across exec, VmHWM belongs to the new process alone.
MEASURED_IMPORT = """
import re, runpy, sys
sys.argv = ["data_sources", *sys.argv[1:]]
try:
    runpy.run_module("data_sources", run_name="__main__")
except SystemExit as stop:
    code = stop.code
peak = re.search(r"VmHWM:\\s+(\\d+) kB", open("/proc/self/status").read()).group(1)
print("peak_kb=" + peak, file=sys.stderr)
sys.exit(code)
"""


def test_100_mb_csv_with_an_error_in_its_last_row(tmp_path):
    path = tmp_path / "incidenter.csv"
    line = "2024-{m:02d}-15;Servicenämnden;Låg;IT-incident;1;Skrivaren på plan {n} fungerar inte alls idag\n"
    with path.open("w", encoding="utf-8") as out:
        out.write("datum;enhet;allvarlighetsgrad;kategori;antal;rubrik\n")
        out.writelines(line.format(m=n % 12 + 1, n=n) for n in range(ROWS - 1))
        out.write("2024-12-15;Servicenämnden;Låg;IT-incident;-1;Sista raden är fel\n")
    assert path.stat().st_size > 100 * 1024 * 1024

    env = {
        **os.environ,
        "DASHBOARD_DB_URL": f"sqlite:///{tmp_path / 'store.db'}",
        "DASHBOARD_CONFIG_DIR": str(ROOT / "config"),
    }
    result = subprocess.run(
        [sys.executable, "-c", MEASURED_IMPORT, "import", "incidents", str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    peak_mb = int(result.stderr.splitlines()[-1].removeprefix("peak_kb=")) / 1024

    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"incidenter.csv, rad {ROWS + 1}, kolumn antal: värdet '-1' går inte att använda; "
        "förväntat ett heltal som är 1 eller större"
    )
    assert peak_mb < 250, f"peak memory {peak_mb:.0f} MB for a 100 MB file"
    history = subprocess.run(
        [sys.executable, "-m", "data_sources", "history"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert history.stdout.strip() == "Inga importer ännu."
