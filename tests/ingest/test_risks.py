"""The risk register through the import door, on SQLite and PostgreSQL: a file with Swedish headers gives the
scale by number or name, a re-assessment is the risk's move, a correction supersedes; bad cells are named
in Swedish and nothing is saved; a 1–5 scale works as the configuration says."""

from __future__ import annotations

import datetime as dt

from domain.configuration import RiskScale
from domain.roles import operator
from ingest.imports import import_file
from queries import risks as q
from tests.conftest import write_csv

HEADER = "id;enhet;rubrik;bedömningsdatum;sannolikhet;konsekvens;ägare;åtgärd;åtgärdsstatus;slutdatum\n"
ON = dt.date(2026, 12, 6)


def _import(store, config, tmp_path, text: str, *, name: str = "risker.csv"):
    path = write_csv(tmp_path / name, HEADER + text)
    return import_file(store, config, "risks", path, actor=operator("u"))


def _assessments(store, on: dt.date = ON):
    with store.connect() as connection:
        return q.assessments(connection, (), on)


def _rows(store) -> int:
    with store.connect() as connection:
        return connection.exec_driver_sql("select count(*) from risks").scalar()


def test_a_file_with_swedish_headers_is_read_and_a_reassessment_is_the_risks_move(store, config, tmp_path):
    text = (
        "R-1;Servicenämnden;Felaktig tillgång till lokaler;2025-03-10;4;Allvarlig;HR-chef;Rutin;Pågår;2025-12-31\n"
        "R-1;servicenamnden;Felaktig tillgång till lokaler;2025-10-06;3 Sannolik;3;HR-chef;Rutin;Genomförd;\n"
        "R-2;Kommunstyrelsen;AI utan beredskap;2025-10-06;Mindre sannolik;2;;;;\n"
    )
    result = _import(store, config, tmp_path, text)
    assert result.ok, result.messages()
    rows = _assessments(store)
    assert rows[["risk_id", "assessed_date", "likelihood", "consequence", "rank"]].values.tolist() == [
        ["R-1", dt.date(2025, 10, 6), 3, 3, 1],
        ["R-2", dt.date(2025, 10, 6), 2, 2, 1],
        ["R-1", dt.date(2025, 3, 10), 4, 4, 2],
    ]
    assert (rows.at[0, "treatment_status"], rows.at[2, "treatment_status"]) == ("done", "in_progress")
    before = _assessments(store, dt.date(2025, 6, 30))  # judged on a day before the re-assessment
    assert before[["risk_id", "likelihood", "rank"]].values.tolist() == [["R-1", 4, 1]]

    corrected = "R-1;servicenamnden;Felaktig tillgång till lokaler;2025-10-06;2;3;HR-chef;Rutin;Genomförd;\n"
    assert _import(store, config, tmp_path, corrected, name="rättelse.csv").ok
    now = _assessments(store)
    assert now[now["rank"] == 1].set_index("risk_id").at["R-1", "likelihood"] == 2  # the same id and date: corrected
    assert _rows(store) == 4  # nothing lost: the assessment it corrects is kept as superseded


def test_bad_cells_are_named_in_swedish_and_nothing_is_saved(store, config, tmp_path):
    text = (
        "R-1;servicenamnden;Risk;2025-10-06;5;3;;;;\n"
        "R-2;servicenamnden;Risk;2025-10-06;3;Katastrofal;;;;\n"
        "R-3;servicenamnden;Risk;2025-10-06;3;3;;Åtgärd;Pausad;\n"
        "R-4;servicenamnden;Risk;2025-10-06;3;3;;Åtgärd;Pågår;2025-09-30\n"
        "R-5;servicenamnden;Risk;2025-10-06;2;2;;;;\n"
        "R-5;servicenamnden;Risk igen;2025-10-06;3;3;;;;\n"
    )
    result = _import(store, config, tmp_path, text)
    assert not result.ok and _rows(store) == 0
    found = {(p.row, p.column): p.expected for p in result.problems}
    assert found[(2, "sannolikhet")].startswith("en sannolikhet på skalan 1–4")
    assert "4 Mycket sannolik" in found[(2, "sannolikhet")]
    assert "1 Försumbar, 2 Lindrig, 3 Kännbar, 4 Allvarlig" in found[(3, "konsekvens")]
    assert "Ej påbörjad" in found[(4, "åtgärdsstatus")] and "Genomförd" in found[(4, "åtgärdsstatus")]
    assert found[(5, "slutdatum")] == "ett datum från bedömningsdatumet (2025-10-06) och framåt"
    assert found[(7, "bedömningsdatum")] == "en unik rad per id, bedömningsdatum; samma som rad 6"


def test_a_one_to_five_scale_is_read_and_banded_as_configured(sqlite_store, config, tmp_path):
    five = RiskScale.model_validate(
        {
            "likelihood": {1: "Mycket låg", 2: "Låg", 3: "Medel", 4: "Hög", 5: "Mycket hög"},
            "consequence": {1: "Ingen", 2: "Liten", 3: "Måttlig", 4: "Stor", 5: "Mycket stor"},
            "bands": [
                {"id": "low", "name": "Låg", "from": 1},
                {"id": "medium", "name": "Medel", "from": 5},
                {"id": "high", "name": "Hög", "from": 10},
                {"id": "very_high", "name": "Mycket hög", "from": 15},
            ],
        }
    )
    scaled = config.model_copy(update={"risks": five})
    result = _import(sqlite_store, scaled, tmp_path, "R-1;servicenamnden;Risk;2025-10-06;5;Mycket stor;;;;\n")
    assert result.ok, result.messages()
    assert _assessments(sqlite_store)[["likelihood", "consequence"]].values.tolist() == [[5, 5]]
    assert five.band(25).name == "Mycket hög" and five.band(12).name == "Hög" and five.band(7).name == "Medel"
    refused = _import(sqlite_store, config, tmp_path, "R-2;servicenamnden;Risk;2025-10-06;5;4;;;;\n")
    assert not refused.ok  # the same 5 is off the default 1–4 scale
