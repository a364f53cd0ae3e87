"""Who is using this session, decided on the server at every rerun: a read-only link, the municipality's
OIDC provider (Streamlit's st.login), a local account, or open local mode on 127.0.0.1 only.

Nothing the browser sends is trusted as an identity: a link token or a password is exchanged once for a
session kept in the store (access/sign_in_sessions.py), which the browser holds as a signed HttpOnly
cookie, so a reload keeps it. The session, the link (revocation, expiry) and the account (disabled,
removed, a new role or password) are read again on every rerun, so any of them ending takes effect on
the next click in every app process; a session unused for `session_idle_hours` ends too.
"""

from __future__ import annotations

import json
import re

import sqlalchemy as sa
import streamlit as st

from access import accounts, sign_in_sessions
from access.access_store import link_by_id, link_by_token
from access.accounts import Account, authenticate
from domain.clock import now
from domain.configuration import Config
from domain.formatting import inert, swedish_decimal
from domain.roles import OPEN_ACTOR, ROLE_WORDS, Actor, open_mode_allowed
from store.access_log import log_event
from store.scope import current_organisation, scoped
from ui.app_store import config_stamp, current_store
from ui.server import base_path

LINK_REFUSED = (
    "Länken fungerar inte. Den kan ha gått ut, ha dragits tillbaka eller vara felaktigt kopierad. "
    "Be den som skickade länken om en ny."
)
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")  # secrets.token_urlsafe(32)


def _oidc_configured() -> bool:
    try:
        return bool(st.secrets.load_if_toml_exists()) and "auth" in st.secrets
    except Exception:  # a broken secrets file must not open the app
        return False


@st.cache_resource(show_spinner=False, max_entries=16)
def _seeded(url: str, stamp: tuple, _engine: sa.Engine, _config: Config) -> bool:
    """users.yaml applied to the store once per process and save of the file (seeding itself does nothing
    when the users are those applied last); the store is the truth after that."""
    return accounts.seed(_engine, _config.users, _config.organisation.id)


def _actor(account: Account, kind: str) -> Actor:
    """The account's actor with its roles; its role is the first organisation's until one is chosen."""
    first = account.roles[0][1] if account.roles else "none"
    return Actor(id=account.email, name=account.name or account.email, role=first, kind=kind, roles=account.roles)


def _home(account: Account) -> str:
    """The organisation whose log records an account's sign-in: its first."""
    return account.roles[0][0] if account.roles else current_organisation()


def current_actor(engine: sa.Engine, config: Config) -> Actor | None:
    """The actor of this rerun, or None after drawing what the user must do first (sign in, a refusal)."""
    _seeded(str(engine.url), config_stamp(), engine, config)
    if "link" in st.query_params:
        _exchange_link(engine, st.query_params.get("link") or "")
    _hand_over_cookie()
    identity = _current_identity(engine, config.app.session_idle_hours)
    if identity and identity.get("kind") == "link":
        return _link_actor(engine, identity["link_id"])
    if identity and st.session_state.pop("link_refused", False):
        st.error(LINK_REFUSED)  # the link failed; whoever was signed in here stays signed in
    if _oidc_configured():
        return _oidc_actor(engine)
    if accounts.any_accounts(engine):
        return _local_actor(engine, identity)
    if st.session_state.pop("link_refused", False):
        st.error(LINK_REFUSED)  # a link's scope holds in open mode too: a broken one opens nothing
        return None
    if not open_mode_allowed(st.get_option("server.address")):
        st.error(
            "Appen startar inte i öppet läge: inga användare finns i config/users.yaml och ingen OIDC-inloggning "
            "är konfigurerad, och servern lyssnar inte bara på 127.0.0.1. Starta med --server.address 127.0.0.1 "
            "(som `make run` gör) eller lägg till användare."
        )
        return None
    return OPEN_ACTOR


def _exchange_link(engine: sa.Engine, token: str) -> None:
    """Swap the token in the address bar for a server-side session; the token leaves the URL at once."""
    del st.query_params["link"]
    link = link_by_token(engine, token) if _TOKEN.match(token) else None
    reason = (
        "okänd eller ändrad token"
        if link is None
        else {"revoked": "återkallad", "expired": "utgången"}.get(link.state(now()), "")
    )
    if link is not None and not reason:
        session_id, ticket = sign_in_sessions.begin(engine, "link", link_id=link.id)
        st.session_state["identity"] = {"kind": "link", "link_id": link.id, "session": session_id}
        st.session_state["cookie_ticket"] = ticket
        st.session_state["link_opened"] = True
        with scoped(link.organisation):  # in the log of the organisation the link opens
            log_event(engine, f"länk {link.id}", "link", "link_used", detail=f"mottagare {link.recipient}")
        return
    masked = f"{token[:4]}…" if token else "tom"
    with scoped(link.organisation if link else current_organisation()):
        log_event(engine, f"länk {link.id}" if link else f"token {masked}", "link", "link_refused", detail=reason)
    st.session_state["link_refused"] = True


