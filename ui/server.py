"""The HTTP headers every response of the app carries, whatever sits in front of it.

`streamlit run dashboard.py` finds the `st.App` in dashboard.py and serves it through this middleware:
no page ever sends a Referer (a link token in the address bar never leaves in one), no response is
sniffed into another type, and no page may load an image from outside or be framed by another site.
It also serves the two routes that set and clear the sign-in cookie, which a Streamlit script cannot:
the cookie is HttpOnly, so no script in the page can read it either.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from streamlit import config

from access import sign_in_sessions
from ui.app_store import current_store

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

SECURITY_HEADERS = (
    ("Referrer-Policy", "no-referrer"),
    ("X-Content-Type-Options", "nosniff"),
    (
        "Content-Security-Policy",
        "img-src 'self' data: blob:; frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
    ),
)
_ENCODED = [(name.lower().encode(), value.encode()) for name, value in SECURITY_HEADERS]


class SecurityHeaders:
    """ASGI middleware that adds SECURITY_HEADERS to every HTTP response."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in _ENCODED if h[0] not in present)]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def middleware() -> list[Middleware]:
    return [Middleware(SecurityHeaders)]


def base_path() -> str:
    base = str(config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else "/"


def _secure(request: Request) -> bool:
    return request.url.scheme == "https" or request.headers.get("x-forwarded-proto", "") == "https"


async def begin_session(request: Request) -> Response:
    """Trade a sign-in's one-time ticket for the session cookie (204), or refuse (403) and set nothing."""
    ticket = (parse_qs((await request.body()).decode("ascii", "replace")).get("ticket") or [""])[0]
    token = await run_in_threadpool(_redeem, ticket)
    if token is None:
        return Response(status_code=403)
    response = Response(status_code=204)
    response.set_cookie(
        sign_in_sessions.COOKIE,
        sign_in_sessions.sign(token, str(config.get_option("server.cookieSecret"))),
        path=base_path(),
        httponly=True,
        samesite="strict",
        secure=_secure(request),
    )
    return response


def _redeem(ticket: str) -> str | None:
    _, engine = current_store()
    return sign_in_sessions.redeem(engine, ticket)


async def end_session(request: Request) -> Response:
    """Clear the cookie; the session itself was ended in the store by the sign-out."""
    response = Response(status_code=204)
    response.delete_cookie(
        sign_in_sessions.COOKIE, path=base_path(), httponly=True, samesite="strict", secure=_secure(request)
    )
    return response


def routes() -> list[Route]:
    return [
        Route(sign_in_sessions.BEGIN_PATH, begin_session, methods=["POST"]),
        Route(sign_in_sessions.END_PATH, end_session, methods=["POST"]),
    ]
