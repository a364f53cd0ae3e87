"""AppTest of the import page: a good file, a bad file with nothing saved, undo; and the exploration's link."""

from __future__ import annotations

import sqlalchemy as sa

from store.engine import open_store
from tests.views.conftest import page_text, shown, shown_table, unfolded

GOOD = "period;enhet;område;status;kommentar\n2025Q4;Servicenämnden;governance;Grön;Rutinen är beslutad\n"
BAD = "period;enhet;område;status\n2025Q4;Servicenämden;governance;Lila\n"


def _table_with(app, column: str):
    return next(shown_table(t.value) for t in app.table if column in t.value.columns)


def _in_order(node):
    """Every element of the page in the order it is drawn."""
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _in_order(child)


def _count(sql: str) -> int:
    with open_store().connect() as connection:
        return connection.execute(sa.text(sql)).scalar_one()


def test_a_good_file_is_previewed_then_imported_and_shows_in_the_views(open_view):
    app = open_view("views/import_data.py", dataset="status")
    batches_before = _count("SELECT count(*) FROM import_batches")
    app.file_uploader[0].set_value(("status-2025q4.csv", GOOD.encode(), "text/csv")).run()
    preview = shown(app.success[0].value)
    assert preview.startswith("status-2025q4.csv är korrekt: 1 rad (2025Q4 × Servicenämnden × Styrning och ledning).")
    assert "ersätter 1 tidigare rad," in preview  # the one area the file names, not the quarter
    changes = _table_with(app, "Före → efter")
    assert changes.iloc[0]["Vad"] == "2025Q4 · Servicenämnden · Styrning och ledning"
    assert "status Gul → Grön" in changes.iloc[0]["Före → efter"]
    assert "1 ändras, 0 är oförändrade, 0 är nya." in page_text(app)
    assert _count("SELECT count(*) FROM import_batches") == batches_before  # nothing saved before confirming

    app.button(key="confirm_" + next(b.key for b in app.button if b.key and b.key.startswith("confirm_"))[8:]).click()
    app.run()
    assert not app.exception
    assert "klar: 1 rad till Kvartalsstatus från status-2025q4.csv" in shown(app.success[0].value)
    assert _count("SELECT count(*) FROM import_batches") == batches_before + 1
    newest = shown_table(app.table[-1].value).iloc[0]
    assert newest["Användare och källa"] == "öppet läge: status-2025q4.csv"

    situation = open_view("views/situation.py", period="2025Q4")
    assert "Styrning och ledning (Servicenämnden): Röd → Grön" in page_text(situation)
    assert "Kvartal 4 2025: av 10 områden är 5 gröna, 5 gula, 0 röda" in page_text(situation)


def test_a_bad_file_shows_every_error_as_a_table_and_saves_nothing(open_view):
    app = open_view("views/import_data.py", dataset="status")
    before = _count("SELECT count(*) FROM import_batches")
    app.file_uploader[0].set_value(("fel.csv", BAD.encode(), "text/csv")).run()
    assert shown(app.error[0].value) == "fel.csv importerades inte: 2 fel. Inget sparades."
    errors = _table_with(app, "Förväntat")
    assert list(errors["Rad"]) == ["2", "2"] and list(errors["Kolumn"]) == ["enhet", "status"]
    assert "Menade du: Servicenämnden" in errors.iloc[0]["Förväntat"]
    assert not [b for b in app.button if b.label == "Importera"]
    assert _count("SELECT count(*) FROM import_batches") == before


def test_a_file_of_another_dataset_says_which_it_looks_like(open_view):
    app = open_view("views/import_data.py", dataset="status")
    incidents = "datum;enhet;allvarlighetsgrad;kategori\n2025-03-14;mkb;Kritisk;IT\n"
    app.file_uploader[0].set_value(("incidenter.csv", incidents.encode(), "text/csv")).run()
    expected = list(_table_with(app, "Förväntat")["Förväntat"])
    assert "rubrikerna ser ut att höra till datamängden 'incidents', inte 'status'" in expected