def _current_identity(engine: sa.Engine, idle_hours: float) -> dict | None:
    """Who this browser session is signed in as: from this Streamlit session, or resumed from the cookie
    after a reload; None when there is none or its session has ended (signed out, idle too long)."""
    identity = st.session_state.get("identity") or _resumed(engine)
    session_id = identity.get("session") if identity else None
    if identity is None or session_id is None:
        return identity
    session = sign_in_sessions.by_id(engine, session_id)
    if session is not None and session.ended_at is None and not session.idle(now(), idle_hours):
        sign_in_sessions.touch(engine, session)
        return identity
    st.session_state.pop("identity", None)
    if session is not None and session.ended_at is None:
        sign_in_sessions.end(engine, session.id, "inaktiv")
        hours = swedish_decimal(idle_hours, 1).removesuffix(",0")
        words = f"{hours} {'timme' if hours == '1' else 'timmar'}"
        log_event(engine, _who(session), None, "logout", detail=f"inaktiv i {words}")
        st.session_state["idle_words"] = words
    return None


def _resumed(engine: sa.Engine) -> dict | None:
    """The identity of the session in this browser's cookie (a reload), once per Streamlit session."""
    cookie = st.context.cookies.get(sign_in_sessions.COOKIE)
    secret = str(st.get_option("server.cookieSecret"))
    token = sign_in_sessions.unsign(cookie, secret) if isinstance(cookie, str) else None
    session = sign_in_sessions.find(engine, token) if token else None
    if session is None or session.ended_at is not None:
        return None
    if session.kind == "link" and session.link_id is not None:
        identity = {"kind": "link", "link_id": session.link_id, "session": session.id}
    else:
        identity = {"kind": "local", "email": session.email, "credential": session.credential, "session": session.id}
    st.session_state["identity"] = identity
    log_event(engine, _who(session), None, "resumed")
    return identity


def _who(session: sign_in_sessions.Session) -> str:
    return f"länk {session.link_id}" if session.kind == "link" else session.email or "okänd"


def _hand_over_cookie() -> None:
    """Right after a sign-in the page trades the session's ticket for its HttpOnly cookie, and after a
    sign-out it clears the cookie; both by a request from the page, which a Streamlit script cannot send.
    The script is constant but for the ticket, which is URL-safe base64."""
    ticket = st.session_state.pop("cookie_ticket", None)
    if ticket:
        url, body = f"{base_path().rstrip('/')}{sign_in_sessions.BEGIN_PATH}", f"ticket={ticket}"
    elif st.session_state.pop("cookie_clear", False):
        url, body = f"{base_path().rstrip('/')}{sign_in_sessions.END_PATH}", ""
    else:
        return
    request = json.dumps({"method": "POST", "credentials": "same-origin", "body": body})
    st.html(
        f"<script>fetch({json.dumps(url)}, Object.assign({request}, "
        "{headers: {'Content-Type': 'application/x-www-form-urlencoded'}}));</script>",
        unsafe_allow_javascript=True,
    )


def _link_actor(engine: sa.Engine, link_id: int) -> Actor | None:
    link = link_by_id(engine, link_id)
    state = "unknown" if link is None else link.state(now())
    if link is None or state != "valid":
        identity = st.session_state.pop("identity", None)
        if identity and identity.get("session"):
            sign_in_sessions.end(engine, identity["session"], "länken gäller inte")
        with scoped(link.organisation if link else current_organisation()):
            log_event(
                engine,
                f"länk {link_id}",
                "link",
                "link_refused",
                detail={"revoked": "återkallad", "expired": "utgången"}.get(state, state),
            )
        st.error(LINK_REFUSED)
        return None
    return Actor(
        id=f"länk {link.id}",
        name=f"Granskningslänk till {link.recipient}",
        role="link",
        kind="link",
        link_id=link.id,
        link_views=link.views,
        link_meeting=link.meeting_id,
        roles=((link.organisation, "link"),),  # a link opens its own organisation's data and no other
    )


