"""Who may see and do what: roles, the views of each, and the actor a request is made by.

Checked in three places: the navigation built per role (dashboard.py), a guard at the top of every
page (page_guard.py), and the data functions that serve confidential data or write (`ensure`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

ROLES = ("admin", "controller", "viewer", "auditor")
ROLE_WORDS = {
    "admin": "administratör",
    "controller": "controller",
    "viewer": "nämndledamot",
    "auditor": "revisor",
    "link": "granskningslänk",
}

BOARD_VIEWS = ("", "status", "incidenter", "rekommendationer", "sjalvskattningar")
# View (url path) → roles that see it. A read-only link sees the board views it was made for, nothing else.
VIEW_ROLES: dict[str, frozenset[str]] = {
    **{view: frozenset(ROLES) for view in BOARD_VIEWS},
    "data": frozenset(ROLES),
    "import": frozenset({"admin", "controller"}),
    "utforska": frozenset({"admin", "controller"}),
    "lankar": frozenset({"admin", "controller"}),
    "logg": frozenset({"admin", "auditor"}),
}
# Actions beyond seeing a view.
PERMISSIONS: dict[str, frozenset[str]] = {
    "import": frozenset({"admin", "controller"}),
    "undo": frozenset({"admin", "controller"}),
    "import_history": frozenset({"admin", "controller", "auditor"}),
    "access_log": frozenset({"admin", "auditor"}),
    "manage_links": frozenset({"admin", "controller"}),
}


class Forbidden(Exception):
    """The actor may not do this; pages show "Du saknar behörighet" and the event is logged."""


@dataclass(frozen=True)
class Actor:
    """Who is asking: a signed-in user, a read-only link, or nobody in open local mode."""

    id: str  # for the log: e-mail, 'länk 12' or 'öppet läge'
    name: str
    role: str  # one of ROLES, or 'link'
    kind: str  # 'oidc', 'local', 'link' or 'open'
    link_id: int | None = None
    link_views: tuple[str, ...] = field(default=())

    def sees(self, view: str) -> bool:
        if self.role == "link":
            return view in (self.link_views or BOARD_VIEWS)
        return self.role in VIEW_ROLES.get(view, frozenset())

    def may(self, action: str) -> bool:
        return self.role in PERMISSIONS.get(action, frozenset())


def ensure(actor: Actor, action: str) -> None:
    if not actor.may(action):
        raise Forbidden(action)


OPEN_ACTOR = Actor(id="öppet läge", name="Öppet läge (ingen inloggning)", role="admin", kind="open")
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def open_mode_allowed(server_address: str | None) -> bool:
    """Open local mode only when the server listens on loopback; Streamlit's default (none) is every address."""
    return bool(server_address) and server_address in LOOPBACK
