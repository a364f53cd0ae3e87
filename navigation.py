"""The views in meeting order, with the paths of the data contract; presentation mode steps through them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class View:
    script: str
    title: str
    url_path: str
    icon: str
    board: bool  # part of the board's meeting order


VIEWS = (
    View("views/situation.py", "Lägesbild", "", ":material/dashboard:", True),
    View("views/status.py", "Status", "status", ":material/traffic:", True),
    View("views/incidents.py", "Incidenter", "incidenter", ":material/warning:", True),
    View("views/recommendations.py", "Rekommendationer", "rekommendationer", ":material/checklist:", True),
    View("views/self_assessments.py", "Självskattningar", "sjalvskattningar", ":material/fact_check:", True),
    View("views/data_overview.py", "Data och importer", "data", ":material/database:", False),
    View("views/import_data.py", "Importera", "import", ":material/upload_file:", False),
    View("views/explore.py", "Utforska", "utforska", ":material/query_stats:", False),
    View("views/links.py", "Granskningslänkar", "lankar", ":material/link:", False),
    View("views/access_log.py", "Åtkomstlogg", "logg", ":material/history:", False),
)
BOARD_VIEWS = tuple(v for v in VIEWS if v.board)


def neighbours(script: str, actor: object | None = None) -> tuple[View | None, View | None]:
    """The previous and next board view in meeting order, among those the actor may see."""
    views = [v for v in BOARD_VIEWS if actor is None or actor.sees(v.url_path) or v.script == script]  # type: ignore[attr-defined]
    scripts = [v.script for v in views]
    i = scripts.index(script)
    return (views[i - 1] if i > 0 else None, views[i + 1] if i + 1 < len(views) else None)
