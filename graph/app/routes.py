"""The routes of ``mechkg serve``: the SPARQL 1.1 Protocol endpoint, the JSON API and the explorer page.

``/sparql`` SPARQL 1.1 Protocol query operation: GET ``?query=``, POST form (``query=``) or POST
``application/sparql-query``; results by content negotiation (``Accept`` or ``?format=``, see
:mod:`mechkg.app.negotiation`): JSON, XML, CSV, TSV for SELECT/ASK and Turtle, N-Triples,
RDF/XML, JSON-LD for CONSTRUCT/DESCRIBE. Updates are refused with 403; SERVICE, FROM and
``default-graph-uri``/``named-graph-uri`` are refused with 403 before anything runs; a query
past the time limit gets 503, a result past the caps (rows, bytes, a worker's memory) 413, and
the server goes on answering (queries are checked and run in worker processes, see
:mod:`mechkg.query.pool`). A query longer than :data:`mechkg.query.sparql.MAX_QUERY_BYTES`
(64 kB of UTF-8 text, whether sent in the URL, a form or a body) gets 413; one whose brackets
nest deeper than :data:`mechkg.query.sparql.MAX_NESTING` levels 400; a malformed one 400 with
its line and column.
``/api/entity/{name}`` the JSON of ``mechkg show NAME --format json`` (404 with candidates).
``/api/queries`` the named queries with their questions and parameters.
``/api/path?disease=…&therapy=…&k=…&max_hops=…&mode=…`` the JSON of ``mechkg path --format json``.
``/api/pair-paths?therapy=ID&disease=ID`` one pair's ranked paths as the explorer's paths panel shows them.
``/`` the explorer page (:func:`served_explorer`), its paths panel searching live.
``GET /sparql`` from a browser (``Accept`` wanting ``text/html`` first, :func:`mechkg.app.editor.wants_editor`)
the SPARQL editor page, opening on ``?query=`` and running it; ``/static/NAME`` its files.
``/api`` and ``/api/openapi.json`` this API's description (:mod:`mechkg.app.openapi`).

Every request first passes :class:`mechkg.app.guard.RequestGuard` (size, encoding, time and
concurrency limits). Nothing a client sends is parsed on the event loop beyond a form's
percent-decoding, done in slices (:mod:`mechkg.app.forms`).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Mapping
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

from mechkg.app.editor import EDITOR_CSP, STATIC_FILES, editor_html, static_file, wants_editor
from mechkg.app.forms import MAX_FIELDS, FormError, read_form
from mechkg.app.guard import RequestGuard, plain_error
from mechkg.app.headers import DEFAULT_CSP, SecurityHeaders, explorer_csp
from mechkg.app.live import MAX_K, MAX_MAX_HOPS, LivePaths, UnknownEnd
from mechkg.app.negotiation import FORMAT_NAMES, GRAPH_TYPES, RESULT_TYPES, negotiate
from mechkg.app.openapi import API_CSP, OPENAPI_URL, api_html, openapi_document
from mechkg.app.origin import LOOPBACK_NAMES, HostOriginGuard
from mechkg.paths import defaults
from mechkg.query.named import named_queries
from mechkg.query.pool import NotAcceptable, PoolBusy, QueryPool
from mechkg.query.sparql import (
    MAX_QUERY_BYTES,
    QueryRefused,
    QueryTimeout,
    QueryTooComplex,
    QueryTooLarge,
    ResultTooLarge,
    SparqlError,
)

__all__ = [
    "PAIR_PATHS_URL",
    "QUERY_FORMS",
    "ServerConfig",
    "api_page",
    "create_app",
    "editor_page",
    "entity_api",
    "explorer_page",
    "openapi_json",
    "pair_paths_api",
    "path_api",
    "queries_api",
    "served_explorer",
    "sparql_endpoint",
    "static_files",
]

PAIR_PATHS_URL = "/api/pair-paths"
"""Where the served page's paths panel asks for a pair's paths."""
QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
"""The forms a query may have; the answer's format is chosen for each before the query is parsed."""


@dataclass
class ServerConfig:
    """What the app serves: a query pool over the store, and the network for the API and page."""

    pool: QueryPool
    network: nx.MultiDiGraph | None = None
    cors: list[str] = field(default_factory=list)
    explorer: str | None = None
    """The page at ``/``; made from ``network`` (:func:`served_explorer`) when not given."""
    hosts: frozenset[str] = LOOPBACK_NAMES
    """Host names the server answers to (:mod:`mechkg.app.origin`)."""
    path_indexes: dict[str, Any] = field(default_factory=dict, repr=False)
    """Path-search indexes by mode, built on first use (:func:`mechkg.paths.search.path_index`)."""
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    path_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    """Held by each path search: the shared indexes are not safe for concurrent searches (see _paths_json)."""
    live: LivePaths | None = None
    """The served page's paths panel (``/api/pair-paths``); made from ``network`` when not given."""


