"""Who may see and do what: the views in meeting order with the roles that see each (one list), the
actions beyond seeing, and the actor a request is made by.

Checked in three places: the navigation built per role (`dashboard.py`), the guard at the top of every
view (`ui.sign_in.require`), and the door for writes (`ensure` in `ingest.imports`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

Role = Literal["admin", "controller", "viewer", "auditor"]
ROLES: tuple[Role, ...] = ("admin", "controller", "viewer", "auditor")
ROLE_WORDS = {
    "admin": "administratör",
    "controller": "controller",
    "viewer": "nämndledamot",
    "auditor": "revisor",
    "link": "granskningslänk",
}
_EVERYONE: frozenset[Role] = frozenset(ROLES)
_CONTROLLERS: frozenset[Role] = frozenset({"admin", "controller"})


@dataclass(frozen=True)
class View:
    """One URL of the app. `name` is its module in every layer: views/, view_models/, queries/, charts/."""

    name: str
    title: str
    path: str
    icon: str
    roles: frozenset[Role]
    in_meeting: bool = False  # one of the board's views, stepped through in this order when presenting
    listed: bool = True  # in the navigation; an unlisted view is reached by the links that lead to it
    whole_municipality: bool = False  # with no unit in the link: every unit, not the configured board
    across_organisations: bool = False  # for someone with a role in several organisations only

    @property
    def script(self) -> str:
        return f"views/{self.name}.py"


def _of_all_units(name: str, title: str, path: str, icon: str) -> View:
    """A board view that shows every unit unless the link names some (incidents, recommendations, …)."""
    return View(name, title, path, icon, _EVERYONE, in_meeting=True, whole_municipality=True)


VIEWS = (
    View("situation", "Lägesbild", "", ":material/dashboard:", _EVERYONE, True),
    View("status", "Status", "status", ":material/traffic:", _EVERYONE, True),
    View("measures", "Ledningens ansvar", "ledningsansvar", ":material/gavel:", _EVERYONE, True),
    _of_all_units("risks", "Risker", "risker", ":material/crisis_alert:"),
    _of_all_units("incidents", "Incidenter", "incidenter", ":material/warning:"),
    _of_all_units("recommendations", "Rekommendationer", "rekommendationer", ":material/checklist:"),
    _of_all_units("self_assessments", "Självskattningar", "sjalvskattningar", ":material/fact_check:"),
    _of_all_units("phishing_campaigns", "Phishingövningar", "phishing", ":material/phishing:"),
    _of_all_units("training", "Utbildning", "utbildning", ":material/school:"),
    _of_all_units("documents", "Styrdokument", "styrdokument", ":material/description:"),
    _of_all_units("classifications", "Informationsklassning", "klassning", ":material/lock:"),
    _of_all_units("maturity", "Mognad", "mognad", ":material/stairs:"),
    _of_all_units("survey_results", "Enkäter", "enkater", ":material/quiz:"),
    _of_all_units("accessibility_reviews", "Tillgänglighet", "tillganglighet", ":material/accessibility:"),
    View("presentation", "Presentation", "presentation", ":material/slideshow:", _EVERYONE, listed=False),
    View("meetings", "Möten", "moten", ":material/event_note:", _EVERYONE),
    View(
        "comparison",
        "Jämförelse",
        "jamforelse",
        ":material/compare_arrows:",
        frozenset({"admin", "controller", "viewer", "auditor"}),
        across_organisations=True,
    ),
    View("data_overview", "Data och importer", "data", ":material/database:", _EVERYONE),
    View("import_data", "Importera", "import", ":material/upload_file:", _CONTROLLERS),
    View("explore", "Utforska", "utforska", ":material/query_stats:", _CONTROLLERS),
    View("links", "Granskningslänkar", "lankar", ":material/link:", _CONTROLLERS),
    View("access_log", "Åtkomstlogg", "logg", ":material/history:", frozenset({"admin", "auditor"})),
    View("accounts", "Konton", "konton", ":material/manage_accounts:", frozenset({"admin"})),
)
MEETING_VIEWS = tuple(v for v in VIEWS if v.in_meeting)
VIEW_AT = {v.path: v for v in VIEWS}
VIEW_NAMED = {v.name: v for v in VIEWS}

# Actions beyond seeing a view.
PERMISSIONS: dict[str, frozenset[Role]] = {
    "import": _CONTROLLERS,
    "undo": _CONTROLLERS,
    "import_history": frozenset({"admin", "controller", "auditor"}),
    "access_log": frozenset({"admin", "auditor"}),
    "manage_links": _CONTROLLERS,
    "manage_accounts": frozenset({"admin"}),
    "record_meetings": _CONTROLLERS,
}


class Forbidden(Exception):
    """The actor may not do this; pages show "Du saknar behörighet" and the event is logged."""


@dataclass(frozen=True)
class Actor:
    """Who is asking: a signed-in user, a read-only link, someone at the server's command line, or nobody
    in open local mode."""

    id: str  # for the log: e-mail, 'länk 12', 'anna (kommandorad)' or 'öppet läge'
    name: str
    role: str  # one of ROLES, or 'link'
    kind: str  # 'oidc', 'local', 'link', 'operator' or 'open'
    link_id: int | None = None
    link_views: tuple[str, ...] = field(default=())
    link_meeting: int | None = None  # a link bound to a meeting record sees every board view as presented
    # (organisation, role) for each organisation the actor may see; none: every organisation in `role` (the
    # server's command line, open local mode).
    roles: tuple[tuple[str, str], ...] = ()
    organisation: str | None = None  # the organisation of this run, once chosen

    def sees_organisation(self, organisation: str) -> bool:
        return not self.roles or any(o == organisation for o, _ in self.roles)

    def in_organisation(self, organisation: str) -> Actor:
        """The actor in one of its organisations, with its role there."""
        role = dict(self.roles).get(organisation, self.role) if self.roles else self.role
        if not self.sees_organisation(organisation):
            raise Forbidden(f"organisation {organisation}")
        return replace(self, role=role, organisation=organisation)

    def sees(self, path: str) -> bool:
        if self.role == "link":
            board = self.link_views or tuple(v.path for v in MEETING_VIEWS)
            # a link to board views also shows them as slides (the deck holds only the views it may see)
            return path in board or (path == "presentation" and any(v.path in board for v in MEETING_VIEWS))
        view = VIEW_AT.get(path)
        if view is not None and view.across_organisations and len(self.roles) < 2:
            return False
        return view is not None and self.role in view.roles

    def may(self, action: str) -> bool:
        return self.role in PERMISSIONS.get(action, frozenset())


def ensure(actor: Actor, action: str) -> None:
    if not actor.may(action):
        raise Forbidden(action)


def operator(name: str) -> Actor:
    """Someone with access to the server itself (the command line, sync, the example data): an admin."""
    return Actor(id=name, name=name, role="admin", kind="operator")


OPEN_ACTOR = Actor(id="öppet läge", name="Öppet läge (ingen inloggning)", role="admin", kind="open")
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def open_mode_allowed(server_address: str | None) -> bool:
    """Open local mode only when the server listens on loopback; Streamlit's default (none) is every address."""
    return bool(server_address) and server_address in LOOPBACK
