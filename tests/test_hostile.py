"""Hostile requests against a real ``mechkg serve`` process on a loopback port.

Each is answered with a clear 4xx/5xx, the server keeps answering, and no response body carries
a stack trace or a file path. The server runs as its own process (the real CLI, real sockets);
raw sockets send what an HTTP library would refuse to (byte-by-byte heads, traversal paths).
"""

from __future__ import annotations

import http.client
import http.server
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import MINI, MINI_SOURCES

from mechkg.app.cli import main
from mechkg.app.server import HEADER_TIMEOUT, MAX_BODY_BYTES

pytestmark = pytest.mark.slow  # servers, subprocesses or whole notebooks: the full suite runs them

MECHKG = str(Path(sys.executable).with_name("mechkg"))
TIME_LIMIT = 2.0
LEAKS = re.compile(rb"Traceback|File \"|\.py\b|/work/|/home/|/usr/|site-packages|/tmp/")
DISEASES = "PREFIX mk: <https://w3id.org/mechkg/vocab/> SELECT ?d WHERE { ?d a mk:Disease } ORDER BY ?d"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``mechkg serve`` on the mini curation; yields (host, port); checks its log for tracebacks at the end."""
    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with open(log, "wb") as stream:
        process = subprocess.Popen(
            [
                MECHKG,
                "serve",
                "--curation",
                str(MINI),
                "--sources",
                str(MINI_SOURCES),
                "--port",
                str(port),
                "--timeout",
                str(TIME_LIMIT),
                "--workers",
                "2",
                "--max-results",
                "200",
            ],
            stdout=stream,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        try:
            deadline = time.monotonic() + 90
            while True:
                assert process.poll() is None, log.read_text()
                try:
                    status, _, _ = request("GET", "/api/queries", port=port)
                    if status == 200:
                        break
                except OSError:
                    pass
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
            yield port
        finally:
            process.terminate()
            process.wait(20)
    text = log.read_text(errors="replace")
    assert "Traceback" not in text, text


def request(
    method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None, *, port: int, chunked: bool = False
) -> tuple[int, dict[str, str], bytes]:
    """One HTTP request with the path sent exactly as given (no normalising)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        for key, value in (headers or {}).items():
            connection.putheader(key, value)
        if body is not None and not chunked:
            connection.putheader("Content-Length", str(len(body)))
        if chunked:
            connection.putheader("Transfer-Encoding", "chunked")
        connection.endheaders()
        if body is not None:
            if chunked:
                for start in range(0, len(body), 65536):
                    piece = body[start : start + 65536]
                    try:
                        connection.send(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                    except OSError:
                        break  # the server answered and closed before the end: fine
                else:
                    connection.send(b"0\r\n\r\n")
            else:
                try:
                    connection.send(body)
                except OSError:
                    pass
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def checked(*args, **kwargs) -> tuple[int, dict[str, str], bytes]:
    """:func:`request`, asserting the body leaks no trace or path."""
    status, headers, body = request(*args, **kwargs)
    assert not LEAKS.search(body), body[:500]
    return status, headers, body


def still_serving(port: int) -> None:
    status, _, body = checked("GET", "/sparql?query=" + urllib.parse.quote(DISEASES), headers={"Accept": "text/csv"}, port=port)
    assert status == 200 and body.decode().splitlines()[1:] == [f"https://w3id.org/mechkg/entity/{d}" for d in ("SLE",)]


def q(text: str) -> str:
    return "/sparql?query=" + urllib.parse.quote(text)


# --- bodies, encodings, content types ------------------------------------------------------------


def test_oversized_bodies_get_413(server):
    big = b"SELECT * WHERE { ?s ?p ?o } #" + b"x" * (MAX_BODY_BYTES + 10)
    status, _, body = checked("POST", "/sparql", big, {"Content-Type": "application/sparql-query"}, port=server)
    assert status == 413 and b"larger than" in body
    status, _, body = checked("POST", "/sparql", big, {"Content-Type": "application/sparql-query"}, port=server, chunked=True)
    assert status == 413 and b"larger than" in body
    form = b"query=" + b"x" * (MAX_BODY_BYTES + 10)
    status, _, _ = checked("POST", "/sparql", form, {"Content-Type": "application/x-www-form-urlencoded"}, port=server)
    assert status == 413
    still_serving(server)


def test_huge_header_is_refused(server):
    status, _, _ = checked("GET", "/api/queries", headers={"X-Padding": "a" * 100_000}, port=server)
    assert 400 <= status < 500
    still_serving(server)


@pytest.mark.parametrize(
    ("method", "path", "body", "content_type"),
    [
        ("GET", "/sparql?query=%FF%FE%FD", None, None),
        ("GET", "/sparql?query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%22%C3%28%22%7D", None, None),
        ("GET", "/api/entity/SLE?x=%80", None, None),
        ("POST", "/sparql", "SELECT * WHERE { ?s ?p 'caf\xe9' }".encode("latin-1"), "application/sparql-query"),
        ("POST", "/sparql", b"query=SELECT%20%FF", "application/x-www-form-urlencoded"),
    ],
)
def test_non_utf8_gets_400(server, method, path, body, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    status, _, message = checked(method, path, body, headers, port=server)
    assert status == 400 and b"UTF-8" in message, message


@pytest.mark.parametrize("content_type", ["text/plain", "application/json", "image/png", "application/sparql-results+json", ""])
def test_wrong_content_type_gets_415(server, content_type):
    status, _, body = checked("POST", "/sparql", DISEASES.encode(), {"Content-Type": content_type}, port=server)
    assert status == 415 and b"Content-Type" in body


# --- queries -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["SELECT ?x WHERE {\n ?x ?p \n}", "SELEKT * WHERE { ?s ?p ?o }", "SELECT * WHERE { ?s ?p ?o", "}{", "PREFIX : <a> SELECT"],
)
def test_malformed_sparql_gets_400_with_line_and_column(server, text):
    status, _, body = checked("GET", q(text), port=server)
    assert status == 400 and re.search(rb"line \d+, column \d+", body), body


@pytest.mark.parametrize(
    ("method", "path", "body", "content_type"),
    [
        ("GET", "/sparql?update=" + urllib.parse.quote("DROP ALL"), None, None),
        ("POST", "/sparql", b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
        ("POST", "/sparql", b"DELETE WHERE { ?s ?p ?o }", "application/sparql-query"),
        ("POST", "/sparql", b"update=CLEAR%20ALL", "application/x-www-form-urlencoded"),
        ("GET", q("LOAD <http://127.0.0.1:1/x.ttl>"), None, None),
    ],
)
def test_update_gets_403_and_changes_nothing(server, method, path, body, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    status, _, _ = checked(method, path, body, headers, port=server)
    assert status == 403
    still_serving(server)


def test_service_and_federated_queries_get_403_and_reach_nobody(server, outbound_recorder):
    target, asked = outbound_recorder
    for text in [
        f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?d a <https://w3id.org/mechkg/vocab/Disease> OPTIONAL {{ SERVICE SILENT <{target}> {{ ?d ?p ?o }} }} }}",
        f"SELECT * WHERE {{ BIND(<{target}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
        f"SELECT * FROM <{target}> WHERE {{ ?s ?p ?o }}",  # noqa: S608
        f"SELECT * FROM NAMED <{target}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",  # noqa: S608
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
    ]:
        status, _, _ = checked("GET", q(text), port=server)
        assert status == 403, text
    status, _, _ = checked("GET", q(DISEASES) + "&named-graph-uri=" + urllib.parse.quote(target), port=server)
    assert status == 403
    time.sleep(0.5)
    assert asked == []


@pytest.mark.parametrize(
    "text",
    [
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
        "SELECT (COUNT(*) AS ?n) WHERE { ?a (!<urn:x:none>)* ?b . ?c (!<urn:x:none>)* ?d . ?e ?f ?g }",
        "SELECT (COUNT(*) AS ?n) WHERE { ?a (<urn:x:p>|!<urn:x:p>)+/(^<urn:x:p>|!^<urn:x:p>)+/(!<urn:x:p>)* ?b . ?c ?d ?e }",
    ],
    ids=["cartesian", "two-closures", "deep-path"],
)
def test_expensive_queries_are_cut_off_and_the_server_keeps_answering(server, text):
    started = time.monotonic()
    status, _, body = checked("GET", q(text), port=server)
    assert status == 503 and b"time limit" in body
    assert time.monotonic() - started < 60
    for _ in range(3):
        still_serving(server)


# --- slow clients --------------------------------------------------------------------------------


def test_slow_loris_clients_do_not_block_others_and_are_cut_off(server):
    head = f"GET {q(DISEASES)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/csv\r\n".encode()
    slow = []
    for _ in range(8):
        sock = socket.create_connection(("127.0.0.1", server), timeout=30)
        sock.sendall(head[:5])
        slow.append(sock)
    started = time.monotonic()
    sent = 5
    answered = 0
    while time.monotonic() - started < HEADER_TIMEOUT + 8:
        for sock in slow:  # one more byte each, never the blank line that ends the head
            try:
                sock.sendall(head[sent : sent + 1])
            except OSError:
                pass
        sent = min(sent + 1, len(head) - 1)
        still_serving(server)  # a normal client is answered all the while
        answered += 1
        if all(_closed(sock) for sock in slow):
            break
        time.sleep(0.5)
    closed_after = time.monotonic() - started
    assert answered >= 3
    assert all(_closed(sock) for sock in slow), "slow clients still connected after the header deadline"
    assert closed_after >= HEADER_TIMEOUT - 1
    for sock in slow:
        sock.close()


def _closed(sock: socket.socket) -> bool:
    sock.setblocking(False)
    try:
        return sock.recv(1) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True
    finally:
        sock.setblocking(True)


# --- paths and static files ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/static/..%2f..%2f..%2fetc%2fpasswd",
        "//etc/passwd",
        "/..%5c..%5cwindows%5cwin.ini",
        "/graph/server.py",
        "/mechkg.ttl",
        "/api/entity/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/api/entity/../../../../etc/passwd",
        "/.git/config",
        "/%00",
    ],
)
def test_path_traversal_finds_nothing(server, path):
    status, _, body = checked("GET", path, port=server)
    assert status in (400, 404), (path, status)
    assert b"root:" not in body and b"[core]" not in body and b"import " not in body


def test_path_api_is_the_json_of_mechkg_path(server):
    shown = CliRunner().invoke(
        main, ["path", "SLE", "MSC_THERAPY", "--format", "json", "--curation", str(MINI), "--sources", str(MINI_SOURCES)]
    )
    assert shown.exit_code == 0, shown.output
    status, headers, body = checked("GET", "/api/path?disease=SLE&therapy=MSC_THERAPY", port=server)
    assert status == 200 and headers["content-type"].startswith("application/json")
    assert json.loads(body) == json.loads(shown.output)
    status, _, body = checked(
        "GET", "/api/path?disease=" + urllib.parse.quote("系統性紅斑狼瘡") + "&therapy=MSC_THERAPY&k=1", port=server
    )
    assert status == 200 and len(json.loads(body)["paths"]) <= 1


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("disease=SLE", 400),
        ("disease=SLE&therapy=MSC_THERAPY&k=abc", 400),
        ("disease=SLE&therapy=MSC_THERAPY&k=100000", 400),
        ("disease=SLE&therapy=MSC_THERAPY&max_hops=99", 400),
        ("disease=SLE&therapy=MSC_THERAPY&mode=%3Cscript%3E", 400),
        ("disease=lupis&therapy=MSC_THERAPY", 404),
        ("disease=%3Cscript%3Ealert(1)%3C/script%3E&therapy=MSC_THERAPY", 404),
    ],
)
def test_bad_path_requests_get_clear_errors(server, query, status):
    got, headers, body = checked("GET", f"/api/path?{query}", port=server)
    assert got == status and headers["content-type"].startswith("application/json")
    assert "error" in json.loads(body)


def test_server_errors_never_leak(server):
    """Methods and routes the server does not have: short answers, no internals, no server banner."""
    for method, path in [("DELETE", "/sparql"), ("PUT", "/sparql"), ("TRACE", "/"), ("GET", "/nowhere"), ("OPTIONS", "/sparql")]:
        status, headers, _ = checked(method, path, port=server)
        assert 400 <= status < 500 or (method == "OPTIONS" and status == 200), (method, path, status)
        assert "server" not in headers
    still_serving(server)
