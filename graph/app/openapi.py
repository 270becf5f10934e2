"""The HTTP API of ``mechkg serve`` described: an OpenAPI 3.1 document and a plain HTML page made from it.

``/api/openapi.json`` serves :func:`openapi_document`; ``/api`` serves :func:`api_html`, the same
document as a page a person can read (written here with escaped text: no Swagger UI, nothing
fetched). The document names every route of :func:`mechkg.app.routes.create_app`, each with its
parameters, responses and an example (``tests/app/test_openapi.py`` checks both ways).

>>> doc = openapi_document()
>>> doc["openapi"], "/api/pair-paths" in doc["paths"]
('3.1.0', True)
"""

from __future__ import annotations

import html
import json
from functools import cache
from typing import Any

from mechkg.app.live import MAX_K, MAX_MAX_HOPS
from mechkg.paths import defaults
from mechkg.query.sparql import MAX_QUERY_BYTES

__all__ = ["API_CSP", "OPENAPI_URL", "api_html", "openapi_document"]

OPENAPI_URL = "/api/openapi.json"
"""Where the document is served."""

_JSON_ERROR = {
    "description": "Refused; the body says why.",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}
_TEXT_ERROR = {"description": "Refused; a one-line reason.", "content": {"text/plain": {"schema": {"type": "string"}}}}


def _param(
    name: str, where: str, description: str, schema: dict[str, Any], example: Any, required: bool = False
) -> dict[str, Any]:
    return {"name": name, "in": where, "required": required, "description": description, "schema": schema, "example": example}


def _json(description: str, schema: dict[str, Any], example: Any) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema, "example": example}}}


def _html(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"text/html": {"schema": {"type": "string"}}}}


_PATH_RECORD = {
    "type": "object",
    "description": "One path as the explorer's paths panel stores it (mechkg.render.path_records.PathRecord); "
    "fields may be added, never removed.",
    "required": ["nodes", "edges", "net_sign", "score"],
    "properties": {
        "nodes": {"type": "array", "items": {"type": "string"}, "description": "node ids in walking order"},
        "edges": {"type": "array", "items": {"type": "string"}, "description": "edge ids SUBJECT|predicate|OBJECT walked"},
        "net_sign": {
            "type": ["integer", "null"],
            "description": "product of the causal edges' signs; -1 counteracts the disease",
        },
        "score": {"type": ["number", "null"], "description": "the path's rank score"},
    },
}
_PAIR_EXAMPLE = {
    "therapy": "MSC_THERAPY",
    "disease": "SLE",
    "paths": [
        {
            "nodes": ["MSC_THERAPY", "MSC", "TH17", "SLE"],
            "edges": ["MSC_THERAPY|uses|MSC", "MSC|decreases|TH17", "TH17|contributesTo|SLE"],
            "net_sign": -1,
            "score": 0.044987,
        }
    ],
}
_SPARQL_RESULTS = {
    "application/sparql-results+json": {
        "schema": {"type": "object"},
        "example": {
            "head": {"vars": ["d"]},
            "results": {"bindings": [{"d": {"type": "uri", "value": "https://w3id.org/mechkg/entity/SLE"}}]},
        },
    },
    "application/sparql-results+xml": {"schema": {"type": "string"}},
    "text/csv": {"schema": {"type": "string"}, "example": "d\r\nhttps://w3id.org/mechkg/entity/SLE\r\n"},
    "text/tab-separated-values": {"schema": {"type": "string"}},
    "text/turtle": {"schema": {"type": "string"}, "description": "CONSTRUCT/DESCRIBE (also N-Triples, RDF/XML, JSON-LD)"},
    "text/html": {
        "schema": {"type": "string"},
        "description": "GET from a browser (Accept wants text/html first): the editor page",
    },
}
_SPARQL_ERRORS = {
    "400": _TEXT_ERROR | {"description": "Missing or malformed query (with its line and column), or brackets nested too deep."},
    "403": _TEXT_ERROR
    | {"description": "An update, SERVICE, FROM, default-graph-uri or named-graph-uri: refused before anything runs."},
    "406": _TEXT_ERROR | {"description": "The query's results cannot be given in any format the client accepts."},
    "413": _TEXT_ERROR
    | {"description": f"The query is over {MAX_QUERY_BYTES:,} bytes, or its result over the row or byte caps."},
    "415": _TEXT_ERROR | {"description": "A POST body that is neither application/sparql-query nor a form."},
    "503": _TEXT_ERROR | {"description": "The query ran past the time limit (it was stopped), or every worker stayed busy."},
}
_QUERY_PARAM = _param(
    "query",
    "query",
    "The SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE). The prefixes mk:, mke:, mkc:, mks:, rdf:, rdfs:, "
    "skos:, … are declared already.",
    {"type": "string"},
    "SELECT ?d WHERE { ?d a mk:Disease }",
)
_FORMAT_PARAM = _param(
    "format",
    "query",
    "Result format, instead of the Accept header.",
    {"type": "string", "enum": ["json", "xml", "csv", "tsv", "turtle", "ttl", "nt", "ntriples", "rdfxml", "jsonld"]},
    "csv",
)


