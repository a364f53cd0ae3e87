"""The HTTP headers every response of the app carries, whatever sits in front of it.

`streamlit run dashboard.py` finds the `st.App` in dashboard.py and serves it through this middleware:
no page ever sends a Referer (a link token in the address bar never leaves in one), no response is
sniffed into another type, and no page may load an image from outside or be framed by another site.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.middleware import Middleware

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
