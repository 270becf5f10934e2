"""``mechkg serve``: a read-only SPARQL 1.1 Protocol endpoint, a JSON API and the explorer page.

Routes:
``/sparql`` SPARQL 1.1 Protocol query operation: GET ``?query=``, POST form (``query=``) or POST
``application/sparql-query``; results by content negotiation (``Accept`` or ``?format=``): JSON,
XML, CSV, TSV for SELECT/ASK and Turtle, N-Triples, RDF/XML, JSON-LD for CONSTRUCT/DESCRIBE.
Updates are refused with 403; SERVICE, FROM and ``default-graph-uri``/``named-graph-uri`` are
refused with 403 before anything runs; a query past the time limit gets 503 and a result past
the cap 413, and the server goes on answering (queries run in worker processes, see
:mod:`mechkg.query.pool`).
``/api/entity/{name}`` the JSON of ``mechkg show NAME --format json`` (404 with candidates).
``/api/queries`` the named queries with their questions and parameters.
``/api/path?disease=…&therapy=…&k=…&max_hops=…&mode=…`` the JSON of ``mechkg path --format json``.
``/`` the explorer page (:func:`mechkg.render.page.explorer_html`).

Hostile clients: a request body over :data:`MAX_BODY_BYTES` gets 413 before it is read in full; a
query string or body that is not UTF-8 gets 400; a client that has not sent its request headers
within :data:`HEADER_TIMEOUT` seconds is disconnected (uvicorn has no such timeout of its own, so
a slow-loris client could hold a connection forever); at most :data:`MAX_CONNECTIONS` connections
and requests are served at once (503 past that). Errors are plain one-line messages: no stack
traces, no file paths.

Built on Starlette (routing, forms, CORS) and served by uvicorn; binds 127.0.0.1 unless told.
"""

from __future__ import annotations

import asyncio
import tempfile
import threading
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from mechkg.query.named import named_queries
from mechkg.query.pool import PoolBusy, QueryPool
from mechkg.query.sparql import QueryRefused, QuerySyntaxError, QueryTimeout, ResultTooLarge, SparqlError, check_query
from mechkg.query.stores import StoreSpec

__all__ = [
    "HEADER_TIMEOUT",
    "MAX_BODY_BYTES",
    "MAX_CONNECTIONS",
    "MAX_HEADER_BYTES",
    "RequestGuard",
    "ServerConfig",
    "create_app",
    "negotiate",
    "serve",
    "store_spec_for",
]

MAX_BODY_BYTES = 1_000_000
"""Largest request body accepted (a SPARQL query is a few kB); larger ones get 413."""
HEADER_TIMEOUT = 10.0
"""Seconds a connection may take to send a complete request head before it is closed."""
MAX_CONNECTIONS = 256
"""Connections and requests served at once; past this uvicorn answers 503."""
MAX_HEADER_BYTES = 32_000
"""Largest total size of the request headers; larger ones get 431."""

RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
}
FORMAT_NAMES = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "turtle": "turtle", "ttl": "turtle", "nt": "nt",
                "ntriples": "nt", "rdfxml": "xml", "jsonld": "json-ld"}  # fmt: skip


def negotiate(accept: str, offered: dict[str, str]) -> str | None:
    """The offered media type the ``Accept`` header prefers (q-values, ``type/*``, ``*/*``), or None.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+json", RESULT_TYPES)
    'application/sparql-results+json'
    >>> negotiate("image/png", RESULT_TYPES) is None
    True
    """
    if not accept.strip():
        return next(iter(offered))
    best: tuple[float, int, str] | None = None
    for position, item in enumerate(accept.split(",")):
        media, *params = (part.strip() for part in item.split(";"))
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality <= 0:
            continue
        media = media.lower()
        if media in offered:
            match = media
        elif media == "*/*":
            match = next(iter(offered))
        elif media.endswith("/*"):
            match = next((m for m in offered if m.startswith(media[:-1])), "")
        else:
            continue
        if match and (best is None or (quality, -position) > (best[0], best[1])):
            best = (quality, -position, match)
    return best[2] if best else None


@dataclass
class ServerConfig:
    """What the app serves: a query pool over the store, and the network for the API and page."""

    pool: QueryPool
    network: nx.MultiDiGraph | None = None
    cors: list[str] = field(default_factory=list)
    explorer: str | None = None
    path_indexes: dict[str, Any] = field(default_factory=dict, repr=False)
    """Path-search indexes by mode, built on first use (:func:`mechkg.paths.index.path_index`)."""
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    path_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    """Held by each path search: the shared indexes are not safe for concurrent searches (see _paths_json)."""


def _error(status: int, message: str) -> PlainTextResponse:
    return PlainTextResponse(message + "\n", status_code=status)


def _is_utf8(raw: bytes) -> bool:
    """Whether percent-decoded ``raw`` (a query string or form body) is UTF-8 text."""
    try:
        urllib.parse.unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