@cache
def openapi_document() -> dict[str, Any]:
    """The OpenAPI 3.1 description of every route ``mechkg serve`` answers."""
    paths: dict[str, Any] = {
        "/": {
            "get": {
                "summary": "The explorer page",
                "tags": ["pages"],
                "operationId": "explorer",
                "description": "The interactive graph (the same page as the build's), its paths panel searching live "
                "through /api/pair-paths. Deep links: #node=ID, #edge=S|pred|O, #paths=THERAPY|DISEASE, #focus=ID&k=N.",
                "responses": {
                    "200": _html("The page."),
                    "404": _TEXT_ERROR | {"description": "Started without a curation graph."},
                },
            }
        },
        "/sparql": {
            "get": {
                "summary": "SPARQL 1.1 Protocol query, or the SPARQL editor",
                "tags": ["sparql"],
                "operationId": "sparqlGet",
                "description": "Answers ?query= by content negotiation (Accept or ?format=). "
                "A browser (Accept wanting text/html first, "
                "at full quality) gets the SPARQL editor page instead, opening on ?query= and running it.",
                "parameters": [
                    _QUERY_PARAM
                    | {"description": _QUERY_PARAM["description"] + " Required unless a browser asks for the editor."},
                    _FORMAT_PARAM,
                ],
                "responses": {
                    "200": {"description": "The results, or the editor page.", "content": _SPARQL_RESULTS},
                    **_SPARQL_ERRORS,
                },
            },
            "post": {
                "summary": "SPARQL 1.1 Protocol query (POST)",
                "tags": ["sparql"],
                "operationId": "sparqlPost",
                "description": "The query as an application/sparql-query body or a form field query=. Updates are refused.",
                "parameters": [_FORMAT_PARAM],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/sparql-query": {
                            "schema": {"type": "string"},
                            "example": "SELECT ?d WHERE { ?d a mk:Disease }",
                        },
                        "application/x-www-form-urlencoded": {
                            "schema": {"type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"]},
                            "example": {"query": "ASK { mke:IL10 a mk:GeneProduct }"},
                        },
                    },
                },
                "responses": {
                    "200": {
                        "description": "The results.",
                        "content": {k: v for k, v in _SPARQL_RESULTS.items() if k != "text/html"},
                    },
                    **_SPARQL_ERRORS,
                },
            },
        },
        "/api/entity/{name}": {
            "get": {
                "summary": "One entity with its edges and claims",
                "tags": ["api"],
                "operationId": "entity",
                "description": "The JSON of `mechkg show NAME --format json`.",
                "parameters": [
                    _param("name", "path", "An id, label or synonym, in English or Chinese.", {"type": "string"}, "IL10", True)
                ],
                "responses": {
                    "200": _json(
                        "The entity.", {"type": "object"}, {"id": "IL10", "type": "GeneProduct", "label_en": "interleukin-10"}
                    ),
                    "404": _json(
                        "Unknown or ambiguous name, with candidates.",
                        {"$ref": "#/components/schemas/Error"},
                        {"error": "no entity named 'IL1O'", "candidates": ["IL10"]},
                    ),
                },
            }
        },
        "/api/queries": {
            "get": {
                "summary": "The named queries",
                "tags": ["api"],
                "operationId": "queries",
                "description": "graph/queries/*.rq: name, title, question (en, zh-Hant), parameters and text "
                "(`mechkg sparql --list`).",
                "responses": {
                    "200": _json(
                        "The queries.",
                        {"type": "array", "items": {"type": "object"}},
                        [
                            {
                                "name": "therapies-for-disease",
                                "title": "Therapies that ameliorate a disease, with the evidence",
                                "question": {
                                    "en": "Which therapies are said to ameliorate a disease…",
                                    "zh-Hant": "哪些療法被認為能改善某疾病？…",
                                },
                                "parameters": [
                                    {
                                        "name": "disease",
                                        "kind": "entity",
                                        "required": False,
                                        "description": "only this disease or a narrower one",
                                    }
                                ],
                                "query": "# title: …\nSELECT DISTINCT ?disease ?therapy …",
                            }
                        ],
                    )
                },
            }
        },
        "/api/path": {
            "get": {
                "summary": "Mechanism paths from a therapy to a disease",
                "tags": ["api"],
                "operationId": "path",
                "description": "The JSON of `mechkg path DISEASE THERAPY --format json` "
                "(with the nearest partial chains when there is no path).",
                "parameters": [
                    _param("disease", "query", "Disease: id, label or synonym.", {"type": "string"}, "SLE", True),
                    _param(
                        "therapy",
                        "query",
                        "Therapy, class of therapies or cell source: id, label or synonym.",
                        {"type": "string"},
                        "MSC",
                        True,
                    ),
                    _param(
                        "k", "query", "Paths wanted.", {"type": "integer", "minimum": 1, "maximum": 50, "default": defaults.K}, 3
                    ),
                    _param(
                        "max_hops",
                        "query",
                        "Most mechanistic hops.",
                        {"type": "integer", "minimum": 2, "maximum": 8, "default": defaults.MAX_HOPS},
                        6,
                    ),
                    _param(
                        "mode",
                        "query",
                        "causal: directed causal chains; exploratory: any edges, either way.",
                        {"type": "string", "enum": ["causal", "exploratory"], "default": defaults.MODE},
                        "causal",
                    ),
                ],
                "responses": {
                    "200": _json("The paths.", {"type": "object"}, {"therapy": "MSC", "disease": "SLE", "paths": ["…"]}),
                    "400": _JSON_ERROR,
                    "404": _JSON_ERROR | {"description": "Unknown or ambiguous name, with candidates."},
                },
            }
        },
        "/api/pair-paths": {
            "get": {
                "summary": "One therapy-disease pair's paths, as the explorer's paths panel shows them",
                "tags": ["api"],
                "operationId": "pairPaths",
                "description": "The entry the built page precomputes for the pair "
                "(same search settings: the build's pair table), searched now "
                "and cached. Ids only: those of the Therapy and Disease entities.",
                "parameters": [
                    _param("therapy", "query", "A Therapy's id.", {"type": "string"}, "MSC_THERAPY", True),
                    _param("disease", "query", "A Disease's id.", {"type": "string"}, "SLE", True),
                    _param(
                        "k",
                        "query",
                        "Paths wanted.",
                        {"type": "integer", "minimum": 1, "maximum": MAX_K, "default": defaults.TABLE_K},
                        5,
                    ),
                    _param(
                        "max_hops",
                        "query",
                        "Most mechanistic hops.",
                        {"type": "integer", "minimum": 2, "maximum": MAX_MAX_HOPS, "default": defaults.MAX_HOPS},
                        6,
                    ),
                ],
                "responses": {
                    "200": _json(
                        "The pair's paths, best first (maybe none).", {"$ref": "#/components/schemas/PairPaths"}, _PAIR_EXAMPLE
                    ),
                    "400": _JSON_ERROR | {"description": "A missing id, or k / max_hops out of range."},
                    "404": _json(
                        "An id the paths panel does not offer, named.",
                        {"$ref": "#/components/schemas/Error"},
                        {"error": "unknown therapy 'X': give the id of a therapy the paths panel lists", "therapy": "X"},
                    ),
                    "503": _JSON_ERROR | {"description": "The search ran past the server's time limit."},
                },
            }
        },
        "/static/{name}": {
            "get": {
                "summary": "The SPARQL editor's files",
                "tags": ["pages"],
                "operationId": "staticFile",
                "description": "The editor's script and style and the vendored YASGUI; no other file.",
                "parameters": [_param("name", "path", "A file name.", {"type": "string"}, "editor.js", True)],
                "responses": {
                    "200": {
                        "description": "The file.",
                        "content": {
                            "text/javascript": {"schema": {"type": "string"}},
                            "text/css": {"schema": {"type": "string"}},
                        },
                    },
                    "404": _TEXT_ERROR,
                },
            }
        },
        "/api": {
            "get": {
                "summary": "This description as a page",
                "tags": ["api"],
                "operationId": "apiPage",
                "responses": {"200": _html("The page.")},
            }
        },
        OPENAPI_URL: {
            "get": {
                "summary": "This description (OpenAPI 3.1)",
                "tags": ["api"],
                "operationId": "openapi",
                "responses": {"200": _json("The document.", {"type": "object"}, {"openapi": "3.1.0"})},
            }
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "MechKG server",
            "version": "1",
            "description": "`mechkg serve`: the explorer, a read-only SPARQL 1.1 endpoint and a JSON API over the MechKG graph. "
            "Every response carries security headers; the server answers only its allowed Host names and refuses "
            "cross-origin POSTs (see `mechkg serve --help`).",
        },
        "servers": [{"url": "/"}],
        "tags": [{"name": "pages"}, {"name": "sparql"}, {"name": "api"}],
        "paths": paths,
        "components": {
            "schemas": {
                "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
                "PathRecord": _PATH_RECORD,
                "PairPaths": {
                    "type": "object",
                    "required": ["therapy", "disease", "paths"],
                    "properties": {
                        "therapy": {"type": "string"},
                        "disease": {"type": "string"},
                        "paths": {"type": "array", "items": {"$ref": "#/components/schemas/PathRecord"}},
                    },
                },
            }
        },
    }


