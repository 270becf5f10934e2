"""A remote store: any SPARQL 1.1 Protocol endpoint (Oxigraph server, Virtuoso, QLever, GraphDB, ``mechkg serve`` …).

The project prefixes are sent as PREFIX declarations; bound variables as a trailing ``VALUES``
block whose terms rdflib serialises (it refuses IRIs with characters that would break out).
SELECT and ASK answers are asked for as SPARQL results JSON, CONSTRUCT and DESCRIBE as N-Triples.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request

from rdflib.term import Identifier

from mechkg.query.convert import from_json_term
from mechkg.query.results import QueryResult, result_graph
from mechkg.query.sparql import CheckedQuery, ResultTooLarge, SparqlError, prefix_block
from mechkg.query.store import SparqlStore, cap_rows, cap_triples

__all__ = ["EndpointStore"]


class EndpointStore(SparqlStore):
    """The SPARQL 1.1 Protocol endpoint at ``url``, asked by POST with a ``timeout`` in seconds."""

    name = "endpoint"

    def __init__(self, url: str, *, timeout: float = 60.0) -> None:
        if not re.match(r"https?://", url):
            raise SparqlError(f"an endpoint is an http(s) URL, not {url!r}")
        self.url = url
        self.timeout = timeout

    def _post(self, text: str, accept: str, max_bytes: int | None = None) -> bytes:
        """The body of the endpoint's answer to ``text``; an HTTP error or no answer is a SparqlError."""
        request = urllib.request.Request(  # noqa: S310 - the scheme is checked to be http(s) above
            self.url,
            data=text.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query; charset=utf-8", "Accept": accept},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                body = response.read() if max_bytes is None else response.read(max_bytes + 1)
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace").strip()[:500]
            raise SparqlError(f"endpoint {self.url} answered {error.code}: {detail}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise SparqlError(f"cannot reach endpoint {self.url}: {error}") from None
        if max_bytes is not None and len(body) > max_bytes:
            raise ResultTooLarge(f"the answer is larger than the limit of {max_bytes:,} bytes; add a LIMIT or ask for less")
        return body

    def _run(
        self, query: CheckedQuery, bindings: dict[str, Identifier], max_results: int | None, max_bytes: int | None = None
    ) -> QueryResult:
        text = prefix_block() + query.text
        if bindings:
            names = sorted(bindings)
            values = " ".join(bindings[n].n3() for n in names)
            text += f"\nVALUES ({' '.join('?' + n for n in names)}) {{ ({values}) }}\n"
        if query.returns_graph:
            graph = result_graph()
            graph.parse(data=self._post(text, "application/n-triples", max_bytes).decode("utf-8"), format="nt")
            return QueryResult(query.kind, graph=cap_triples(graph, max_results, None))
        body = self._post(text, "application/sparql-results+json", max_bytes)
        try:
            data = json.loads(body)
            if query.kind == "ASK":
                return QueryResult("ASK", boolean=bool(data["boolean"]))
            names = tuple(data["head"]["vars"])
            bindings = data["results"]["bindings"]
        except (ValueError, KeyError, TypeError) as error:
            raise SparqlError(f"endpoint {self.url} did not answer SPARQL results JSON ({error!r}): {body[:200]!r}") from None
        terms = (tuple(from_json_term(b[v]) if v in b else None for v in names) for b in bindings)
        rows = cap_rows(terms, max_results, max_bytes)
        return QueryResult("SELECT", vars=names, rows=rows)