async def _query_text(request: Request) -> tuple[str | None, Response | None]:
    params = request.query_params
    if "default-graph-uri" in params or "named-graph-uri" in params:
        return None, _error(403, "default-graph-uri and named-graph-uri are not allowed: queries run over MechKG's own graph")
    if request.method == "GET":
        if "update" in params:
            return None, _error(403, "SPARQL UPDATE is not allowed: this endpoint is read-only")
        return params.get("query"), None
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/sparql-update":
        return None, _error(403, "SPARQL UPDATE is not allowed: this endpoint is read-only")
    if content_type == "application/sparql-query":
        try:
            return (await request.body()).decode("utf-8"), None
        except UnicodeDecodeError:
            return None, _error(400, "the query is not UTF-8 text")
    if content_type == "application/x-www-form-urlencoded" and not _is_utf8(await request.body()):
        return None, _error(400, "the form is not UTF-8 text")
    if content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await request.form()
        if "update" in form:
            return None, _error(403, "SPARQL UPDATE is not allowed: this endpoint is read-only")
        if "default-graph-uri" in form or "named-graph-uri" in form:
            return None, _error(403, "default-graph-uri and named-graph-uri are not allowed")
        value = form.get("query")
        return (value if isinstance(value, str) else None), None
    return None, _error(415, f"unsupported Content-Type {content_type!r}: use application/sparql-query or a form")


async def sparql_endpoint(request: Request) -> Response:
    """The SPARQL 1.1 Protocol query operation."""
    config: ServerConfig = request.app.state.config
    text, problem = await _query_text(request)
    if problem is not None:
        return problem
    if not text:
        return _error(400, "missing query: send ?query=… (GET), a form field query=…, or an application/sparql-query body")
    try:
        checked = check_query(text)
    except QuerySyntaxError as error:
        return _error(400, str(error))
    except QueryRefused as error:
        return _error(403, str(error))
    offered = GRAPH_TYPES if checked.returns_graph else RESULT_TYPES
    if checked.kind == "ASK":
        offered = {k: v for k, v in RESULT_TYPES.items() if v in ("json", "xml")}
    wanted = request.query_params.get("format")
    if wanted:
        fmt = FORMAT_NAMES.get(wanted.lower())
        media = next((m for m, f in offered.items() if f == fmt), None)
    else:
        media = negotiate(request.headers.get("accept", ""), offered)
    if media is None:
        return _error(406, f"cannot answer this query as requested; available: {', '.join(offered)}")
    try:
        _, body = await run_in_threadpool(config.pool.run, text, offered[media])
    except QueryTimeout as error:
        return _error(503, str(error))
    except PoolBusy as error:
        return _error(503, str(error))
    except ResultTooLarge as error:
        return _error(413, str(error))
    except SparqlError as error:
        return _error(400, str(error))
    return Response(body, media_type=f"{media}; charset=utf-8" if media.startswith("text/") else media)


async def entity_api(request: Request) -> Response:
    """``/api/entity/{name}``: the same JSON as ``mechkg show NAME --format json``."""
    from mechkg.errors import UnknownEntity
    from mechkg.network.names import resolve_name
    from mechkg.views.entity import entity_json

    config: ServerConfig = request.app.state.config
    if config.network is None:
        return JSONResponse({"error": "this server was started without a curation graph"}, status_code=404)
    name = request.path_params["name"]
    try:
        node = resolve_name(config.network, name)
    except UnknownEntity as error:
        return JSONResponse({"error": str(error), "candidates": error.candidates}, status_code=404)
    assert node is not None
    return JSONResponse(entity_json(config.network, node))


async def queries_api(request: Request) -> Response:
    """``/api/queries``: the named queries (name, title, questions, parameters, text)."""
    return JSONResponse(
        [
            {
                "name": q.name,
                "title": q.title,
                "question": {"en": q.question_en, "zh-Hant": q.question_zh},
                "parameters": [
                    {"name": p.name, "kind": p.kind, "required": p.required, "description": p.description} for p in q.parameters
                ],
                "query": q.text,
            }
            for q in named_queries().values()
        ]
    )


def _int_param(request: Request, name: str, default: int, low: int, high: int) -> int:
    value = request.query_params.get(name)
    if value is None or value == "":
        return default
    if not value.isdigit() or not low <= int(value) <= high:
        raise ValueError(f"{name} must be a whole number from {low} to {high}")
    return int(value)


def _paths_json(config: ServerConfig, disease: str, therapy: str, k: int, max_hops: int, mode: str) -> dict[str, Any]:
    from mechkg.paths.index import path_index
    from mechkg.paths.search import mechanism_paths
    from mechkg.views.paths import result_json

    G = config.network
    with config.lock:
        if mode not in config.path_indexes:
            config.path_indexes[mode] = path_index(G, mode=mode)
        index = config.path_indexes[mode]
    # One search at a time per index: mechkg.paths.search adds virtual edges to the shared index under its
    # own lock, but the nearest-chain search (when there is no path) reads the index outside that
    # lock and could meet another search's half-added edges (a KeyError found by the load test).
    with config.path_lock:
        result = mechanism_paths(G, therapy, disease, k=k, max_hops=max_hops, mode=mode, index=index)  # type: ignore[arg-type]
    return result_json(G, result)