@cache
def api_html() -> str:
    """The document as a plain HTML page: each route, its parameters, its responses and examples."""
    doc = openapi_document()
    esc = html.escape
    parts = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(doc['info']['title'])}: HTTP API</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n",
        f'<header><h1>{esc(doc["info"]["title"])}: HTTP API</h1><nav><a href="/">Explorer</a> '
        f'<a href="/sparql">SPARQL editor</a> <a href="{OPENAPI_URL}">OpenAPI 3.1 document (JSON)</a></nav></header>\n<main>\n',
        f"<p>{esc(doc['info']['description'])}</p>\n",
    ]
    for path, operations in doc["paths"].items():
        for method, op in operations.items():
            parts.append(
                f'<section id="{esc(op["operationId"])}">\n'
                f"<h2><code>{method.upper()} {esc(path)}</code> {esc(op['summary'])}</h2>\n"
            )
            if op.get("description"):
                parts.append(f"<p>{esc(op['description'])}</p>\n")
            if op.get("parameters"):
                parts.append(
                    "<table><thead><tr><th>parameter</th><th>in</th><th>schema</th><th>meaning</th><th>example</th></tr></thead><tbody>\n"
                )
                for p in op["parameters"]:
                    required = " (required)" if p.get("required") else ""
                    parts.append(
                        f"<tr><td><code>{esc(p['name'])}</code>{required}</td><td>{esc(p['in'])}</td>"
                        f"<td><code>{esc(json.dumps(p['schema'], ensure_ascii=False))}</code></td>"
                        f"<td>{esc(p['description'])}</td>"
                        f"<td><code>{esc(str(p.get('example', '')))}</code></td></tr>\n"
                    )
                parts.append("</tbody></table>\n")
            if op.get("requestBody"):
                parts.append(f"<p>Request body: {esc(', '.join(op['requestBody']['content']))}</p>\n")
            parts.append("<dl>\n")
            for status, response in op["responses"].items():
                media = ", ".join(response.get("content", {}))
                parts.append(f'<dt>{esc(status)} <span class="media">{esc(media)}</span></dt><dd>{esc(response["description"])}')
                for content in response.get("content", {}).values():
                    if "example" in content:
                        example = content["example"]
                        text = example if isinstance(example, str) else json.dumps(example, ensure_ascii=False, indent=1)
                        parts.append(f"<pre>{esc(text)}</pre>")
                parts.append("</dd>\n")
            parts.append("</dl>\n</section>\n")
    parts.append("</main>\n</body>\n</html>\n")
    return "".join(parts)


API_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
"""The page's policy: no script at all, its one inline style."""

_STYLE = (
    "body{margin:0;font:15px/1.5 system-ui,sans-serif;color:#1d2430}header{padding:.6rem 1rem;background:#f7f8fa;"
    "border-bottom:1px solid #d9dde3}header h1{font-size:1.2rem;margin:0 0 .2rem}nav{display:flex;gap:1rem;flex-wrap:wrap}"
    "a{color:#1f5fa8}main{padding:0 1rem 2rem;max-width:70rem}section{border-top:1px solid #d9dde3;margin-top:1.2rem}"
    "h2{font-size:1.05rem}h2 code{background:#eef2f7;padding:.1rem .3rem}table{border-collapse:collapse;font-size:.9rem;"
    "display:block;overflow-x:auto}td,th{border:1px solid #d9dde3;padding:.2rem .4rem;text-align:left;vertical-align:top}"
    "dt{font-weight:600}.media{font-weight:400;color:#5b6470;font-size:.85rem}pre{background:#f3f4f6;padding:.4rem;"
    "overflow-x:auto;font-size:.85rem}"
)
