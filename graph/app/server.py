"""``mechkg serve``: run the explorer, the SPARQL endpoint and the JSON API with uvicorn.

The routes live in :mod:`mechkg.app.routes`, the request limits in :mod:`mechkg.app.guard`,
the query limits in :mod:`mechkg.query.sparql` and :mod:`mechkg.query.pool` (their constants are
re-exported here: they are the limits this server enforces). Built on
Starlette (routing, forms, CORS) and served by uvicorn; binds 127.0.0.1 unless told.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import networkx as nx

from mechkg.app.guard import (
    BODY_TIMEOUT,
    HEADER_TIMEOUT,
    MAX_ACTIVE_REQUESTS,
    MAX_BODY_BYTES,
    MAX_CONNECTIONS,
    MAX_HEADER_BYTES,
    header_deadline_protocol,
)
from mechkg.app.origin import allowed_hosts, is_loopback
from mechkg.app.routes import ServerConfig, create_app
from mechkg.app.store_spec import store_spec_for
from mechkg.query.pool import QueryPool
from mechkg.query.sparql import MAX_NESTING, MAX_QUERY_BYTES, MAX_RESULT_BYTES

__all__ = [
    "BODY_TIMEOUT",
    "HEADER_TIMEOUT",
    "MAX_ACTIVE_REQUESTS",
    "MAX_BODY_BYTES",
    "MAX_CONNECTIONS",
    "MAX_HEADER_BYTES",
    "MAX_NESTING",
    "MAX_QUERY_BYTES",
    "MAX_RESULT_BYTES",
    "ServerConfig",
    "create_app",
    "serve",
    "store_spec_for",
]


def serve(
    *,
    network: nx.MultiDiGraph,
    ntriples: bytes,
    store: str | None = None,
    host: str = "127.0.0.1",
    port: int = 8000,
    timeout: float = 10.0,
    max_results: int = 10_000,
    max_result_bytes: int = MAX_RESULT_BYTES,
    workers: int = 2,
    cors: list[str] | None = None,
    allow_hosts: list[str] | None = None,
) -> None:
    """Run the server until interrupted: the API and page over ``network``, ``/sparql`` over ``store``.

    ``ntriples`` (the curation's RDF graph) fills an in-memory store when ``store`` names none.
    Requests must name an allowed Host (:func:`mechkg.app.origin.allowed_hosts` of ``host`` and
    ``allow_hosts``); binding anything but loopback prints a warning first.
    """
    import sys

    import uvicorn

    with tempfile.TemporaryDirectory(prefix="mechkg-serve-") as workdir:
        spec = store_spec_for(store, ntriples, Path(workdir))
        pool = QueryPool(spec, workers=workers, timeout=timeout, max_results=max_results, max_bytes=max_result_bytes).start()
        try:
            hosts = allowed_hosts(host, allow_hosts or ())
            if not is_loopback(host):
                print(
                    f"warning: serving on {host}, not loopback: anyone who can reach this machine can read the graph "
                    f"and use the SPARQL endpoint. Requests must name one of: {', '.join(sorted(hosts))} "
                    "(add names with --allow-host).",
                    file=sys.stderr,
                )
            config = ServerConfig(pool=pool, network=network, cors=cors or [], hosts=hosts)
            uvicorn.run(
                create_app(config),
                host=host,
                port=port,
                log_level="info",
                http=header_deadline_protocol(HEADER_TIMEOUT),
                limit_concurrency=None,  # it would count idle sockets: see mechkg.app.guard
                server_header=False,
            )
        finally:
            pool.close()