def test_undo_is_confirmed_in_a_dialog_and_restores_what_was_there(open_view):
    app = open_view("views/import_data.py", dataset="status")
    app.file_uploader[0].set_value(("status-2025q4.csv", GOOD.encode(), "text/csv")).run()
    next(b for b in app.button if b.label == "Importera").click().run()
    newest = int(shown_table(app.table[-1].value).index[0])
    assert next(s for s in app.selectbox if s.label == "Import att ångra").value.id == newest
    next(b for b in app.button if b.label == "Ångra vald import …").click().run()
    assert "Ångra import **nr" in page_text(app)
    next(b for b in app.button if b.label == "Ja, ångra").click().run()
    assert f"Import {newest} är ångrad" in shown(app.success[-1].value)
    # Said where the controller is looking: below the import history and the undo controls, not above them.
    order = [getattr(n, "type", "") + ":" + str(getattr(n, "value", ""))[:40] for n in _in_order(app.main)]
    said = next(i for i, n in enumerate(order) if "är ångrad" in n)
    assert said > max(i for i, n in enumerate(order) if n.startswith("table:"))  # the history is the last table
    assert _count(f"SELECT count(*) FROM status WHERE superseded_by = {newest + 1}") == 1
    situation = open_view("views/situation.py", period="2025Q4")
    assert "Styrning och ledning (Servicenämnden): Röd → Grön" not in page_text(situation)
    with open_store().connect() as connection:
        events = connection.execute(
            sa.text("SELECT actor, event, target FROM access_log WHERE actor <> 'exempeldata' ORDER BY id")
        ).all()
    assert [tuple(e) for e in events] == [
        ("öppet läge", "import", f"import {newest}"),
        ("öppet läge", "undo", f"import {newest}"),
    ]


def test_the_template_has_the_swedish_headers_and_an_example_row(open_view):
    app = open_view("views/import_data.py", dataset="incidents")
    assert app.selectbox(key="import_dataset").value == "incidents"
    from ingest.exports import template_csv

    lines = template_csv("incidents").decode("utf-8-sig").splitlines()
    assert lines[0].startswith("datum;enhet;allvarlighetsgrad;kategori;antal;ärendenummer")
    assert lines[1].startswith("2025-03-14;Servicenämnden;Kritisk;IT-incident;1")


def test_exploration_is_restored_from_its_link(open_view):
    app = open_view(
        "views/explore.py",
        ds="incidents",
        measure="count",
        by=["year", "severity"],
        chart="table",
        f_severity=["critical"],
    )
    table = shown_table(app.table[0].value)
    assert list(table.columns) == ["År", "Allvarlighetsgrad", "Värde"]
    assert table.to_dict("records") == [
        {"År": "2023", "Allvarlighetsgrad": "Kritisk", "Värde": "6"},
        {"År": "2024", "Allvarlighetsgrad": "Kritisk", "Värde": "6"},
        {"År": "2025", "Allvarlighetsgrad": "Kritisk", "Värde": "4"},
    ]
    assert app.query_params["f_severity"] == "critical"
    assert app.selectbox(key="explore_by2_incidents").value == "severity"


def test_exploration_ignores_names_that_are_not_in_the_specs(open_view):
    app = open_view("views/explore.py", ds="passwords", by=["secret"], chart="pie")
    assert app.query_params["ds"] == "incidents" and app.query_params["chart"] == "bar"
    assert not app.exception


def test_an_upload_over_the_size_limit_is_refused_in_swedish(config):
    from view_models.import_data import too_large

    limit = config.app.max_upload_mb * 1024 * 1024
    assert too_large(limit, config) is None
    message = too_large(limit + 1, config)
    assert message is not None and message.endswith(
        f"den största fil som tas emot är {config.app.max_upload_mb} MB. Dela upp den."
    )


def test_each_kpi_shows_its_definition_and_the_import_it_came_from(open_view):
    app = unfolded(open_view("views/status.py", period="2025Q4"))
    text = page_text(app)
    assert "Definition: Andel medarbetare som har genomfört utbildningen i informationssäkerhet (DISA)." in text
    assert "Ägare: HR-avdelningen" in text
    provenance = next(shown_table(t.value) for t in app.table if "Fil och rad" in t.value.columns)
    first = provenance.iloc[0]
    assert first["Import"].startswith("nr 2, ") and first["Import"].endswith("exempeldata")
    assert first["Fil och rad"].startswith("exempeldata/kpis.csv, rad ")


