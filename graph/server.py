"""``mechkg serve``: a read-only SPARQL 1.1 Protocol endpoint, a JSON API and the explorer page.

Routes:
``/sparql`` SPARQL 1.1 Protocol query operation: GET ``?query=``, POST form (``query=``) or POST
``application/sparql-query``; results by content negotiation (``Accept`` or ``?format=``): JSON,
XML, CSV, TSV for SELECT/ASK and Turtle, N-Triples, RDF/XML, JSON-LD for CONSTRUCT/DESCRIBE.
Updates are refused with 403; SERVICE, FROM and ``default-graph-uri``/``named-graph-uri`` are
refused with 403 before anything runs; a query past the time limit gets 503 and a result past
the cap 413, and the server goes on answering (queries run in worker processes, see
:mod:`graph.querypool`).
``/api/entity/{name}`` the JSON of ``mechkg show NAME --format json`` (404 with candidates).
``/api/queries`` the named queries with their questions and parameters.
``/`` the explorer page (:func:`graph.html.explorer_html`).
``/api/path`` is left for the mechanism-path engine (issue 5).

Built on Starlette (routing, forms, CORS) and served by uvicorn; binds 127.0.0.1 unless told.
"""

from __future__ import annotations

import tempfile
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

from graph.querypool import PoolBusy, QueryPool
from graph.sparql import (
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
    ResultTooLarge,
    SparqlError,
    check_query,
    named_queries,
)
from graph.stores import StoreSpec

__all__ = ["ServerConfig", "create_app", "negotiate", "serve", "store_spec_for"]

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


def _error(status: int, message: str) -> PlainTextResponse:
    return PlainTextResponse(message + "\n", status_code=status)


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
        return (await request.body()).decode("utf-8"), None
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
    from graph.cli import _entity_json as entity_json
    from graph.errors import UnknownEntity
    from graph.names import resolve_name

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


async def explorer_page(request: Request) -> Response:
    """``/``: the explorer page, built once at start-up."""
    config: ServerConfig = request.app.state.config
    if config.explorer is None:
        return _error(404, "no explorer page: the server was started without a curation graph")
    return HTMLResponse(config.explorer)


def create_app(config: ServerConfig) -> Starlette:
    """The Starlette application serving ``config``."""
    middleware = []
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
            # /api/path: added by the mechanism-path engine (issue 5).
        ],
        middleware=middleware,
    )
    app.state.config = config
    return app


def store_spec_for(spec: str | None, graph: Any, workdir: Path) -> StoreSpec:
    """A :class:`StoreSpec` workers can open: in-memory stores are handed the graph as N-Triples in ``workdir``."""
    from graph.stores import parse_store_spec

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
    """Run the server until interrupted (``built`` is a :class:`graph.pipeline.Built`)."""
    import uvicorn

    from graph.html import explorer_html

    with tempfile.TemporaryDirectory(prefix="mechkg-serve-") as workdir:
        spec = store_spec_for(store, built.rdf, Path(workdir))
        pool = QueryPool(spec, workers=workers, timeout=timeout, max_results=max_results).start()
        try:
            config = ServerConfig(pool=pool, network=built.network, cors=cors or [], explorer=explorer_html(built.network))
            uvicorn.run(create_app(config), host=host, port=port, log_level="info")
        finally:
            pool.close()
