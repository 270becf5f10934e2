"""Hostile requests against a real ``mechkg serve``: how long a simple request takes while each is in progress.

Run:  python benchmarks/bench_hostile.py [--only NAME ...] [--curation DIR] [--out FILE]

Starts ``mechkg serve`` (the packaged article by default, 2 workers, ``--timeout 10``) on a free
loopback port. For each hostile request (issue #15: a 658 kB form POST, a 939 kB malformed
query, 10,000 OPTIONALs, deep nesting, answers built to hundreds of MB, CONSTRUCT past
``--max-results``, 500 idle sockets; plus variants just inside the size limits), it starts the
request in a thread and, while it is in progress, sends simple requests (``GET /api/queries``,
and a one-line SPARQL query) one after the other, recording each one's latency. Reports, per
hostile request: its status and duration, the simple requests' p50 / max latency (target
< 100 ms) and how many failed, and the RSS of the server and its workers (psutil): before,
peak while it ran, and settled (3 s after it ended). The server is started by this
interpreter, so ``PYTHONPATH=<old checkout>`` measures an older version.
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field

import psutil

DISEASES = "PREFIX mk: <https://w3id.org/mechkg/vocab/> SELECT ?d WHERE { ?d a mk:Disease } LIMIT 3"
CLAUSE = '?o != "v" && '
"""One link of a long FILTER chain: rdflib's parser reads it without recursing (unlike a long triple block)."""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(port: int, method: str, path: str, body: bytes | None = None, content_type: str | None = None,
            timeout: float = 300) -> tuple[int, int]:  # fmt: skip
    """(status, body length) of one request; status 0 for a failed connection."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        headers = {"Content-Type": content_type} if content_type else {}
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, len(response.read())
    except OSError:
        return 0, 0
    finally:
        connection.close()


def sparql_get(text: str) -> str:
    """The path of a GET /sparql request for ``text``."""
    return "/sparql?query=" + urllib.parse.quote(text)


# --- the hostile requests -----------------------------------------------------------------------


def _form(text: str) -> bytes:
    return ("query=" + urllib.parse.quote(text, safe="")).encode()


def _doubled(times: int, seed: int = 64) -> str:
    """A query whose one row is a string of ``seed * 8**times`` characters, built with CONCAT."""
    binds = ['BIND("' + "a" * seed + '" AS ?v0)']
    for i in range(times):
        binds.append(f"BIND(CONCAT({', '.join([f'?v{i}'] * 8)}) AS ?v{i + 1})")
    return f"SELECT ?v{times} WHERE {{ {' '.join(binds)} }}"


def _nested_parens(depth: int) -> str:
    return "SELECT * WHERE { FILTER(" + "(" * depth + "1" + ")" * depth + ") }"


def _nested_groups(depth: int) -> str:
    return "SELECT * WHERE { " + "{ " * depth + "?s ?p ?o " + "} " * depth + "}"


def _nested_subqueries(depth: int) -> str:
    return "SELECT * WHERE { " + "{ SELECT * WHERE { " * depth + "?s ?p ?o " + "} } " * depth + "}"


def _optionals(count: int) -> str:
    return "SELECT * WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o } " * count + "}"


def _chain(size: int, end: str = "true) }") -> str:
    return "SELECT * WHERE { ?s ?p ?o FILTER(" + CLAUSE * (size // len(CLAUSE)) + end


def _malformed(size: int) -> str:
    return _chain(size, "true ) ) }")


def _group_concat(kb: int) -> str:
    pad = "b" * 1024
    return f"SELECT (GROUP_CONCAT(?big) AS ?x) WHERE {{ ?s ?p ?o BIND(CONCAT(STR(?o), {', '.join([repr(pad)] * kb)}) AS ?big) }}".replace(
        "'", '"'
    )


@dataclass
class Hostile:
    """One hostile request: a name, what the issue saw, and how to send it."""

    name: str
    send: Callable[[int], tuple[int, int]]
    note: str = ""


def _post(body: bytes, content_type: str) -> Callable[[int], tuple[int, int]]:
    return lambda port: request(port, "POST", "/sparql", body, content_type)


def _get(text: str) -> Callable[[int], tuple[int, int]]:
    return lambda port: request(port, "GET", sparql_get(text))


def _idle_sockets(count: int, hold: float) -> Callable[[int], tuple[int, int]]:
    def send(port: int) -> tuple[int, int]:
        socks = []
        for _ in range(count):
            try:
                socks.append(socket.create_connection(("127.0.0.1", port), timeout=5))
            except OSError:
                break
        time.sleep(hold)
        closed = 0
        for sock in socks:
            sock.setblocking(False)
            try:
                closed += sock.recv(1) == b""
            except BlockingIOError:
                pass
            except OSError:
                closed += 1
            sock.close()
        return len(socks), closed

    return send


def hostile_requests() -> list[Hostile]:
    """The attacks of issue #15 (items 1, 2, 3, 5), as sent then, and variants just inside the new limits."""
    form_658k = _form(_chain(658_000 // 3 * 100 // 93))
    return [
        Hostile("form POST 635 kB", _post(form_658k, "application/x-www-form-urlencoded"), "issue: 38 s"),
        Hostile(
            "form POST 170 kB (query 63 kB)",
            _post(_form(_chain(63_000)), "application/x-www-form-urlencoded"),
        ),
        Hostile("malformed query 939 kB", _post(_malformed(939_000).encode(), "application/sparql-query"), "issue: 42 s"),
        Hostile("malformed query 64 kB", _post(_malformed(65_000).encode(), "application/sparql-query")),
        Hostile("10,000 OPTIONALs (220 kB)", _post(_optionals(10_000).encode(), "application/sparql-query"), "issue: 13 s"),
        Hostile("2,900 OPTIONALs (64 kB)", _post(_optionals(2_900).encode(), "application/sparql-query")),
        Hostile("nested parentheses x25", _get(_nested_parens(25)), "issue: RecursionError, 500"),
        Hostile("nested groups x40", _get(_nested_groups(40)), "issue: RecursionError, 500"),
        Hostile("nested subqueries x30", _get(_nested_subqueries(30)), "issue: RecursionError, 500"),
        Hostile("nested parentheses x1000", _get(_nested_parens(1000))),
        Hostile("one row of 512 MB (CONCAT)", _get(_doubled(7, seed=256)), "issue: 500 MB answer"),
        Hostile("GROUP_CONCAT ~200 MB", _get(_group_concat(16)), "issue: 210 MB answer"),
        Hostile("CONSTRUCT everything", _get("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"), "issue: ignored --max-results"),
        Hostile("500 idle sockets", _idle_sockets(500, 8.0), "issue: 300 give everyone 503"),
    ]


# --- measuring -------------------------------------------------------------------------------------


def tree_rss(pid: int) -> float:
    """RSS of a process and its children, in MB."""
    try:
        process = psutil.Process(pid)
        return sum(p.memory_info().rss for p in [process, *process.children(recursive=True)]) / 1e6
    except psutil.Error:
        return 0.0


@dataclass
class Row:
    """What one hostile request did, and what simple requests saw meanwhile."""

    name: str
    note: str
    status: str = ""
    seconds: float = 0.0
    probes: dict[str, list[float]] = field(default_factory=dict)
    failed: int = 0
    rss_before: float = 0.0
    rss_peak: float = 0.0
    rss_settled: float = 0.0


def _pct(values: list[float], q: float) -> str:
    if not values:
        return "-"
    ordered = sorted(values)
    return f"{1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]:.0f}"


def measure(port: int, pid: int, hostile: Hostile, window: float) -> Row:
    """Run ``hostile`` in a thread; probe with simple requests while it runs (at most ``window`` s)."""
    row = Row(hostile.name, hostile.note, rss_before=tree_rss(pid))
    row.rss_peak = row.rss_before
    outcome: list[tuple[int, int]] = []
    started = time.monotonic()
    thread = threading.Thread(target=lambda: outcome.append(hostile.send(port)), daemon=True)
    thread.start()
    time.sleep(0.2)
    probes = {"/api/queries": ("GET", "/api/queries"), "SPARQL": ("GET", sparql_get(DISEASES))}
    while thread.is_alive() and time.monotonic() - started < window:
        for kind, (method, path) in probes.items():
            sent = time.monotonic()
            status, _ = request(port, method, path, timeout=120)
            row.probes.setdefault(kind, []).append(time.monotonic() - sent)
            row.failed += status != 200
        row.rss_peak = max(row.rss_peak, tree_rss(pid))
        time.sleep(0.05)
    thread.join()
    row.seconds = time.monotonic() - started
    status, size = outcome[0]
    row.status = f"{status} ({size:,} B)" if hostile.name != "500 idle sockets" else f"{status} open, {size} cut off"
    time.sleep(3)
    row.rss_settled = tree_rss(pid)
    return row


def start_server(curation: str | None, port: int) -> subprocess.Popen[bytes]:
    """``mechkg serve`` run by this interpreter (so PYTHONPATH picks the version), waiting until it answers."""
    args = ["serve", "--port", str(port), "--workers", "2", "--timeout", "10"]
    if curation:
        args += ["--curation", curation]
    process = subprocess.Popen([sys.executable, "-c", "from mechkg.app.cli import run; run()", *args],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 180
    while request(port, "GET", "/api/queries", timeout=5)[0] != 200:
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit("the server did not start")
        time.sleep(0.3)
    return process


def table(rows: list[Row]) -> str:
    """The results as a Markdown table."""
    lines = [
        "| hostile request | its answer | its time (s) | simple GET p50 / max ms | simple SPARQL p50 / max ms | failed | "
        "RSS before / peak / settled MB | before (issue) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        api, sq = r.probes.get("/api/queries", []), r.probes.get("SPARQL", [])
        lines.append(
            f"| {r.name} | {r.status} | {r.seconds:.1f} | {_pct(api, 0.5)} / {_pct(api, 1.0)} | {_pct(sq, 0.5)} / {_pct(sq, 1.0)} "
            f"| {r.failed} | {r.rss_before:.0f} / {r.rss_peak:.0f} / {r.rss_settled:.0f} | {r.note} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    """Command line: see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--curation", default=None)
    parser.add_argument("--only", nargs="*", default=None, help="Names (substrings) of the hostile requests to send.")
    parser.add_argument("--window", type=float, default=60.0, help="Longest time to probe during one hostile request.")
    parser.add_argument("--out", default=None, help="Append the table to this file.")
    args = parser.parse_args()
    port = _free_port()
    server = start_server(args.curation, port)
    rows = []
    try:
        for hostile in hostile_requests():
            if args.only and not any(o.lower() in hostile.name.lower() for o in args.only):
                continue
            rows.append(measure(port, server.pid, hostile, args.window))
            print(table(rows[-1:]).splitlines()[-1], flush=True)
    finally:
        server.terminate()
        server.wait(30)
    text = table(rows)
    print(text)
    if args.out:
        with open(args.out, "a", encoding="utf-8") as stream:
            stream.write(f"\n{os.environ.get('BENCH_LABEL', '')}\n\n{text}")


if __name__ == "__main__":
    main()
