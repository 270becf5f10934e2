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