def test_fetching_from_every_source_is_in_the_access_log(open_view, app_env, monkeypatch):
    import shutil

    from tests.conftest import ROOT, write_csv

    config_dir = app_env / "config"
    shutil.copytree(ROOT / "config", config_dir)
    incoming = write_csv(app_env / "status-q1.csv", "period;enhet;område;status\n2025Q1;mkb;governance;Grön\n")
    (config_dir / "sources.yaml").write_text(
        f"sources:\n  - name: statusrapporter\n    dataset: status\n    path: {incoming}\n", encoding="utf-8"
    )
    monkeypatch.setenv("DASHBOARD_CONFIG_DIR", str(config_dir))
    app = open_view("views/import_data.py", dataset="status")
    next(b for b in app.button if b.label == "Hämta från alla källor").click()
    app.run()
    assert not app.exception
    assert any("statusrapporter: status-q1.csv" in shown(s.value) for s in app.success)
    with open_store().connect() as connection:
        entries = connection.execute(
            sa.text("SELECT actor, event, detail FROM access_log WHERE actor = 'öppet läge'")
        ).all()
    assert [(actor, event) for actor, event, _ in entries] == [("öppet läge", "import")]
    assert "statusrapporter: status-q1.csv" in entries[0][2]


def test_the_page_lists_errors_of_different_rows_at_once(open_view):
    app = open_view("views/import_data.py", dataset="kpis")
    text = (
        "period;enhet;nyckeltal;värde\n2025Q4;Servicenämden;mfa_coverage;96\n2025Q4;servicenamnden;mfa_coverage;140\n"
    )
    app.file_uploader[0].set_value(("kpis.csv", text.encode(), "text/csv")).run()
    errors = _table_with(app, "Förväntat")
    assert list(errors["Rad"]) == ["2", "3"] and list(errors["Kolumn"]) == ["enhet", "värde"]


def test_a_percentage_given_as_a_fraction_is_questioned_and_imported_only_when_confirmed(open_view):
    app = open_view("views/import_data.py", dataset="kpis")
    batches_before = _count("SELECT count(*) FROM import_batches")
    fraction = "period;enhet;nyckeltal;värde\n2025Q4;Servicenämnden;mfa_coverage;0,96\n"
    app.file_uploader[0].set_value(("mfa.csv", fraction.encode(), "text/csv")).run()
    assert "mfa.csv, rad 2, kolumn värde: 0,96 ser ut som en andel; menade du 96 %?" in [
        shown(w.value) for w in app.warning
    ]
    confirm = next(b for b in app.button if b.label == "Importera")
    assert confirm.disabled
    app.checkbox(key=next(c.key for c in app.checkbox if c.key.startswith("questioned_"))).check().run()
    next(b for b in app.button if b.label == "Importera").click().run()
    assert not app.exception
    assert _count("SELECT count(*) FROM import_batches") == batches_before + 1


def test_a_file_whose_import_is_in_force_is_said_to_be_imported_already_and_offers_no_import(open_view):
    app = open_view("views/import_data.py", dataset="status")
    app.file_uploader[0].set_value(("s.csv", GOOD.encode(), "text/csv")).run()
    next(b for b in app.button if b.label == "Importera").click().run()
    again = open_view("views/import_data.py", dataset="status")
    again.file_uploader[0].set_value(("samma.csv", GOOD.encode(), "text/csv")).run()
    said = [shown(i.value) for i in again.info]
    assert any(s.startswith("samma.csv är redan importerad (import ") for s in said), said
    assert not [b for b in again.button if b.label == "Importera"]


def test_exploration_filters_are_folded_until_used_and_open_when_the_link_has_one(open_view):
    plain = open_view("views/explore.py", ds="incidents", by=["year"])
    assert "Filter" in [e.label for e in plain.expander]
    assert not [m for m in plain.multiselect if m.key.startswith("explore_f_")]  # no choices asked for
    filtered = open_view("views/explore.py", ds="incidents", by=["year"], f_severity=["critical"])
    assert filtered.multiselect(key="explore_f_incidents_severity").value == ["critical"]