_UPDATE = "SPARQL UPDATE is not allowed: this endpoint is read-only"
_DATASET = "default-graph-uri and named-graph-uri are not allowed: queries run over MechKG's own graph"


def _form_query(form: Mapping[str, Any]) -> tuple[str | None, Response | None]:
    if "update" in form:
        return None, plain_error(403, _UPDATE)
    if "default-graph-uri" in form or "named-graph-uri" in form:
        return None, plain_error(403, _DATASET)
    value = form.get("query")
    value = value[0] if isinstance(value, list) and value else value
    return (value if isinstance(value, str) else None), None


async def _body_query(request: Request) -> tuple[str | None, Response | None]:
    """The query of a POST: an ``application/sparql-query`` body or a form field."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/sparql-update":
        return None, plain_error(403, _UPDATE)
    if content_type == "application/sparql-query":
        try:
            return (await request.body()).decode("utf-8"), None
        except UnicodeDecodeError:
            return None, plain_error(400, "the query is not UTF-8 text")
    if content_type == "application/x-www-form-urlencoded":
        try:
            return _form_query(await read_form(await request.body()))
        except FormError as error:
            return None, plain_error(400, str(error))
    if content_type == "multipart/form-data":
        return _form_query(await request.form(max_files=0, max_fields=MAX_FIELDS))
    return None, plain_error(415, f"unsupported Content-Type {content_type!r}: use application/sparql-query or a form")


async def _query_text(request: Request) -> tuple[str | None, Response | None]:
    params = request.query_params
    if "default-graph-uri" in params or "named-graph-uri" in params:
        return None, plain_error(403, _DATASET)
    if request.method == "GET":
        if "update" in params:
            return None, plain_error(403, _UPDATE)
        return params.get("query"), None
    return await _body_query(request)


def _media_by_form(request: Request) -> dict[str, str | None]:
    """The media type to answer each query form in (None: nothing acceptable), chosen before the query is parsed."""
    wanted = request.query_params.get("format")
    fmt = FORMAT_NAMES.get(wanted.lower()) if wanted else None
    chosen: dict[str, str | None] = {}
    for kind in QUERY_FORMS:
        offered = _offered(kind)
        if wanted:
            chosen[kind] = next((m for m, f in offered.items() if f == fmt), None)
        else:
            chosen[kind] = negotiate(request.headers.get("accept", ""), offered)
    return chosen


def _offered(kind: str) -> dict[str, str]:
    if kind in ("CONSTRUCT", "DESCRIBE"):
        return GRAPH_TYPES
    if kind == "ASK":
        return {k: v for k, v in RESULT_TYPES.items() if v in ("json", "xml")}
    return RESULT_TYPES


_STATUS: list[tuple[type[SparqlError], int]] = [
    (QueryTooLarge, 413),
    (QueryTooComplex, 400),
    (QueryRefused, 403),
    (QueryTimeout, 503),
    (PoolBusy, 503),
    (ResultTooLarge, 413),
    (NotAcceptable, 406),
    (SparqlError, 400),
]
"""The HTTP status of each error a query can end in (the first class that matches)."""


def _error_response(error: SparqlError) -> Response:
    status = next(code for cls, code in _STATUS if isinstance(error, cls))
    if isinstance(error, NotAcceptable):
        return plain_error(406, f"cannot answer this query as requested; available: {', '.join(_offered(error.kind))}")
    return plain_error(status, str(error))


async def sparql_endpoint(request: Request) -> Response:
    """The SPARQL 1.1 Protocol query operation.

    Nothing about the query is parsed here: the text is only measured (:data:`MAX_QUERY_BYTES`),
    and the result format is chosen for each query form in advance; checking, running and
    writing the answer happen in a worker process (:class:`mechkg.query.pool.QueryPool`).
    """
    config: ServerConfig = request.app.state.config
    text, problem = await _query_text(request)
    if problem is not None:
        return problem
    if request.method == "GET" and "format" not in request.query_params and wants_editor(request.headers.get("accept", "")):
        return editor_page(text)
    if not text:
        return plain_error(400, "missing query: send ?query=… (GET), a form field query=…, or an application/sparql-query body")
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_QUERY_BYTES:
        return plain_error(413, f"the query is {size:,} bytes long; the limit is {MAX_QUERY_BYTES:,} bytes")
    media = _media_by_form(request)
    formats = {kind: _offered(kind)[m] if m else None for kind, m in media.items()}
    try:
        kind, body = await run_in_threadpool(config.pool.run, text, formats)
    except SparqlError as error:
        return _error_response(error)
    answered = media[kind] or "application/octet-stream"
    return Response(body, media_type=f"{answered}; charset=utf-8" if answered.startswith("text/") else answered)


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
        return JSONResponse({"error": str(error), "candidates": error.candidates, "described": error.described}, status_code=404)
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
        return JSONResponse({"error": str(error), "candidates": error.candidates, "described": error.described}, status_code=404)
    return JSONResponse(body)


def _pair(config: ServerConfig, therapy: str, disease: str, k: int, max_hops: int) -> Any:
    """The paths panel's entry for a pair; a name that resolves (:func:`mechkg.network.names.resolve_name`) stands for its id."""
    from mechkg.network.names import resolve_name

    assert config.live is not None
    if config.network is not None:
        therapy, disease = (resolve_name(config.network, name, strict=False) or name for name in (therapy, disease))
    return config.live.pair(therapy, disease, k=k, max_hops=max_hops)


