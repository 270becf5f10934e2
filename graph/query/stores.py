"""Choosing where SPARQL runs: rdflib in memory, embedded Oxigraph (memory or disk), or a remote endpoint.

:func:`open_store` is the one place that decides the store from a spec string, and
:class:`StoreSpec` the picklable form that worker processes open; everything else calls
``store.query`` through :func:`mechkg.query.named.run_query` and does not care which it got.
The stores themselves are :class:`~mechkg.query.rdflib_store.RdflibStore`,
:class:`~mechkg.query.oxigraph_store.OxigraphStore` and :class:`~mechkg.query.endpoint.EndpointStore`.

Specs:
``None`` / ``"default"`` the curation, in :data:`DEFAULT_ENGINE`; ``"rdflib"`` or ``"oxigraph"``
the curation in that engine, in memory; ``"oxigraph:PATH"`` a persistent Oxigraph store
(filled by ``mechkg load``, opened read-only so that a running server does not lock us out);
``"http(s)://…"`` any SPARQL 1.1 Protocol endpoint.

Why the default is embedded Oxigraph (in memory, loaded from the curation's RDF): measured with
``benchmarks/bench_stores.py`` on this 2-core machine (one run; benchmarks/RESULTS.md):

* article graph (12.6k triples): every named query answers in under 10 ms p50 on Oxigraph
  (max 9 ms, FILTER NOT EXISTS in animal-only-claims); on rdflib 7 of 18 take 20-520 ms
  (property paths, OPTIONAL and UNION joins: exosome-cargo 524 ms, shared-mediators 362 ms).
* synthetic 10^5 triples: load 0.53 s vs 10.7 s (20x); 30 vs 116 MB; most queries 15-4000x faster.
* synthetic 10^6 triples: load 2.1 s vs 33.7 s (16x); 283 vs 1142 MB RSS; the queries rdflib
  finishes are 6-7800x faster, except two point look-ups where both take < 1 ms and
  entity-claims (a UNION on a bound entity: 5 ms on rdflib, 294 ms on Oxigraph).

Building the Oxigraph copy costs one N-Triples serialisation of the rdflib graph (about 0.2 s
for the article). rdflib stays available (``--store rdflib``) and is what the pipeline builds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from mechkg.query.endpoint import EndpointStore
from mechkg.query.oxigraph_store import OxigraphStore
from mechkg.query.rdflib_store import RdflibStore
from mechkg.query.sparql import SparqlError
from mechkg.query.store import SparqlStore

__all__ = [
    "DEFAULT_ENGINE",
    "StoreSpec",
    "open_store",
    "parse_store_spec",
]

DEFAULT_ENGINE = "oxigraph"
"""The engine of the default store; see the module docstring for the measurements behind it."""


@dataclass(frozen=True)
class StoreSpec:
    """A picklable description of a store, so that worker processes can open the same one.

    ``engine`` is rdflib, oxigraph or endpoint; ``data`` an RDF file to load into memory;
    ``path`` a persistent Oxigraph folder; ``url`` an endpoint.
    """

    engine: str
    data: Path | None = None
    path: Path | None = None
    url: str | None = None

    def open(self) -> SparqlStore:
        """Open the store this spec describes."""
        if self.engine == "endpoint":
            assert self.url is not None
            return EndpointStore(self.url)
        if self.path is not None:
            return OxigraphStore.open(self.path)
        assert self.data is not None
        if self.engine == "rdflib":
            graph = Graph()
            graph.parse(self.data, format="nt" if self.data.suffix == ".nt" else None)
            return RdflibStore(graph)
        return OxigraphStore.from_file(self.data)


def parse_store_spec(spec: str | None) -> tuple[str, str | None]:
    """Split a store spec into (engine, location); see the module docstring for the forms.

    >>> parse_store_spec(None), parse_store_spec("oxigraph:/data/kg"), parse_store_spec("http://localhost:7878/query")
    (('oxigraph', None), ('oxigraph', '/data/kg'), ('endpoint', 'http://localhost:7878/query'))
    """
    if spec in (None, "", "default"):
        return DEFAULT_ENGINE, None
    assert spec is not None
    if re.match(r"https?://", spec):
        return "endpoint", spec
    engine, _, location = spec.partition(":")
    if engine not in ("rdflib", "oxigraph"):
        raise SparqlError(f"unknown store {spec!r}: use rdflib, oxigraph, oxigraph:PATH or an http(s) endpoint URL")
    if engine == "rdflib" and location:
        raise SparqlError("the rdflib store lives in memory; for a persistent store use oxigraph:PATH")
    return engine, (location or None) if location != "memory" else None


def open_store(
    spec: str | None = None,
    *,
    graph: Graph | Callable[[], Graph] | None = None,
) -> SparqlStore:
    """The store ``spec`` names; an in-memory store holds ``graph`` (or what calling it returns).

    ``graph`` may be a function, so that a command naming an endpoint or a persistent store
    never builds the curation's graph. This is the one code path that decides which store a
    command uses.
    """
    engine, location = parse_store_spec(spec)
    if engine == "endpoint":
        assert location is not None
        return EndpointStore(location)
    if engine == "oxigraph" and location:
        return OxigraphStore.open(Path(location))
    if graph is None:
        raise ValueError(f"an in-memory {engine} store needs the graph to hold")
    rdf = graph if isinstance(graph, Graph) else graph()
    if engine == "rdflib":
        return RdflibStore(rdf)
    return OxigraphStore.from_graph(rdf)
