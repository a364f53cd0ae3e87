"""The YAML configuration under `config/`, loaded and validated once and handed down as typed objects.

Errors name the file, the place in it and what is expected, in Swedish, so an administrator can fix a
typo without reading Python.
"""

from __future__ import annotations

import functools
import os
import re
from functools import cached_property
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from domain.roles import MEETING_VIEWS
from domain.text_matching import fold

MEETING_VIEW_NAMES = tuple(v.name for v in MEETING_VIEWS)

DEFAULT_CONFIG_DIR = "config"
# The id of an installation's organisation when organisation.yaml names only one (and of the rows stored
# before there could be several): keep it as the first organisation's id when adding more.
DEFAULT_ORGANISATION = "standard"
ORGANISATION_FOLDER = "organisations"  # config/organisations/<id>/: what differs per organisation
PER_ORGANISATION_FILES = ("areas", "kpis", "assessments", "sources")
RATINGS = ("satisfactory", "improvement", "urgent", "not_applicable")


class ConfigError(Exception):
    """The configuration cannot be used; the message lists every problem found."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Unit(_Model):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    type: Literal["committee", "company", "administration"]
    aliases: tuple[str, ...] = ()
    # The board views whose slides follow the body's main deck as its appendix (None: every one it sees).
    appendix: tuple[str, ...] | None = None

    @model_validator(mode="after")
    def _appendix_of_meeting_views(self) -> Unit:
        unknown = [v for v in self.appendix or () if v not in MEETING_VIEW_NAMES]
        if unknown:
            raise ValueError(f"appendix: okänd vy {', '.join(unknown)}; välj bland {', '.join(MEETING_VIEW_NAMES)}")
        return self


class Organisation(_Model):
    id: str = Field(default=DEFAULT_ORGANISATION, pattern=r"^[a-z0-9_]+$", max_length=40)
    municipality: str
    units: tuple[Unit, ...] = Field(min_length=1)
    default_unit: str | None = None  # the unit shown first; app.yaml's when it is one of these, else the first


class _Organisations(_Model):
    organisations: tuple[Organisation, ...] = Field(min_length=1)


class Area(_Model):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str


class Kpi(_Model):
    id: str = ""
    name: str
    unit: Literal["percent", "count", "days", "hours"]
    better: Literal["higher", "lower"]
    target: float
    amber: float
    red: float | None = None  # read for configurations from before the verdicts; no longer used
    description: str
    source: str
    owner: str = ""

    @model_validator(mode="after")
    def _thresholds_in_order(self) -> Kpi:
        ordered = self.target >= self.amber if self.better == "higher" else self.target <= self.amber
        if not ordered:
            word = "target ≥ amber" if self.better == "higher" else "target ≤ amber"
            raise ValueError(f"gränserna måste ligga i ordningen {word}")
        if self.unit == "percent" and not all(0 <= v <= 100 for v in (self.target, self.amber)):
            raise ValueError("mål och gränser för ett procenttal måste ligga mellan 0 och 100")
        return self


class Category(_Model):
    id: str
    name: str


class Statement(_Model):
    id: str
    category: str
    text: str


class Assessment(_Model):
    id: str = ""
    name: str
    scale: tuple[Literal["satisfactory", "improvement", "urgent", "not_applicable"], ...]
    categories: tuple[Category, ...] = Field(min_length=1)
    statements: tuple[Statement, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _statements_in_known_categories(self) -> Assessment:
        known = {c.id for c in self.categories}
        for s in self.statements:
            if s.category not in known:
                raise ValueError(f"påstående {s.id} har okänd kategori '{s.category}'")
        ids = [s.id.casefold() for s in self.statements]
        if len(ids) != len(set(ids)):
            raise ValueError("påståendenas id måste vara unika")
        return self


class MaturityModel(_Model):
    """A maturity ladder: its steps in order, the first being level 1."""

    id: str = ""
    name: str
    steps: tuple[str, ...] = Field(min_length=2)


class Measure(_Model):
    """One of the Cybersecurity Act's risk-management measures (NIS2 art. 21.2 a–j): its letter and name."""

    id: str = ""
    name: str


