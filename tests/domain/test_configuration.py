"""Configuration: the shipped files load, and mistakes are reported in Swedish with file and place."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from domain.configuration import ConfigError, load_config
from tests.conftest import ROOT


@pytest.fixture
def config_copy(tmp_path: Path) -> Path:
    target = tmp_path / "config"
    shutil.copytree(ROOT / "config", target)
    return target


def test_shipped_configuration_has_the_contract_ids(config):
    assert len([u for u in config.organisation.units if u.type == "committee"]) == 15
    assert len([u for u in config.organisation.units if u.type == "company"]) == 9
    assert {"servicenamnden", "kommunstyrelsen", "mkb"} <= set(config.unit_names)
    assert [a.id for a in config.areas] == [
        "governance",
        "incident_management",
        "communication",
        "training",
        "access_management",
        "vulnerability_management",
        "continuity",
        "suppliers",
        "classification",
        "monitoring",
    ]
    assert set(config.kpis) == {
        "phishing_click_rate",
        "training_completion",
        "mfa_coverage",
        "critical_patches_overdue",
        "systems_classified",
        "critical_incidents",
    }
    internal = config.assessments["internal_control"]
    assert [s.id for s in internal.statements] == [f"IK{i}" for i in range(1, 20)]
    assert [c.name for c in internal.categories] == [
        "Kontrollmiljö",
        "Riskanalys",
        "Kontrollaktiviteter",
        "Information och kommunikation",
        "Uppföljning och utvärdering",
    ]
    assert [s.id for s in config.assessments["access"].statements] == [f"FT{i}" for i in range(1, 7)]


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_problem_is_listed_with_file_and_place(config_copy):
    _replace(config_copy / "kpis.yaml", "better: lower\n    target: 5", "better: lower\n    target: 50")
    _replace(config_copy / "areas.yaml", "{id: training, name:", "{id: Training!, name:")
    with pytest.raises(ConfigError) as caught:
        load_config(config_copy)
    message = str(caught.value)
    assert message.startswith("Konfigurationen har fel:")
    assert "kpis.yaml: kpis.phishing_click_rate: gränserna måste ligga i ordningen target ≤ amber" in message
    assert "areas.yaml: areas[3].id: får bara innehålla a–z, 0–9 och _" in message


def test_missing_file_and_broken_yaml(config_copy):
    (config_copy / "areas.yaml").unlink()
    (config_copy / "kpis.yaml").write_text("kpis: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(config_copy)
    assert "areas.yaml: filen saknas" in str(caught.value)
    assert "kpis.yaml (rad 2): filen är inte giltig YAML" in str(caught.value)


def test_unknown_field_and_ambiguous_unit_names(config_copy):
    _replace(
        config_copy / "organisation.yaml",
        "{id: mkb, name: MKB Fastighets AB, type: company, aliases: [MKB]}",
        "{id: mkb, name: MKB Fastighets AB, type: company, aliases: [Valnämnden], colour: red}",
    )
    with pytest.raises(ConfigError, match="colour: okänt fält"):
        load_config(config_copy)
    _replace(config_copy / "organisation.yaml", ", colour: red", "")
    with pytest.raises(ConfigError, match="'Valnämnden' pekar ut både 'valnamnden' och 'mkb'"):
        load_config(config_copy)


def test_a_password_in_sources_yaml_is_refused(config_copy):
    (config_copy / "sources.yaml").write_text(
        "sources:\n  - name: db\n    dataset: incidents\n"
        "    url: postgresql://user:hemligt@db/x\n    query: SELECT 1\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=r"lösenord får inte stå i config/sources\.yaml"):
        load_config(config_copy)
    (config_copy / "sources.yaml").write_text(
        "sources:\n  - name: db\n    dataset: incidenter\n    url: postgresql://user:${PW}@db/x\n    query: SELECT 1\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="okänd datamängd 'incidenter'"):
        load_config(config_copy)


def test_statement_in_unknown_category(config_copy):
    _replace(
        config_copy / "assessments.yaml", "{id: IK1, category: control_environment", "{id: IK1, category: kontrollmiljo"
    )
    with pytest.raises(ConfigError, match="påstående IK1 har okänd kategori 'kontrollmiljo'"):
        load_config(config_copy)


def test_the_shipped_maturity_model_and_survey(config):
    assert config.maturity_models["ai_sweden"].steps[:2] == ("Nybörjare", "Utforskare")
    assert len(config.maturity_models["ai_sweden"].steps) == 5
    assert config.surveys["sekretess"].positive == ("Ja",)
    assert config.app.classification_max_age_months == 36 and config.app.accessibility_criteria == 87


def test_a_positive_answer_off_the_scale_and_a_one_step_ladder_are_named(config_copy):
    (config_copy / "surveys.yaml").write_text(
        "surveys:\n  s:\n    name: S\n    scale: [Ja, Nej]\n    positive: [Kanske]\n", encoding="utf-8"
    )
    (config_copy / "maturity.yaml").write_text(
        "maturity_models:\n  m:\n    name: M\n    steps: [Ett]\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError) as caught:
        load_config(config_copy)
    message = str(caught.value)
    assert "surveys.yaml: surveys.s: positive: Kanske finns inte i scale" in message
    assert "maturity.yaml: maturity_models.m.steps: ska ha minst 2 poster" in message


def test_without_surveys_and_maturity_files_the_rest_still_loads(config_copy):
    (config_copy / "surveys.yaml").unlink()
    (config_copy / "maturity.yaml").unlink()
    config = load_config(config_copy)
    assert config.surveys == {} and config.maturity_models == {}


def test_the_risk_scale_defaults_without_its_file_and_a_gap_or_unordered_bands_are_named(config_copy):
    (config_copy / "risks.yaml").unlink()
    scale = load_config(config_copy).risks
    assert scale.likelihood[4] == "Mycket sannolik" and scale.consequence[3] == "Kännbar"
    assert [scale.band(v).name for v in (3, 4, 6, 8, 9, 12, 16)] == [
        "Låg", "Medel", "Medel", "Hög", "Hög", "Mycket hög", "Mycket hög"
    ]  # fmt: skip
    (config_copy / "risks.yaml").write_text(
        "likelihood: {1: Låg, 2: Hög, 4: Mycket hög}\n"
        "bands:\n  - {id: low, name: Låg, from: 4}\n  - {id: high, name: Hög, from: 2}\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as caught:
        load_config(config_copy)
    message = str(caught.value)
    assert "risks.yaml: filen: likelihood: stegen ska vara 1, 2, 3 … utan luckor (2–10 steg)" in message
    (config_copy / "risks.yaml").write_text(
        "bands:\n  - {id: low, name: Låg, from: 4}\n  - {id: high, name: Hög, from: 2}\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError) as caught:
        load_config(config_copy)
    assert "bands: 2–5 klasser, den första från 1 och varje följande från ett högre värde" in str(caught.value)


def test_several_organisations_each_with_its_units_and_what_it_configures_itself(config_copy):
    shutil.copy(ROOT / "config" / "exempel-flera-organisationer" / "organisation.yaml", config_copy)
    own = config_copy / "organisations" / "burlov"
    own.mkdir(parents=True)
    (own / "areas.yaml").write_text("areas:\n  - {id: governance, name: Ledning och styrning}\n", encoding="utf-8")

    first = load_config(config_copy)
    burlov = load_config(config_copy, "burlov")
    assert [o.id for o in first.organisations] == ["standard", "burlov"] and first.several
    assert first.organisation.id == "standard" and first.area_names["governance"] == "Styrning och ledning"
    assert burlov.area_names == {"governance": "Ledning och styrning"}  # its own file replaces the shared one
    assert burlov.kpis == first.kpis  # what it does not configure itself is the shared file
    assert "kommunstyrelsen" in burlov.unit_names and "servicenamnden" not in burlov.unit_names
    assert burlov.app.default_unit == "kommunstyrelsen"  # app.yaml's default is not one of Burlöv's units
    assert load_config(ROOT / "config").organisation.id == "standard" and not load_config(ROOT / "config").several

    with pytest.raises(ConfigError, match="organisationen 'lund' finns inte; möjliga: standard, burlov"):
        load_config(config_copy, "lund")


def test_organisation_ids_are_unique_and_users_name_only_known_organisations(config_copy):
    shipped = ROOT / "config" / "exempel-flera-organisationer" / "organisation.yaml"
    text = shipped.read_text(encoding="utf-8")
    (config_copy / "organisation.yaml").write_text(text.replace("id: burlov", "id: standard"), encoding="utf-8")
    with pytest.raises(ConfigError, match="organisations-id 'standard' förekommer mer än en gång"):
        load_config(config_copy)

    shutil.copy(shipped, config_copy)
    users = config_copy / "users.yaml"
    users.write_text("users:\n  - {email: c@d.se}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"users\[0\]: ange role \(eller roles per organisation\)"):
        load_config(config_copy)
    users.write_text("users:\n  - {email: a@b.se, roles: {burlov: admin, lund: viewer}}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"a@b\.se: organisationen 'lund' finns inte"):
        load_config(config_copy)
