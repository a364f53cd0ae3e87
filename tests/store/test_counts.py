"""The incident counts the charts read always equal the sums over the incident rows, as of every batch."""

from __future__ import annotations

import random

import pytest
import sqlalchemy as sa

from domain.datasets import DATASETS
from domain.roles import operator
from ingest import imports
from ingest.imports import import_file
from queries import incidents as q
from store.counts import rebuild_counts
from store.schema import COUNTS_TABLES, DATASET_TABLES, import_batches, visible_as_of
from tests.conftest import write_csv

incidents = DATASET_TABLES["incidents"]
incident_counts = COUNTS_TABLES["incidents"]
DIMENSIONS = DATASETS["incidents"].counts.dimensions

HEADER = "datum;enhet;allvarlighetsgrad;kategori;antal;anmäld_till_imy\n"
UNITS = ["servicenamnden", "kommunstyrelsen", "mkb"]
SEVERITIES = ["Låg", "Medel", "Hög", "Kritisk"]
CATEGORIES = ["IT", "Informationssäkerhet", "Personuppgifter"]


def _file(tmp_path, name: str, rng: random.Random, months: list[str], units: list[str], rows: int, most: int = 4):
    lines = [
        f"{rng.choice(months)}-{rng.randint(1, 28):02d};{rng.choice(units)};{rng.choice(SEVERITIES)};"
        f"{rng.choice(CATEGORIES)};{rng.randint(1, most)};{rng.choice(['Ja', 'Nej', ''])}\n"
        for _ in range(rows)
    ]
    return write_csv(tmp_path / name, HEADER + "".join(lines))


def _sums_from_rows(connection: sa.Connection, as_of: int | None) -> dict:
    dims = [incidents.c[d] for d in DIMENSIONS]
    query = sa.select(*dims, sa.func.sum(incidents.c.count)).where(visible_as_of(incidents, as_of)).group_by(*dims)
    return {tuple(r[:-1]): int(r[-1]) for r in connection.execute(query)}


def _sums_from_cells(connection: sa.Connection, as_of: int | None) -> dict:
    dims = [incident_counts.c[d] for d in DIMENSIONS]
    query = sa.select(*dims, incident_counts.c.incidents).where(visible_as_of(incident_counts, as_of))
    cells = [(tuple(r[:-1]), int(r[-1])) for r in connection.execute(query)]
    assert len(cells) == len(dict(cells)), "a cell is current twice"
    return dict(cells)


def _assert_cells_match_rows_as_of_every_batch(engine: sa.Engine) -> None:
    with engine.connect() as c:
        ids = list(c.execute(sa.select(import_batches.c.id).order_by(import_batches.c.id)).scalars())
        for as_of in [*ids, None]:
            assert _sums_from_cells(c, as_of) == _sums_from_rows(c, as_of), f"as of batch {as_of}"


@pytest.mark.parametrize("most", [4, 1])  # several incidents a row, or the usual one (counted another way)
def test_counts_follow_imports_that_replace_months_and_an_undo(store, config, tmp_path, most):
    rng = random.Random(7)
    first = _file(tmp_path, "a.csv", rng, ["2025-01", "2025-02", "2025-03"], UNITS, 300, most)
    assert import_file(store, config, "incidents", first, actor=operator("u")).outcome == "imported"
    # Replaces February and March for servicenämnden only, and adds April.
    second = _file(tmp_path, "b.csv", rng, ["2025-02", "2025-03", "2025-04"], UNITS[:1], 80, most)
    replacing = import_file(store, config, "incidents", second, actor=operator("u"))
    assert replacing.outcome == "imported" and replacing.rows_superseded > 0
    third = _file(tmp_path, "c.csv", rng, ["2025-04", "2025-05"], UNITS[1:], 50, most)
    adding = import_file(store, config, "incidents", third, actor=operator("u"))
    assert adding.outcome == "imported"
    imports.undo(store, adding.batch_id, actor=operator("u"))
    imports.undo(store, replacing.batch_id, actor=operator("u"))
    _assert_cells_match_rows_as_of_every_batch(store)


def test_a_rejected_file_leaves_the_counts_as_they_were(store, config, tmp_path):
    rng = random.Random(3)
    assert import_file(
        store, config, "incidents", _file(tmp_path, "a.csv", rng, ["2025-01"], UNITS, 40), actor=operator("u")
    ).ok
    bad = write_csv(tmp_path / "bad.csv", HEADER + "2025-01-05;servicenamnden;Låg;IT;1;\n2025-01-06;okänd;Låg;IT;1;\n")
    assert import_file(store, config, "incidents", bad, actor=operator("u")).outcome == "invalid"
    with store.connect() as c:
        assert sum(_sums_from_cells(c, None).values()) == sum(_sums_from_rows(c, None).values())
    _assert_cells_match_rows_as_of_every_batch(store)


def test_the_charts_read_the_same_totals_as_the_rows(store, config, tmp_path):
    rng = random.Random(11)
    path = _file(tmp_path, "a.csv", rng, ["2024-11", "2024-12", "2025-01"], UNITS, 200)
    assert import_file(store, config, "incidents", path, actor=operator("u")).ok
    with store.connect() as c:
        by_year = q.incidents_by_year_and_category(c, ["servicenamnden"])
        monthly = q.incidents_by_month(c, ["servicenamnden"], "2024-12", "2025-01", ["critical"])
        rows = c.execute(
            sa.select(incidents.c.year, sa.func.sum(incidents.c.count))
            .where(incidents.c.superseded_by.is_(None), incidents.c.unit == "servicenamnden")
            .group_by(incidents.c.year)
        ).all()
        critical = c.execute(
            sa.select(sa.func.sum(incidents.c.count)).where(
                incidents.c.superseded_by.is_(None),
                incidents.c.unit == "servicenamnden",
                incidents.c.severity == "critical",
                incidents.c.month.between("2024-12", "2025-01"),
            )
        ).scalar_one()
    assert by_year.groupby("year")["count"].sum().to_dict() == {year: int(total) for year, total in rows}
    assert int(monthly["count"].sum()) == int(critical) and set(monthly["severity"]) == {"critical"}


@pytest.mark.parametrize("store", ["sqlite"], indirect=True)
def test_rebuilding_from_the_rows_gives_the_same_cells(store, config, tmp_path):
    rng = random.Random(5)
    assert import_file(
        store, config, "incidents", _file(tmp_path, "a.csv", rng, ["2025-01"], UNITS, 60), actor=operator("u")
    ).ok
    second = _file(tmp_path, "b.csv", rng, ["2025-01"], UNITS[:2], 30)
    assert import_file(store, config, "incidents", second, actor=operator("u")).ok
    with store.begin() as c:
        before = {as_of: _sums_from_cells(c, as_of) for as_of in (1, 2, None)}
        c.execute(incident_counts.delete())
        rebuild_counts(c, DATASETS["incidents"])
        assert {as_of: _sums_from_cells(c, as_of) for as_of in (1, 2, None)} == before