class RiskBand(_Model):
    """A band of the risk value (likelihood × consequence): from its lowest value up to the next band's."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str  # "Mycket hög"
    lowest: int = Field(alias="from", ge=1)
    said: str = ""  # in a sentence: "mycket högt riskvärde"; empty: "riskklass Mycket hög"

    @property
    def phrase(self) -> str:
        return self.said or f"riskklass {self.name}"


_LIKELIHOOD = {1: "Osannolik", 2: "Mindre sannolik", 3: "Sannolik", 4: "Mycket sannolik"}
_CONSEQUENCE = {1: "Försumbar", 2: "Lindrig", 3: "Kännbar", 4: "Allvarlig"}
_BANDS = (
    RiskBand.model_validate({"id": "low", "name": "Låg", "from": 1, "said": "lågt riskvärde"}),
    RiskBand.model_validate({"id": "medium", "name": "Medel", "from": 4, "said": "medelhögt riskvärde"}),
    RiskBand.model_validate({"id": "high", "name": "Hög", "from": 8, "said": "högt riskvärde"}),
    RiskBand.model_validate({"id": "very_high", "name": "Mycket hög", "from": 12, "said": "mycket högt riskvärde"}),
)


class RiskScale(_Model):
    """The risk register's scales (1–4 by default, 1–5 works too), each step with its Swedish name, and the
    bands of the risk value likelihood × consequence, lowest first."""

    likelihood: dict[int, str] = Field(default_factory=lambda: dict(_LIKELIHOOD))
    consequence: dict[int, str] = Field(default_factory=lambda: dict(_CONSEQUENCE))
    bands: tuple[RiskBand, ...] = _BANDS

    @model_validator(mode="after")
    def _steps_and_bands_in_order(self) -> RiskScale:
        for axis, steps in (("likelihood", self.likelihood), ("consequence", self.consequence)):
            if sorted(steps) != list(range(1, len(steps) + 1)) or not 2 <= len(steps) <= 10:
                raise ValueError(f"{axis}: stegen ska vara 1, 2, 3 … utan luckor (2–10 steg)")
        lowest = [b.lowest for b in self.bands]
        if not 2 <= len(lowest) <= 5 or lowest[0] != 1 or lowest != sorted(set(lowest)):
            raise ValueError("bands: 2–5 klasser, den första från 1 och varje följande från ett högre värde")
        return self

    def band(self, value: int) -> RiskBand:
        """The band a risk value falls in: the highest band whose lowest value it reaches."""
        return [b for b in self.bands if b.lowest <= value][-1]

    @property
    def top(self) -> tuple[RiskBand, ...]:
        """The two highest bands: the risks the board is shown by name."""
        return self.bands[-2:]


class Survey(_Model):
    """A survey's answer options in order, and those counted as the share a report gives ("only 10 % say yes")."""

    id: str = ""
    name: str
    scale: tuple[str, ...] = Field(min_length=2)
    positive: tuple[str, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _positive_on_the_scale(self) -> Survey:
        folded = [fold(a) for a in self.scale]
        if len(folded) != len(set(folded)):
            raise ValueError("svarsalternativen måste vara olika")
        missing = [a for a in self.positive if fold(a) not in folded]
        if missing:
            raise ValueError(f"positive: {', '.join(missing)} finns inte i scale")
        return self


class Source(_Model):
    name: str
    dataset: str
    path: str | None = None
    url: str | None = None
    url_secret: str | None = None
    query: str | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Source:
        is_sql = self.url is not None or self.url_secret is not None
        if (self.path is None) == (not is_sql):
            raise ValueError("ange antingen path (fil) eller url/url_secret med query (SQL)")
        if is_sql and not self.query:
            raise ValueError("en SQL-källa behöver query")
        if self.url and re.search(r"://[^/@:]+:(?!\$\{)[^@/]+@", self.url):
            raise ValueError(
                "lösenord får inte stå i config/sources.yaml; skriv ${VARIABEL} och sätt variabeln i miljön"
            )
        return self


RoleName = Literal["admin", "controller", "viewer", "auditor"]


class User(_Model):
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+$")
    name: str = ""
    role: RoleName | None = None  # the role in the first organisation
    roles: dict[str, RoleName] = Field(default_factory=dict)  # organisation id → role, with several
    password_hash: str | None = None
    disabled: bool = False

    @model_validator(mode="after")
    def _a_role(self) -> User:
        if self.role is None and not self.roles:
            raise ValueError("ange role (eller roles per organisation)")
        return self


class AppSettings(_Model):
    default_unit: str = "servicenamnden"
    classification: str = Field(default="Öppen", min_length=1, max_length=40)  # marked on the board pack
    stale_after_days: int = Field(default=120, ge=1)
    max_upload_mb: int = Field(default=200, ge=1)
    max_excel_rows: int = Field(default=500_000, ge=1)
    max_excel_columns: int = Field(default=200, ge=1)
    # An information classification older than this is due for review, and flagged.
    classification_max_age_months: int = Field(default=36, ge=1)
    # The criteria in the accessibility standard the law points to (EN 301 549: 87).
    accessibility_criteria: int = Field(default=87, ge=1)
    # A signed-in browser left alone this long is signed out (its next click shows the sign-in).
    session_idle_hours: float = Field(default=8, gt=0, le=24 * 30)


class Config(BaseModel):
    """The whole configuration; lookups by id or by name are precomputed here."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    directory: Path
    organisation: Organisation  # the one this configuration is of; its units, KPIs and areas below
    organisations: tuple[Organisation, ...] = ()  # every organisation of the installation, in file order
    areas: tuple[Area, ...]
    kpis: dict[str, Kpi]
    assessments: dict[str, Assessment]
    sources: tuple[Source, ...]
    app: AppSettings
    users: tuple[User, ...] = ()
    maturity_models: dict[str, MaturityModel] = Field(default_factory=dict)
    surveys: dict[str, Survey] = Field(default_factory=dict)
    measures: dict[str, Measure] = Field(default_factory=dict)
    risks: RiskScale = Field(default_factory=RiskScale)

    @cached_property
    def unit_names(self) -> dict[str, str]:
        return {u.id: u.name for u in self.organisation.units}

    def appendix(self, body: str) -> tuple[str, ...]:
        """The views in the appendix of the body's deck, in meeting order."""
        unit = next((u for u in self.organisation.units if u.id == body), None)
        chosen = MEETING_VIEW_NAMES if unit is None or unit.appendix is None else unit.appendix
        return tuple(v for v in MEETING_VIEW_NAMES if v in chosen)

    @cached_property
    def area_names(self) -> dict[str, str]:
        return {a.id: a.name for a in self.areas}

    @property
    def several(self) -> bool:
        """More than one organisation: commands need `--org`, accounts a role per organisation."""
        return len(self.organisations) > 1


_FILES = (
    "organisation",
    "areas",
    "kpis",
    "assessments",
    "sources",
    "app",
    "users",
    "maturity",
    "surveys",
    "measures",
    "risks",
)
_OPTIONAL_FILES = ("sources", "app", "users", "maturity", "surveys", "measures", "risks")


def config_dir() -> Path:
    return Path(os.environ.get("DASHBOARD_CONFIG_DIR", DEFAULT_CONFIG_DIR))


def load_config(directory: Path | str | None = None, organisation: str | None = None) -> Config:
    """Read and validate every YAML file; raise ConfigError listing all problems at once.

    The configuration is of one organisation (`organisation`, default the first listed): its units, and
    its own areas, KPIs and assessments where `organisations/<id>/` has them, else the shared files.
    """
    folder = Path(directory) if directory is not None else config_dir()
    problems: list[str] = []
    raw = _read_files(folder, _FILES, _OPTIONAL_FILES, problems)
    if problems:
        raise ConfigError(_problem_text(problems))
    organisations = _organisations(folder / "organisation.yaml", problems)
    if problems:
        raise ConfigError(_problem_text(problems))
    ids = [o.id for o in organisations]
    chosen_id = organisation if organisation is not None else ids[0]
    if chosen_id not in ids:
        raise ConfigError(
            _problem_text(
                [f"{folder / 'organisation.yaml'}: organisationen '{chosen_id}' finns inte; möjliga: {', '.join(ids)}"]
            )
        )
    chosen = organisations[ids.index(chosen_id)]
    own = folder / ORGANISATION_FOLDER / chosen.id
    if own.is_dir():  # what this organisation configures itself replaces the shared file
        raw |= _read_files(own, tuple(n for n in PER_ORGANISATION_FILES if (own / f"{n}.yaml").exists()), (), problems)
    where = {n: (own if (own / f"{n}.yaml").exists() else folder) / f"{n}.yaml" for n in _FILES}

    areas = _validated_list(Area, raw["areas"].get("areas"), where["areas"], "areas", problems)
    kpis = _validated_map(Kpi, raw["kpis"].get("kpis"), where["kpis"], "kpis", problems)
    assessments = _validated_map(
        Assessment, raw["assessments"].get("assessments"), where["assessments"], "assessments", problems
    )
    sources = _validated_list(Source, raw["sources"].get("sources") or [], where["sources"], "sources", problems)
    app = _validated(AppSettings, raw["app"], folder / "app.yaml", problems)
    users = _validated_list(User, raw["users"].get("users") or [], folder / "users.yaml", "users", problems)
    models = raw["maturity"].get("maturity_models") or {}
    models = (
        _validated_map(MaturityModel, models, folder / "maturity.yaml", "maturity_models", problems) if models else {}
    )
    surveys = raw["surveys"].get("surveys") or {}
    surveys = _validated_map(Survey, surveys, folder / "surveys.yaml", "surveys", problems) if surveys else {}
    measures = raw["measures"].get("measures") or {}
    measures = _validated_map(Measure, measures, folder / "measures.yaml", "measures", problems) if measures else {}
    risks = _validated(RiskScale, raw["risks"], folder / "risks.yaml", problems)
    if problems:
        raise ConfigError(_problem_text(problems))

    assert isinstance(app, AppSettings) and isinstance(risks, RiskScale)
    _check_unique([a.id for a in areas], where["areas"], "område-id", problems)
    _check_unique([u.email.casefold() for u in users], folder / "users.yaml", "e-postadressen", problems)
    for user in users:
        for unknown in sorted(set(user.roles) - set(ids)):
            problems.append(f"{folder / 'users.yaml'}: {user.email}: organisationen '{unknown}' finns inte")
    every_unit = {u.id for o in organisations for u in o.units}
    if app.default_unit not in every_unit:
        problems.append(f"{folder / 'app.yaml'}: default_unit '{app.default_unit}' finns inte i organisation.yaml")
    from domain.datasets import DATASETS  # the dataset names are the data contract's

    for source in sources:
        if source.dataset not in DATASETS:
            problems.append(
                f"{folder / 'sources.yaml'}: källan '{source.name}' har okänd datamängd '{source.dataset}'; "
                f"möjliga: {', '.join(DATASETS)}"
            )
    if problems:
        raise ConfigError(_problem_text(problems))
    own_units = [u.id for u in chosen.units]
    first = chosen.default_unit or (app.default_unit if app.default_unit in own_units else own_units[0])
    return Config(
        directory=folder,
        organisation=chosen,
        organisations=tuple(organisations),
        areas=tuple(areas),
        kpis={k: v.model_copy(update={"id": k}) for k, v in kpis.items()},
        assessments={k: v.model_copy(update={"id": k}) for k, v in assessments.items()},
        sources=tuple(sources),
        app=app.model_copy(update={"default_unit": first}),
        users=tuple(users),
        maturity_models={k: v.model_copy(update={"id": k}) for k, v in models.items()},
        surveys={k: v.model_copy(update={"id": k}) for k, v in surveys.items()},
        measures={k: v.model_copy(update={"id": k}) for k, v in measures.items()},
        risks=risks,
    )


def _read_files(
    folder: Path, names: tuple[str, ...], optional: tuple[str, ...], problems: list[str]
) -> dict[str, dict]:
    raw: dict[str, dict] = {}
    for name in names:
        path = folder / f"{name}.yaml"
        if not path.exists():
            if name in optional:
                raw[name] = {}
                continue
            problems.append(f"{path}: filen saknas")
            continue
        try:
            stat = path.stat()
            loaded = _parsed(str(path), stat.st_mtime_ns, stat.st_size)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" (rad {mark.line + 1})" if mark is not None else ""
            problems.append(f"{path}{where}: filen är inte giltig YAML")
            continue
        except UnicodeDecodeError:
            problems.append(f"{path}: filen måste vara sparad som UTF-8")
            continue
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            problems.append(f"{path}: filen ska innehålla nycklar och värden på översta nivån")
            continue
        raw[name] = loaded
    return raw


@functools.lru_cache(maxsize=64)
def _parsed(path: str, modified_ns: int, size: int) -> object:
    """A YAML file's content, read once per save: an installation of 290 organisations reads the same
    organisation.yaml for each (libyaml's parser where PyYAML has it: ten times Python's)."""
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _organisations(path: Path, problems: list[str]) -> list[Organisation]:
    """organisation.yaml: one organisation (`municipality`, `units`), or several under `organisations`;
    validated once per save of the file."""
    stat = path.stat()
    listed, found = _validated_organisations(str(path), stat.st_mtime_ns, stat.st_size)
    problems.extend(found)
    return list(listed)


@functools.lru_cache(maxsize=16)
def _validated_organisations(
    where: str, modified_ns: int, size: int
) -> tuple[tuple[Organisation, ...], tuple[str, ...]]:
    path = Path(where)
    parsed = _parsed(where, modified_ns, size)
    raw = parsed if isinstance(parsed, dict) else {}  # an empty file: every field missing, said below
    problems: list[str] = []
    if "organisations" in raw:
        several = _validated(_Organisations, raw, path, problems)
        listed = list(several.organisations) if isinstance(several, _Organisations) else []
    else:
        one = _validated(Organisation, raw, path, problems)
        listed = [one] if isinstance(one, Organisation) else []
    _check_unique([o.id for o in listed], path, "organisations-id", problems)
    for organisation in listed:
        _check_unique([u.id for u in organisation.units], path, "enhets-id", problems)
        _check_names_unambiguous(organisation, path, problems)
        if organisation.default_unit is not None and organisation.default_unit not in {
            u.id for u in organisation.units
        }:
            problems.append(
                f"{path}: default_unit '{organisation.default_unit}' finns inte bland {organisation.id}s enheter"
            )
    return tuple(listed), tuple(problems)


def _validated(model: type[_Model], data: object, path: Path, problems: list[str], where: str = "") -> _Model | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            location = ".".join(str(p) for p in (where, *err["loc"]) if p != "")
            problems.append(f"{path}: {location or 'filen'}: {_swedish(dict(err))}")
        return None


def _validated_list(model: type[_Model], data: object, path: Path, key: str, problems: list[str]) -> list:
    if not isinstance(data, list) or (key not in ("sources", "users") and not data):
        problems.append(f"{path}: nyckeln '{key}' ska vara en lista med minst en post")
        return []
    out = [_validated(model, item, path, problems, f"{key}[{i}]") for i, item in enumerate(data)]
    return [o for o in out if o is not None]


def _validated_map(model: type[_Model], data: object, path: Path, key: str, problems: list[str]) -> dict:
    if not isinstance(data, dict) or not data:
        problems.append(f"{path}: nyckeln '{key}' ska innehålla minst en post med id som nyckel")
        return {}
    out = {str(k): _validated(model, v, path, problems, f"{key}.{k}") for k, v in data.items()}
    return {k: v for k, v in out.items() if v is not None}


def _check_unique(ids: list[str], path: Path, what: str, problems: list[str]) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            problems.append(f"{path}: {what} '{i}' förekommer mer än en gång")
        seen.add(i)


def _check_names_unambiguous(organisation: Organisation, path: Path, problems: list[str]) -> None:
    owner: dict[str, str] = {}
    for unit in organisation.units:
        for spelling in {unit.id, unit.name, *unit.aliases}:
            key = fold(spelling)
            if owner.setdefault(key, unit.id) != unit.id:
                problems.append(f"{path}: '{spelling}' pekar ut både '{owner[key]}' och '{unit.id}'")


_PYDANTIC_SWEDISH = {
    "missing": "fältet saknas",
    "extra_forbidden": "okänt fält (stavfel?)",
    "string_type": "ska vara text",
    "float_parsing": "ska vara ett tal",
    "float_type": "ska vara ett tal",
    "int_parsing": "ska vara ett heltal",
    "int_type": "ska vara ett heltal",
    "string_pattern_mismatch": "får bara innehålla a–z, 0–9 och _",
    "too_short": "får inte vara tom",
    "greater_than_equal": "är för litet",
    "tuple_type": "ska vara en lista",
    "dict_type": "ska vara nycklar och värden",
    "model_type": "ska vara nycklar och värden",
}


def _swedish(err: dict) -> str:
    kind = err["type"]
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return f"ogiltigt värde {err.get('input')!r}; möjliga: {expected}".replace(" or ", ", ")
    if kind == "too_short" and err.get("ctx", {}).get("min_length", 1) > 1:
        return f"ska ha minst {err['ctx']['min_length']} poster"
    if kind == "value_error":
        return str(err.get("ctx", {}).get("error", err["msg"]))
    return _PYDANTIC_SWEDISH.get(kind, err["msg"])


def _problem_text(problems: list[str]) -> str:
    return "Konfigurationen har fel:\n" + "\n".join(f"- {p}" for p in problems)