def _oidc_actor(engine: sa.Engine) -> Actor | None:
    if not st.user.is_logged_in:
        if st.session_state.pop("link_refused", False):
            st.error(LINK_REFUSED)
        st.title("IT-säkerhet – lägesbild")
        st.markdown("Logga in med ditt konto i kommunen.")
        if st.button("Logga in", type="primary"):
            st.login()
        return None
    email = str(st.user.get("email") or "")
    user = accounts.find(engine, email) if email else None
    if user is None or user.disabled:
        if not st.session_state.get("denied_logged"):
            log_event(
                engine,
                email or "okänd",
                None,
                "login_denied",
                detail="inget konto" if user is None else "avstängd",
            )
            st.session_state["denied_logged"] = True
        st.error(
            f"Du saknar behörighet: {inert(email) or 'kontot'} har ingen roll i instrumentpanelen. "
            "Kontakta administratören."
        )
        if st.button("Logga ut"):
            st.logout()
        return None
    st.session_state.pop("denied_logged", None)
    if st.session_state.get("logged_in_as") != email:
        with scoped(_home(user)):
            log_event(engine, email, _actor(user, "oidc").role, "login", detail="OIDC")
        st.session_state["logged_in_as"] = email
    return _actor(user, "oidc")


def _local_actor(engine: sa.Engine, identity: dict | None) -> Actor | None:
    if identity and identity.get("kind") == "local":
        user = accounts.find(engine, identity["email"])
        if user is not None and not user.disabled and user.password_hash and user.credential == identity["credential"]:
            return _actor(user, "local")
        st.session_state.pop("identity", None)  # disabled, removed or a new password: signed out
        if identity.get("session"):
            sign_in_sessions.end(engine, identity["session"], "kontot ändrat")
        log_event(engine, identity["email"], None, "logout", detail="kontot är ändrat eller avstängt")
    if st.session_state.pop("link_refused", False):
        st.error(LINK_REFUSED)
    st.title("Logga in")
    if idle := st.session_state.pop("idle_words", None):
        st.info(f"Du loggades ut efter {idle} utan aktivitet. Logga in igen.")
    with st.form("login"):
        username = st.text_input("E-post", autocomplete="username")
        password = st.text_input("Lösenord", type="password", autocomplete="current-password")
        submitted = st.form_submit_button("Logga in", type="primary")
    if submitted:
        user, reason = authenticate(engine, username, password)
        if user is not None:
            session_id, ticket = sign_in_sessions.begin(engine, "local", user.email, user.credential)
            st.session_state["identity"] = {
                "kind": "local",
                "email": user.email,
                "credential": user.credential,
                "session": session_id,
            }
            st.session_state["cookie_ticket"] = ticket
            with scoped(_home(user)):
                log_event(engine, user.email, _actor(user, "local").role, "login", detail="lokalt konto")
            st.rerun()
        log_event(engine, username.strip() or "tomt", None, "login_failed", detail=reason)
        st.error(
            "Inloggningen misslyckades: fel e-post eller lösenord, eller så är kontot tillfälligt låst "
            "efter för många försök."
        )
    return None


def sign_out_button(actor: Actor, engine: sa.Engine) -> None:
    st.sidebar.markdown(f"**{inert(actor.name)}**  \n{ROLE_WORDS.get(actor.role, actor.role)}")
    if actor.kind in ("local", "oidc", "link") and st.sidebar.button("Logga ut"):
        log_event(engine, actor.id, actor.role, "logout")
        identity = st.session_state.get("identity") or {}
        if identity.get("session"):
            sign_in_sessions.end(engine, identity["session"], "utloggad")
        st.session_state.clear()
        st.session_state["cookie_clear"] = True
        if actor.kind == "oidc":
            st.logout()
        st.rerun()


def require(view: str) -> Actor:
    """The guard at the top of every page: the actor, or "Du saknar behörighet" (logged) and no data."""
    actor: Actor | None = st.session_state.get("_actor")
    _, engine = current_store()
    if actor is not None and actor.sees(view):
        if actor.kind == "link" and st.session_state.get("_last_link_view") != view:
            log_event(engine, actor.id, actor.role, "link_view", target=f"/{view}")
            st.session_state["_last_link_view"] = view
        return actor
    log_event(engine, actor.id if actor else "okänd", actor.role if actor else None, "denied", target=f"/{view}")
    st.error("Du saknar behörighet till den här sidan.")
    st.stop()
    raise AssertionError("unreachable")  # st.stop() ends the script run


def log_export(actor: Actor, file_name: str) -> None:
    """Download callback: who took which data out of the app."""
    _, engine = current_store()
    with scoped(actor.organisation or current_organisation()):  # a callback runs before the run sets it
        log_event(engine, actor.id, actor.role, "export", target=file_name)
