"""The routes of ``mechkg serve``: the SPARQL 1.1 Protocol endpoint, the JSON API and the explorer page.

``/sparql`` SPARQL 1.1 Protocol query operation: GET ``?query=``, POST form (``query=``) or POST
``application/sparql-query``; results by content negotiation (``Accept`` or ``?format=``, see
:mod:`mechkg.app.negotiation`): JSON, XML, CSV, TSV for SELECT/ASK and Turtle, N-Triples,
RDF/XML, JSON-LD for CONSTRUCT/DESCRIBE. Updates are refused with 403; SERVICE, FROM and
``default-graph-uri``/``named-graph-uri`` are refused with 403 before anything runs; a query
past the time limit gets 503 and a result past the cap 413, and the server goes on answering
(queries run in worker processes, see :mod:`mechkg.query.pool`).
``/api/entity/{name}`` the JSON of ``mechkg show NAME --format json`` (404 with candidates).
``/api/queries`` the named queries with their questions and parameters.
``/api/path?disease=…&therapy=…&k=…&max_hops=…&mode=…`` the JSON of ``mechkg path --format json``.
``/`` the explorer page (:func:`mechkg.render.page.explorer_html`).

Every request first passes :class:`mechkg.app.guard.RequestGuard` (size and encoding limits).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from mechkg.app.guard import RequestGuard, is_utf8, plain_error
from mechkg.app.negotiation import FORMAT_NAMES, GRAPH_TYPES, RESULT_TYPES, negotiate
from mechkg.app.origin import LOOPBACK_NAMES, HostOriginGuard
from mechkg.paths import defaults
from mechkg.query.named import named_queries
from mechkg.query.pool import PoolBusy, QueryPool
from mechkg.query.sparql import QueryRefused, QuerySyntaxError, QueryTimeout, ResultTooLarge, SparqlError, check_query

__all__ = ["ServerConfig", "create_app", "entity_api", "explorer_page", "path_api", "queries_api", "sparql_endpoint"]


@dataclass
class ServerConfig:
    """What the app serves: a query pool over the store, and the network for the API and page."""

    pool: QueryPool
    network: nx.MultiDiGraph | None = None
    cors: list[str] = field(default_factory=list)
    explorer: str | None = None
    hosts: frozenset[str] = LOOPBACK_NAMES
    """Host names the server answers to (:mod:`mechkg.app.origin`)."""
    path_indexes: dict[str, Any] = field(default_factory=dict, repr=False)
    """Path-search indexes by mode, built on first use (:func:`mechkg.paths.search.path_index`)."""
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    path_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    """Held by each path search: the shared indexes are not safe for concurrent searches (see _paths_json)."""


async def _query_text(request: Request) -> tuple[str | None, Response | None]:
    params = request.query_params
    if "default-graph-uri" in params or "named-graph-uri" in params:
        message = "default-graph-uri and named-graph-uri are not allowed: queries run over MechKG's own graph"
        return None, plain_error(403, message)
    if request.method == "GET":
        if "update" in params:
            return None, plain_error(403, "SPARQL UPDATE is not allowed: this endpoint is read-only")
        return params.get("query"), None
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/sparql-update":
        return None, plain_error(403, "SPARQL UPDATE is not allowed: this endpoint is read-only")
    if content_type == "application/sparql-query":
        try:
            return (await request.body()).decode("utf-8"), None
        except UnicodeDecodeError:
            return None, plain_error(400, "the query is not UTF-8 text")
    if content_type == "application/x-www-form-urlencoded" and not is_utf8(await request.body()):
        return None, plain_error(400, "the form is not UTF-8 text")
    if content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await request.form()
        if "update" in form:
            return None, plain_error(403, "SPARQL UPDATE is not allowed: this endpoint is read-only")
        if "default-graph-uri" in form or "named-graph-uri" in form:
            return None, plain_error(403, "default-graph-uri and named-graph-uri are not allowed")
        value = form.get("query")
        return (value if isinstance(value, str) else None), None
    return None, plain_error(415, f"unsupported Content-Type {content_type!r}: use application/sparql-query or a form")


async def sparql_endpoint(request: Request) -> Response:
    """The SPARQL 1.1 Protocol query operation."""
    config: ServerConfig = request.app.state.config
    text, problem = await _query_text(request)
    if problem is not None:
        return problem
    if not text:
        return plain_error(400, "missing query: send ?query=… (GET), a form field query=…, or an application/sparql-query body")
    try:
        checked = check_query(text)
    except QuerySyntaxError as error:
        return plain_error(400, str(error))
    except QueryRefused as error:
        return plain_error(403, str(error))
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
        return plain_error(406, f"cannot answer this query as requested; available: {', '.join(offered)}")
    try:
        _, body = await run_in_threadpool(config.pool.run, text, offered[media])
    except QueryTimeout as error:
        return plain_error(503, str(error))
    except PoolBusy as error:
        return plain_error(503, str(error))
    except ResultTooLarge as error:
        return plain_error(413, str(error))
    except SparqlError as error:
        return plain_error(400, str(error))
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
    from mechkg.errors import UnknownEntity

    config: ServerConfig = request.app.state.config
    if config.network is None:
        return JSONResponse({"error": "this server was started without a curation graph"}, status_code=404)
    params = request.query_params
    disease, therapy = params.get("disease", "").strip(), params.get("therapy", "").strip()
    if not disease or not therapy:
        return JSONResponse({"error": "give both disease=… and therapy=… (ids, labels or synonyms)"}, status_code=400)
    mode = params.get("mode", defaults.MODE)
    if mode not in ("causal", "exploratory"):
        return JSONResponse({"error": "mode must be causal or exploratory"}, status_code=400)
    try:
        k = _int_param(request, "k", defaults.K, 1, 50)
        max_hops = _int_param(request, "max_hops", defaults.MAX_HOPS, 2, 8)
    except ValueError as error:
        return JSONResponse({"error": str(error)}, status_code=400)
    try:
        body = await run_in_threadpool(_paths_json, config, disease, therapy, k, max_hops, mode)
    except UnknownEntity as error:
        return JSONResponse({"error": str(error), "candidates": error.candidates}, status_code=404)
    return JSONResponse(body)


async def explorer_page(request: Request) -> Response:
    """``/``: the explorer page, built once at start-up."""
    config: ServerConfig = request.app.state.config
    if config.explorer is None:
        return plain_error(404, "no explorer page: the server was started without a curation graph")
    return HTMLResponse(config.explorer)


def create_app(config: ServerConfig) -> Starlette:
    """The Starlette application serving ``config``."""
    middleware = [Middleware(HostOriginGuard, hosts=config.hosts, cors=config.cors), Middleware(RequestGuard)]
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
