"""The HTTP guard of ``mechkg serve``: limits that keep hostile or broken clients from hurting it.

A request body over :data:`MAX_BODY_BYTES` gets 413 before it is read in full; a query string
that is not UTF-8 gets 400; headers over :data:`MAX_HEADER_BYTES` get 431 (:class:`RequestGuard`).
A client that has not sent its request head within :data:`HEADER_TIMEOUT` seconds is disconnected
(:func:`header_deadline_protocol`: uvicorn has no such timeout of its own, so a slow-loris client
could hold a connection forever); at most :data:`MAX_CONNECTIONS` connections and requests are
served at once (uvicorn answers 503 past that). Errors are plain one-line messages.
"""

from __future__ import annotations

import asyncio
import urllib.parse
from typing import Any

from starlette.responses import PlainTextResponse

__all__ = [
    "HEADER_TIMEOUT",
    "MAX_BODY_BYTES",
    "MAX_CONNECTIONS",
    "MAX_HEADER_BYTES",
    "RequestGuard",
    "header_deadline_protocol",
    "is_utf8",
    "plain_error",
]

MAX_BODY_BYTES = 1_000_000
"""Largest request body accepted (a SPARQL query is a few kB); larger ones get 413."""
HEADER_TIMEOUT = 10.0
"""Seconds a connection may take to send a complete request head before it is closed."""
MAX_CONNECTIONS = 256
"""Connections and requests served at once; past this uvicorn answers 503."""
MAX_HEADER_BYTES = 32_000
"""Largest total size of the request headers; larger ones get 431."""


def plain_error(status: int, message: str) -> PlainTextResponse:
    """A one-line plain-text error response: no stack trace, no file path."""
    return PlainTextResponse(message + "\n", status_code=status)


def is_utf8(raw: bytes) -> bool:
    """Whether percent-decoded ``raw`` (a query string or form body) is UTF-8 text.

    >>> is_utf8(b"query=%E7%B4%85"), is_utf8(b"query=%FF")
    (True, False)
    """
    try:
        urllib.parse.unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class _TooLarge(Exception):
    pass


class RequestGuard:
    """ASGI middleware: 413 for a body over ``max_body`` bytes, 431 for huge headers, 400 for a query string not in UTF-8.

    The body limit holds for a declared ``Content-Length`` (refused before reading) and for a
    chunked body (refused as soon as the running count passes the limit).
    """

    def __init__(self, app: Any, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body = max_body

    def _refusal(self, scope: Any) -> PlainTextResponse | None:
        """The error response for a request whose query string or headers are refused outright."""
        if not is_utf8(scope.get("query_string", b"")):
            return plain_error(400, "the query string is not UTF-8 text")
        if sum(len(key) + len(value) for key, value in scope["headers"]) > MAX_HEADER_BYTES:
            return plain_error(431, f"request headers larger than {MAX_HEADER_BYTES:,} bytes")
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.strip().isdigit() or int(length) > self.max_body):
            return plain_error(413, f"request body larger than {self.max_body:,} bytes")
        return None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        """Check the request, then pass it on with a receive that counts the body."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        received = 0
        started = False

        async def limited_receive() -> Any:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise _TooLarge
            return message

        async def tracking_send(message: Any) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not started:
                await plain_error(413, f"request body larger than {self.max_body:,} bytes")(scope, receive, send)


def header_deadline_protocol(timeout: float) -> type:
    """The h11 protocol of uvicorn, closing a connection whose request head is not complete within ``timeout`` s.

    uvicorn times out idle keep-alive connections but not a request head that arrives byte by
    byte (and any byte resets its keep-alive timer), so a few slow-loris clients could hold
    connections for ever. The deadline is armed when a connection opens and after each
    response, and cleared once h11 has parsed a request head.
    """
    import h11
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class HeaderDeadlineH11(H11Protocol):  # type: ignore[misc]
        _deadline: asyncio.TimerHandle | None = None

        def _arm(self) -> None:
            self._disarm()
            self._deadline = self.loop.call_later(timeout, self._too_slow)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _too_slow(self) -> None:
            self._deadline = None
            if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
                self.transport.close()

        def connection_made(self, transport: Any) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def handle_events(self) -> None:
            super().handle_events()
            if self.conn.their_state is not h11.IDLE:
                self._disarm()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm()

    return HeaderDeadlineH11