async def pair_paths_api(request: Request) -> Response:
    """``/api/pair-paths?therapy=ID&disease=ID``: one pair's entry of the paths panel, ``{therapy, disease, paths}``.

    The records are those the built page precomputes (:mod:`mechkg.app.live`); optional ``k``
    (1-10, default 5) and ``max_hops`` (2-8, default 6). A name (label, synonym, any script, a clearly
    nearest spelling: :mod:`mechkg.terms.naming`) stands for its id. An id the panel does not offer gets 404
    naming it; a search longer than the server's query time limit 503.
    """
    config: ServerConfig = request.app.state.config
    if config.live is None:
        return JSONResponse({"error": "this server was started without a curation graph"}, status_code=404)
    params = request.query_params
    therapy, disease = params.get("therapy", ""), params.get("disease", "")
    if not therapy or not disease:
        return JSONResponse({"error": "give both therapy=ID and disease=ID"}, status_code=400)
    try:
        k = _int_param(request, "k", defaults.TABLE_K, 1, MAX_K)
        max_hops = _int_param(request, "max_hops", defaults.MAX_HOPS, 2, MAX_MAX_HOPS)
    except ValueError as error:
        return JSONResponse({"error": str(error)}, status_code=400)
    search = run_in_threadpool(_pair, config, therapy, disease, k, max_hops)
    try:
        entry = await asyncio.wait_for(search, timeout=config.pool.timeout)
    except UnknownEnd as error:
        return JSONResponse({"error": str(error), error.role: error.value}, status_code=404)
    except asyncio.TimeoutError:
        return JSONResponse({"error": f"the path search ran longer than {config.pool.timeout:g} s"}, status_code=503)
    return JSONResponse(entry)


async def explorer_page(request: Request) -> Response:
    """``/``: the explorer page, built once at start-up."""
    config: ServerConfig = request.app.state.config
    if config.explorer is None:
        return plain_error(404, "no explorer page: the server was started without a curation graph")
    return HTMLResponse(config.explorer, headers={"Content-Security-Policy": request.app.state.explorer_csp})


def editor_page(query: str | None) -> Response:
    """The SPARQL editor (``GET /sparql`` asked for ``text/html``), opening on ``query`` and running it if given."""
    return HTMLResponse(editor_html(query or None), headers={"Content-Security-Policy": EDITOR_CSP, "Vary": "Accept"})


async def static_files(request: Request) -> Response:
    """``/static/NAME``: the editor's script and style and the vendored YASGUI (:data:`mechkg.app.editor.STATIC_FILES`)."""
    name = request.path_params["name"]
    body = static_file(name)
    if body is None:
        return plain_error(404, f"no file {name!r} here")
    return Response(body, media_type=STATIC_FILES[name][1], headers={"Cache-Control": "public, max-age=3600"})


async def openapi_json(request: Request) -> Response:
    """``/api/openapi.json``: the OpenAPI 3.1 description of this server (:mod:`mechkg.app.openapi`)."""
    return JSONResponse(openapi_document())


async def api_page(request: Request) -> Response:
    """``/api``: the same description as a page a person can read."""
    return HTMLResponse(api_html(), headers={"Content-Security-Policy": API_CSP})


def served_explorer(live: LivePaths) -> str:
    """The explorer page as served: the built page's template and script, its paths panel searching live."""
    from mechkg.render.page import explorer_html

    return explorer_html(live.G, live={**live.choices(PAIR_PATHS_URL), "sparql": "/sparql", "api": "/api"})


def create_app(config: ServerConfig) -> Starlette:
    """The Starlette application serving ``config``."""
    middleware = [
        Middleware(SecurityHeaders),
        Middleware(HostOriginGuard, hosts=config.hosts, cors=config.cors),
        Middleware(RequestGuard),
    ]
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
            Route(PAIR_PATHS_URL, pair_paths_api),
            Route("/static/{name}", static_files),
            Route("/api", api_page),
            Route(OPENAPI_URL, openapi_json),
        ],
        middleware=middleware,
    )
    if config.live is None and config.network is not None:
        config.live = LivePaths(config.network)
    if config.explorer is None and config.live is not None:
        config.explorer = served_explorer(config.live)
    app.state.config = config
    app.state.explorer_csp = explorer_csp(config.explorer) if config.explorer else DEFAULT_CSP
    return app
