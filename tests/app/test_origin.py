"""Host allow-list and foreign-origin POSTs of `mechkg serve`, over real HTTP on loopback."""

from __future__ import annotations

import http.client

import pytest
from loopback import LoopbackServer
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from mechkg.app.origin import HostOriginGuard, allowed_hosts, host_name, is_loopback


def _ok(request):
    return PlainTextResponse("ok")


@pytest.fixture(scope="module")
def server():
    app = Starlette(routes=[Route("/sparql", _ok, methods=["GET", "POST"])])
    guarded = HostOriginGuard(app, hosts=allowed_hosts("127.0.0.1", ["mechkg.lab"]), cors=["https://yasgui.example"])
    with LoopbackServer(guarded) as url:
        yield int(url.rsplit(":", 1)[1])


def ask(port: int, method: str, headers: dict[str, str]) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest(method, "/sparql", skip_host=True)
    for key, value in headers.items():
        connection.putheader(key, value)
    body = b"query=ASK%7B%7D" if method == "POST" else b""
    if method == "POST":
        connection.putheader("Content-Type", "application/x-www-form-urlencoded")
        connection.putheader("Content-Length", str(len(body)))
    connection.endheaders(body)
    response = connection.getresponse()
    return response.status, response.read().decode()


@pytest.mark.parametrize(
    ("host", "status"),
    [("127.0.0.1:8000", 200), ("localhost:8000", 200), ("[::1]:8000", 200), ("mechkg.lab", 200),
     ("evil.example:8000", 400), ("127.0.0.1.evil.example", 400), ("", 400)],
)  # fmt: skip
def test_only_allowed_host_names_are_answered(server, host, status):
    code, text = ask(server, "GET", {"Host": host} if host else {})
    assert code == status
    if status == 400 and host:  # without any Host, h11 itself refuses the HTTP/1.1 request
        assert "Host not allowed" in text and "--allow-host" in text


@pytest.mark.parametrize(
    ("origin", "status"),
    [(None, 200), ("http://127.0.0.1:8000", 200), ("http://localhost:5173", 200), ("https://yasgui.example", 200),
     ("https://evil.example", 403), ("null", 403), ("http://127.0.0.1.evil.example", 403)],
)  # fmt: skip
def test_form_posts_from_foreign_pages_are_refused(server, origin, status):
    headers = {"Host": "127.0.0.1:8000", **({"Origin": origin} if origin else {})}
    code, text = ask(server, "POST", headers)
    assert code == status, text
    if status == 403:
        assert "cross-origin POST refused" in text


def test_a_foreign_page_may_still_get_what_cors_would_show_it(server):
    assert ask(server, "GET", {"Host": "127.0.0.1:8000", "Origin": "https://evil.example"})[0] == 200


WILDCARD = "0.0.0.0"  # noqa: S104 - a string under test, nothing is bound


def test_names_and_binds():
    assert host_name("Example.ORG:80") == "example.org" and host_name("a b") is None and host_name("x:99999") is None
    assert is_loopback("127.0.0.2") and is_loopback("::1") and not is_loopback(WILDCARD)
    assert "10.0.0.5" in allowed_hosts("10.0.0.5") and WILDCARD not in allowed_hosts(WILDCARD)
