"""Load test (run on demand, not by pytest): many clients against a real ``mechkg serve`` on loopback.

Run:  python benchmarks/load_test.py [--clients 32] [--requests 10000] [--curation DIR] [--store oxigraph]

Starts ``mechkg serve`` on a free 127.0.0.1 port, then ``--clients`` threads (one keep-alive
connection each) send ``--requests`` requests in all, bounded in count and in time (``--max-seconds``):
the named queries (GET /sparql with each query's text; required parameters bound by a trailing
VALUES clause), mechanism-path requests (GET /api/path), and from client 0, first and then every
``--expensive-every``-th of its requests, a cartesian-product query that the time limit must cut off (503). Reports
errors (any other status, or a failed connection), p50/p99 latency by kind, the RSS of the server
and its query workers after warm-up and at the end, and whether requests sent after each cut-off
query were still answered (a cut-off query does not keep its worker). Exits 1 on any error.
tests/test_load_smoke.py runs :func:`run` small (4 clients x 50 requests).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
MKE = "https://w3id.org/mechkg/entity/"


@dataclass
class Report:
    """What one load run saw."""

    requests: int = 0
    errors: list[str] = field(default_factory=list)
    latencies: dict[str, list[float]] = field(default_factory=dict)
    cut_off: int = 0
    answered_after_cut_off: int = 0
    rss_start_mb: float = 0.0
    rss_end_mb: float = 0.0
    seconds: float = 0.0

    def summary(self) -> dict[str, object]:
        """Figures for printing: counts, p50/p99 ms by kind, RSS."""

        def pct(values: list[float], q: float) -> float:
            ordered = sorted(values)
            return round(1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1) if ordered else 0.0

        return {
            "requests": self.requests,
            "errors": len(self.errors),
            "first_errors": self.errors[:5],
            "seconds": round(self.seconds, 1),
            "requests_per_second": round(self.requests / self.seconds, 1) if self.seconds else 0,
            "latency_ms": {
                kind: {"n": len(v), "p50": pct(v, 0.5), "p99": pct(v, 0.99), "max": round(1000 * max(v), 1)}
                for kind, v in sorted(self.latencies.items())
            },
            "cut_off_queries": self.cut_off,
            "answered_after_a_cut_off": self.answered_after_cut_off,
            "rss_after_warmup_mb": round(self.rss_start_mb, 1),
            "rss_end_mb": round(self.rss_end_mb, 1),
            "rss_growth_mb": round(self.rss_end_mb - self.rss_start_mb, 1),
        }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _tree_rss_mb(pid: int) -> float:
    import psutil

    process = psutil.Process(pid)
    total = process.memory_info().rss
    for child in process.children(recursive=True):
        try:
            total += child.memory_info().rss
        except psutil.Error:
            pass
    return total / 1e6


def _workload(curation: Path | None, sources: Path | None) -> tuple[list[str], list[str]]:
    """(query texts, /api/path URLs) for the curation: every named query, and disease-therapy pairs."""
    from mechkg.network.built import build_graphs
    from mechkg.query.named import named_queries
    from mechkg.query.sparql import check_query
    from mechkg.resources import default_curation_dir

    G = build_graphs(curation or default_curation_dir(), sources_dir=sources, check_shapes=False).network
    types = dict(G.nodes(data="type"))
    by_type: dict[str, list[str]] = {}
    for node, kind in sorted(types.items()):
        by_type.setdefault(kind, []).append(node)
    diseases = by_type.get("Disease", [])
    therapies = by_type.get("Therapy", [])
    claims = sorted(G.graph.get("claims", {}))
    studies = by_type.get("ClinicalStudy", [])
    values = {
        "entity": f"<{MKE}{(diseases or sorted(types))[0]}>",
        "claim": f"<https://w3id.org/mechkg/claim/{claims[0]}>" if claims else None,
        "string": '"human_trial"',
    }
    texts = []
    for query in named_queries().values():
        bound: dict[str, str] = {}
        for parameter in query.parameters:
            if not parameter.required:
                continue
            if parameter.name == "therapy" and therapies:
                bound[parameter.name] = f"<{MKE}{therapies[0]}>"
            elif parameter.name == "study" and studies:
                bound[parameter.name] = f"<{MKE}{studies[0]}>"
            elif parameter.name == "disease2" and len(diseases) > 1:
                bound[parameter.name] = f"<{MKE}{diseases[1]}>"
            elif values.get(parameter.kind):
                bound[parameter.name] = str(values[parameter.kind])
        if len(bound) < sum(1 for parameter in query.parameters if parameter.required):
            continue  # a required value this curation cannot give
        text = query.text
        if bound:
            names = " ".join(f"?{name}" for name in bound)
            text += f"\nVALUES ({names}) {{ ({' '.join(bound.values())}) }}"
        check_query(text)
        texts.append(text)
    paths = [
        "/api/path?" + urllib.parse.urlencode({"disease": d, "therapy": t, "k": 5}) for d in diseases[:6] for t in therapies[:8]
    ]
    return texts, paths


def start_server(
    curation: Path | None, sources: Path | None, store: str | None, timeout: float, workers: int, log: Path | None = None
):
    """``mechkg serve`` on a free loopback port, its output to ``log``: (process, port)."""
    port = _free_port()
    command = [str(Path(sys.executable).with_name("mechkg")), "serve", "--port", str(port), "--timeout", str(timeout),
               "--workers", str(workers)]  # fmt: skip
    if curation:
        command += ["--curation", str(curation)]
    if sources:  # serve reads the graph only; it finds source texts by the rule of mechkg.resources
        os.environ["MECHKG_SOURCES"] = str(sources)
    if store:
        command += ["--store", store]
    output = open(log, "wb") if log else subprocess.DEVNULL  # handed to the child process
    process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("mechkg serve exited at start-up")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/api/queries")
            if connection.getresponse().status == 200:
                return process, port
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("mechkg serve did not start in 120 s")


def run(
    *,
    clients: int = 32,
    requests: int = 10_000,
    curation: Path | None = None,
    sources: Path | None = None,
    store: str | None = None,
    timeout: float = 3.0,
    workers: int = 3,
    expensive_every: int = 400,
    max_seconds: float = 900.0,
    seed: int = 7,
    log: Path | None = None,
) -> Report:
    """Run the load (see the module docstring) and return what it saw."""
    texts, paths = _workload(curation, sources)
    process, port = start_server(curation, sources, store, timeout, workers, log)
    report = Report()
    lock = threading.Lock()
    counter = iter(range(requests))
    last_cut_off = [0.0]
    stop_at = time.monotonic() + max_seconds
    try:
        for text in texts[:4]:  # warm-up: every worker has parsed something
            _get(port, "/sparql?query=" + urllib.parse.quote(text))
        report.rss_start_mb = _tree_rss_mb(process.pid)

        def client(number: int) -> None:
            rng = random.Random(seed + number)
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            for mine, _ in enumerate(counter):
                if time.monotonic() > stop_at:
                    with lock:
                        report.errors.append("stopped: the run passed --max-seconds")
                    return
                if number == 0 and expensive_every and mine % expensive_every == 0:
                    kind, url, want = "expensive", "/sparql?query=" + urllib.parse.quote(EXPENSIVE), 503
                elif paths and rng.random() < 0.35:
                    kind, url, want = "path", rng.choice(paths), 200
                else:
                    kind, url, want = "sparql", "/sparql?query=" + urllib.parse.quote(rng.choice(texts)), 200
                sent_at = time.monotonic()
                started = time.perf_counter()
                try:
                    connection.request("GET", url, headers={"Accept": "application/sparql-results+json, text/turtle"})
                    response = connection.getresponse()
                    response.read()
                    status = response.status
                except (OSError, http.client.HTTPException) as error:
                    connection.close()
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                    status, detail = 0, repr(error)
                else:
                    detail = ""
                elapsed = time.perf_counter() - started
                with lock:
                    report.requests += 1
                    report.latencies.setdefault(kind, []).append(elapsed)
                    if status != want:
                        report.errors.append(f"{kind} {url[:80]} -> {status} {detail}")
                    elif kind == "expensive":
                        report.cut_off += 1
                        last_cut_off[0] = time.monotonic()
                    elif last_cut_off[0] and sent_at > last_cut_off[0]:
                        report.answered_after_cut_off += 1  # sent after a query was cut off, and answered
            connection.close()

        began = time.monotonic()
        threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        report.seconds = time.monotonic() - began
        if report.cut_off:  # after the last cut-off: as many queries at once as there are workers, plus one
            statuses: list[int] = []
            probes = [
                threading.Thread(target=lambda: statuses.append(_get(port, "/sparql?query=" + urllib.parse.quote(texts[0]))))
                for _ in range(workers + 1)
            ]
            for probe in probes:
                probe.start()
            for probe in probes:
                probe.join()
            report.requests += len(statuses)
            report.answered_after_cut_off += statuses.count(200)
            report.errors += [f"probe after a cut-off -> {status}" for status in statuses if status != 200]
        report.rss_end_mb = _tree_rss_mb(process.pid)
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
    return report


def _get(port: int, url: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", url)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def main() -> None:
    """Command line: run the load and print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--curation", type=Path, default=None)
    parser.add_argument("--sources", type=Path, default=None)
    parser.add_argument("--store", default="oxigraph", help="store spec for mechkg serve (rdflib | oxigraph | oxigraph:PATH)")
    parser.add_argument("--timeout", type=float, default=3.0)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--expensive-every", type=int, default=400)
    parser.add_argument("--max-seconds", type=float, default=900.0)
    parser.add_argument("--log", type=Path, default=None, help="write the server's log here")
    args = parser.parse_args()
    report = run(
        clients=args.clients,
        requests=args.requests,
        curation=args.curation,
        sources=args.sources,
        store=args.store,
        timeout=args.timeout,
        workers=args.workers,
        expensive_every=args.expensive_every,
        max_seconds=args.max_seconds,
        log=args.log,
    )
    print(json.dumps({"clients": args.clients, "cpu_count": os.cpu_count(), **report.summary()}, indent=2, ensure_ascii=False))
    sys.exit(1 if report.errors else 0)


if __name__ == "__main__":
    main()
