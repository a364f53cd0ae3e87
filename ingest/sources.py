"""`sync`: import every source declared in config/sources.yaml, files and SQL queries alike.

Credentials are never in the YAML: a URL may hold ${VARIABLE} placeholders filled from the
environment, or be read whole from [sources] in .streamlit/secrets.toml (`url_secret`).
"""

from __future__ import annotations

import glob
import os
import re
import tomllib
from pathlib import Path

import sqlalchemy as sa

from domain.configuration import Config, Source
from domain.roles import Actor
from ingest.imports import ImportResult, import_file, import_table
from ingest.readers import sql_table
from store.engine import PROJECT_DIR

_PLACEHOLDER = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
SECRETS_FILE = Path(".streamlit") / "secrets.toml"


class SourceError(Exception):
    """A configured source cannot be reached or resolved; the message is Swedish."""


def sync_sources(engine: sa.Engine, config: Config, *, actor: Actor) -> list[ImportResult]:
    """Every configured source through the door, each import logged as the actor's."""
    results: list[ImportResult] = []
    for source in config.sources:
        try:
            if source.path is not None:
                results.extend(_sync_files(engine, config, source, actor))
            else:
                results.append(_sync_query(engine, config, source, actor))
        except SourceError as exc:
            results.append(ImportResult("invalid", source.dataset, source.name, file_error=str(exc), problem_count=1))
    return results


def _sync_files(engine: sa.Engine, config: Config, source: Source, actor: Actor) -> list[ImportResult]:
    assert source.path is not None
    matches = sorted(Path(p) for p in glob.glob(source.path) if Path(p).is_file())
    if not matches:
        raise SourceError(f"Källan '{source.name}': inga filer matchar {source.path}")
    return [
        import_file(engine, config, source.dataset, path, actor=actor, display_name=f"{source.name}: {path.name}")
        for path in matches
    ]


def _sync_query(engine: sa.Engine, config: Config, source: Source, actor: Actor) -> ImportResult:
    assert source.query is not None
    url = resolve_url(source)
    try:
        source_engine = sa.create_engine(url)
    except (sa.exc.ArgumentError, ImportError) as exc:
        raise SourceError(f"Källan '{source.name}': adressen till databasen går inte att använda") from exc
    try:
        with sql_table(source_engine, source.query, f"{source.name} (SQL)") as table:
            return import_table(engine, config, source.dataset, table, actor=actor)
    except sa.exc.SQLAlchemyError as exc:
        raise SourceError(
            f"Källan '{source.name}': frågan kunde inte köras mot databasen ({type(exc).__name__}); "
            "kontrollera adress, behörighet och SQL"
        ) from exc
    finally:
        source_engine.dispose()


def resolve_url(source: Source) -> str:
    if source.url_secret is not None:
        secrets = _read_secrets()
        url = secrets.get("sources", {}).get(source.url_secret)
        if not url:
            raise SourceError(f"Källan '{source.name}': [sources] {source.url_secret} saknas i {SECRETS_FILE}")
        return str(url)
    assert source.url is not None
    missing = [name for name in _PLACEHOLDER.findall(source.url) if name not in os.environ]
    if missing:
        raise SourceError(f"Källan '{source.name}': miljövariabeln {', '.join(missing)} är inte satt")
    return _PLACEHOLDER.sub(lambda m: os.environ[m.group(1)], source.url)


def _read_secrets() -> dict:
    for folder in (Path.cwd(), PROJECT_DIR):
        path = folder / SECRETS_FILE
        if path.exists():
            with path.open("rb") as handle:
                return tomllib.load(handle)
    return {}
