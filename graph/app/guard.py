"""The HTTP guard of ``mechkg serve``: limits that keep hostile or broken clients from hurting it.

A request body over :data:`MAX_BODY_BYTES` gets 413 before it is read in full, and one not
received within :data:`BODY_TIMEOUT` seconds 408; a query string over :data:`MAX_BODY_BYTES`
gets 414 and one that is not UTF-8 400; headers over :data:`MAX_HEADER_BYTES` get 431; past
:data:`MAX_ACTIVE_REQUESTS` requests in progress, new ones get 503 (:class:`RequestGuard`).

Connections are treated fairly (:func:`header_deadline_protocol`): a connection that has not
sent a complete request head within :data:`HEADER_TIMEOUT` seconds of opening (or of its last
response) is closed (uvicorn has no such timeout, and a slow-loris client could hold a
connection for ever), and a connection that has sent nothing never counts against one that
has: when :data:`MAX_CONNECTIONS` are open, a new connection closes the longest-idle one instead
of being refused. (uvicorn's own ``limit_concurrency`` is not used: it counts idle sockets, so
300 sockets that never send a byte would give every real client 503.) Errors are plain
one-line messages.
"""

from __future__ import annotations

import asyncio
import time
import urllib.parse
from typing import Any

from starlette.responses import PlainTextResponse

from mechkg.query.sparql import MAX_QUERY_BYTES

__all__ = [
    "BODY_TIMEOUT",
    "HEADER_TIMEOUT",
    "MAX_ACTIVE_REQUESTS",
    "MAX_BODY_BYTES",
    "MAX_CONNECTIONS",
    "MAX_HEADER_BYTES",
    "RequestGuard",
    "connection_limit",
    "header_deadline_protocol",
    "is_utf8",
    "make_room",
    "plain_error",
]

MAX_BODY_BYTES = 4 * MAX_QUERY_BYTES
"""Largest request body (or query string) accepted: a query at its size limit, form-encoded; larger ones get 413."""
HEADER_TIMEOUT = 5.0
"""Seconds a connection may stay open without sending a complete request head before it is closed."""
BODY_TIMEOUT = 10.0
"""Seconds a request body may take to arrive in full; a slower one gets 408."""
MAX_CONNECTIONS = 1024
"""Connections kept open at once (fewer if the process may open fewer files); past it the longest-idle one is closed."""
MAX_ACTIVE_REQUESTS = 64
"""Requests in progress at once; past this new ones get 503."""
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


class _TooSlow(Exception):
    pass


class RequestGuard:
    """ASGI middleware: size, encoding, time and concurrency limits on every request.

    413 for a body over ``max_body`` bytes, 408 for one slower than ``body_timeout``, 431 for
    huge headers, 414 or 400 for a query string too long or not in UTF-8, 503 past
    ``max_active`` requests in progress. The body limit holds for a declared ``Content-Length`` (refused before reading) and for a
    chunked body (refused as soon as the running count passes the limit).
    """

    def __init__(
        self, app: Any, max_body: int = MAX_BODY_BYTES, body_timeout: float = BODY_TIMEOUT, max_active: int = MAX_ACTIVE_REQUESTS
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.body_timeout = body_timeout
        self.max_active = max_active
        self.active = 0

    def _refusal(self, scope: Any) -> PlainTextResponse | None:
        """The error response for a request whose query string or headers are refused outright."""
        if len(scope.get("query_string", b"")) > self.max_body:
            return plain_error(414, f"query string longer than {self.max_body:,} bytes")
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
        if refusal is None and self.active >= self.max_active:
            refusal = plain_error(503, f"more than {self.max_active} requests in progress; try again later")
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        self.active += 1
        try:
            await self._guarded(scope, receive, send)
        finally:
            self.active -= 1

    async def _guarded(self, scope: Any, receive: Any, send: Any) -> None:
        received = 0
        started = False
        deadline = time.monotonic() + self.body_timeout

        async def limited_receive() -> Any:
            nonlocal received
            try:
                message = await asyncio.wait_for(receive(), max(deadline - time.monotonic(), 0.001))
            except asyncio.TimeoutError:
                raise _TooSlow from None
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
        except _TooSlow:
            if not started:
                await plain_error(408, f"request body not received within {self.body_timeout:g} s")(scope, receive, send)


def connection_limit(wanted: int = MAX_CONNECTIONS) -> int:
    """``wanted``, or fewer if the process may not open that many files (leaving room for its own)."""
    try:
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    except (ImportError, OSError, ValueError):
        return wanted
    if soft == resource.RLIM_INFINITY:
        return wanted
    return max(16, min(wanted, soft - 128))


def make_room(new: Any, connections: Any, limit: int) -> None:
    """With more than ``limit`` ``connections``, close the one waiting longest for a request head (or ``new``)."""
    if len(connections) <= limit:
        return
    idle = [c for c in connections if c is not new and getattr(c, "_deadline", None) is not None]
    victim = min(idle, key=lambda c: c._idle_since) if idle else new
    victim.transport.close()


def header_deadline_protocol(timeout: float, max_connections: int | None = None) -> type:
    """The h11 protocol of uvicorn, closing a connection whose request head is not complete within ``timeout`` s.

    uvicorn times out idle keep-alive connections but not a request head that arrives byte by
    byte (and any byte resets its keep-alive timer), so a few slow-loris clients could hold
    connections for ever. The deadline is armed when a connection opens and after each
    response, and cleared once h11 has parsed a request head. With ``max_connections`` open
    (default :func:`connection_limit`), a new connection closes the one that has waited
    longest for a request head; if none is waiting, the new one is closed.
    """
    import h11
    from uvicorn.protocols.http.h11_impl import H11Protocol

    limit = connection_limit() if max_connections is None else max_connections

    class HeaderDeadlineH11(H11Protocol):  # type: ignore[misc]
        _deadline: asyncio.TimerHandle | None = None
        _idle_since = 0.0

        def _arm(self) -> None:
            self._disarm()
            self._idle_since = time.monotonic()
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
            make_room(self, self.server_state.connections, limit)

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
