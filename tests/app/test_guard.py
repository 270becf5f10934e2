"""The request guard: limits checked before a route sees the request (real HTTP is in tests/test_hostile.py).

The guard is driven here as the ASGI server drives it: a scope, a ``receive`` that hands out the
body in chunks, a ``send`` that collects the response.
"""

from __future__ import annotations

import asyncio
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from mechkg.app.guard import MAX_HEADER_BYTES, RequestGuard, header_deadline_protocol, is_utf8


async def echo(request: Request) -> PlainTextResponse:
    return PlainTextResponse(f"{len(await request.body())} bytes")


# as in mechkg.app.routes.create_app: the guard is the app's middleware, inside Starlette's error handler
GUARDED = Starlette(routes=[Route("/", echo, methods=["GET", "POST"])], middleware=[Middleware(RequestGuard, max_body=100)])


def call(
    *, body: list[bytes] | None = None, headers: list[tuple[bytes, bytes]] | None = None, query: bytes = b""
) -> tuple[int, bytes]:
    """Status and body of one request through the guard."""
    chunks = list(body or [b""])
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST" if body else "GET",
        "scheme": "http", "path": "/", "raw_path": b"/", "root_path": "", "query_string": query,
        "headers": headers or [], "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 5000),
    }  # fmt: skip
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        if chunks:
            return {"type": "http.request", "body": chunks.pop(0), "more_body": bool(chunks)}
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(GUARDED(scope, receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


def test_a_body_within_the_limit_passes():
    assert call(body=[b"x" * 60, b"x" * 40], headers=[(b"content-length", b"100")]) == (200, b"100 bytes")


def test_a_declared_large_body_is_refused_before_reading():
    assert call(body=[b"x" * 101], headers=[(b"content-length", b"101")]) == (413, b"request body larger than 100 bytes\n")
    assert call(body=[b"x"], headers=[(b"content-length", b"-1")])[0] == 413


def test_a_chunked_large_body_is_refused_while_reading():
    status, body = call(body=[b"x" * 40] * 5, headers=[(b"transfer-encoding", b"chunked")])
    assert status == 413 and body == b"request body larger than 100 bytes\n"


def test_huge_headers_and_non_utf8_query_strings_are_refused():
    assert call(headers=[(b"x-big", b"y" * MAX_HEADER_BYTES)])[0] == 431
    assert call(query=b"query=%FF") == (400, b"the query string is not UTF-8 text\n")
    assert call(query=b"query=%E7%B4%85")[0] == 200


def test_is_utf8():
    assert is_utf8(b"a+b=%E7%B4%85") and not is_utf8(b"%C3%28")


def test_the_header_deadline_protocol_is_uvicorns_h11_protocol():
    from uvicorn.protocols.http.h11_impl import H11Protocol

    assert issubclass(header_deadline_protocol(1.0), H11Protocol)


# --- time, concurrency and connection limits (issue #15 items 1 and 5) ---------------------------


def test_a_query_string_over_the_body_limit_is_refused():
    assert call(query=b"query=" + b"x" * 200)[0] == 414


def test_a_body_that_does_not_arrive_in_time_gets_408():
    async def slow_receive() -> dict[str, Any]:
        await asyncio.sleep(5)
        return {"type": "http.request", "body": b"", "more_body": False}

    app = Starlette(routes=[Route("/", echo, methods=["POST"])], middleware=[Middleware(RequestGuard, body_timeout=0.2)])
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/", "raw_path": b"/", "root_path": "", "query_string": b"",
             "headers": [], "scheme": "http", "server": ("127.0.0.1", 80), "http_version": "1.1"}  # fmt: skip
    asyncio.run(app(scope, slow_receive, send))
    assert next(m["status"] for m in sent if m["type"] == "http.response.start") == 408


def test_requests_past_the_active_limit_get_503():
    guard = RequestGuard(None, max_active=2)
    guard.active = 2
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        return {"type": "http.disconnect"}

    scope = {"type": "http", "query_string": b"", "headers": []}
    asyncio.run(guard(scope, receive, send))
    assert sent[0]["status"] == 503


class _Connection:
    def __init__(self, idle_since: float | None) -> None:
        self._deadline = None if idle_since is None else object()
        self._idle_since = idle_since or 0.0
        self.closed = False
        self.transport = self

    def close(self) -> None:
        self.closed = True


def test_a_new_connection_closes_the_longest_idle_one_never_an_active_one():
    from mechkg.app.guard import make_room

    active, old_idle, new_idle, new = _Connection(None), _Connection(1.0), _Connection(2.0), _Connection(3.0)
    connections = {active, old_idle, new_idle, new}
    make_room(new, connections, limit=4)
    assert not any(c.closed for c in connections)
    make_room(new, connections, limit=3)
    assert old_idle.closed and not (active.closed or new_idle.closed or new.closed)
    busy = {_Connection(None), _Connection(None), new}
    make_room(new, busy, limit=2)  # nobody idle to close: the newcomer goes
    assert new.closed


def test_the_connection_limit_leaves_room_for_the_process_own_files():
    import resource

    from mechkg.app.guard import MAX_CONNECTIONS, connection_limit

    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    assert 16 <= connection_limit() <= MAX_CONNECTIONS
    assert soft == resource.RLIM_INFINITY or connection_limit() <= soft - 128 or connection_limit() == 16