async def path_api(request: Request) -> Response:
    """``/api/path?disease=…&therapy=…``: the same JSON as ``mechkg path DISEASE THERAPY --format json``.

    Optional ``k`` (1-50, default 10), ``max_hops`` (2-8, default 6), ``mode`` (causal | exploratory).
    """
    from mechkg.errors import NoPath, UnknownEntity

    config: ServerConfig = request.app.state.config
    if config.network is None:
        return JSONResponse({"error": "this server was started without a curation graph"}, status_code=404)
    params = request.query_params
    disease, therapy = params.get("disease", "").strip(), params.get("therapy", "").strip()
    if not disease or not therapy:
        return JSONResponse({"error": "give both disease=… and therapy=… (ids, labels or synonyms)"}, status_code=400)
    mode = params.get("mode", "causal")
    if mode not in ("causal", "exploratory"):
        return JSONResponse({"error": "mode must be causal or exploratory"}, status_code=400)
    try:
        k = _int_param(request, "k", 10, 1, 50)
        max_hops = _int_param(request, "max_hops", 6, 2, 8)
    except ValueError as error:
        return JSONResponse({"error": str(error)}, status_code=400)
    try:
        body = await run_in_threadpool(_paths_json, config, disease, therapy, k, max_hops, mode)
    except UnknownEntity as error:
        return JSONResponse({"error": str(error), "candidates": error.candidates}, status_code=404)
    except NoPath as error:
        return JSONResponse({"error": str(error)}, status_code=404)
    return JSONResponse(body)


async def explorer_page(request: Request) -> Response:
    """``/``: the explorer page, built once at start-up."""
    config: ServerConfig = request.app.state.config
    if config.explorer is None:
        return _error(404, "no explorer page: the server was started without a curation graph")
    return HTMLResponse(config.explorer)


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

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        """Check the request, then pass it on with a receive that counts the body."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not _is_utf8(scope.get("query_string", b"")):
            await _error(400, "the query string is not UTF-8 text")(scope, receive, send)
            return
        if sum(len(key) + len(value) for key, value in scope["headers"]) > MAX_HEADER_BYTES:
            await _error(431, f"request headers larger than {MAX_HEADER_BYTES:,} bytes")(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.strip().isdigit() or int(length) > self.max_body):
            await _error(413, f"request body larger than {self.max_body:,} bytes")(scope, receive, send)
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
                await _error(413, f"request body larger than {self.max_body:,} bytes")(scope, receive, send)


def _header_deadline_protocol(timeout: float) -> type:
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


def create_app(config: ServerConfig) -> Starlette:
    """The Starlette application serving ``config``."""
    middleware = [Middleware(RequestGuard)]
    if config.cors:
        middleware.append(
            Middleware(
                CORSMiddleware, allow_origins=config.cors, allow_methods=["GET", "POST"], allow_headers=["Content-Type", "Accept"]
            )
        )
    app = Starlette(
        routes=[
            Route("/", explorer_page),
            Route("/sparql", sparql_endpoint, methods=["GET", "POST"]),
            Route("/api/entity/{name:path}", entity_api),
            Route("/api/queries", queries_api),
            Route("/api/path", path_api),
        ],
        middleware=middleware,
    )
    app.state.config = config
    return app


def store_spec_for(spec: str | None, graph: Any, workdir: Path) -> StoreSpec:
    """A :class:`StoreSpec` workers can open: in-memory stores are handed the graph as N-Triples in ``workdir``."""
    from mechkg.query.stores import parse_store_spec

    engine, location = parse_store_spec(spec)
    if engine == "endpoint":
        return StoreSpec("endpoint", url=location)
    if engine == "oxigraph" and location:
        return StoreSpec("oxigraph", path=Path(location))
    data = workdir / "mechkg.nt"
    graph.serialize(data, format="nt", encoding="utf-8")
    return StoreSpec(engine, data=data)


def serve(
    *,
    built: Any,
    store: str | None = None,
    host: str = "127.0.0.1",
    port: int = 8000,
    timeout: float = 10.0,
    max_results: int = 10_000,
    workers: int = 2,
    cors: list[str] | None = None,
) -> None:
    """Run the server until interrupted (``built`` is a :class:`mechkg.network.built.Built`)."""
    import uvicorn

    from mechkg.render.page import explorer_html

    with tempfile.TemporaryDirectory(prefix="mechkg-serve-") as workdir:
        spec = store_spec_for(store, built.rdf, Path(workdir))
        pool = QueryPool(spec, workers=workers, timeout=timeout, max_results=max_results).start()
        try:
            config = ServerConfig(pool=pool, network=built.network, cors=cors or [], explorer=explorer_html(built.network))
            uvicorn.run(
                create_app(config),
                host=host,
                port=port,
                log_level="info",
                http=_header_deadline_protocol(HEADER_TIMEOUT),
                limit_concurrency=MAX_CONNECTIONS,
                server_header=False,
            )
        finally:
            pool.close()
