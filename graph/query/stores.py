"""Where SPARQL runs: rdflib in memory, embedded Oxigraph (memory or disk), or a remote endpoint.

:func:`open_store` is the one place that decides the store from a spec string; everything else
calls ``store.query`` through :func:`mechkg.query.named.run_query` and does not care which it got.

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

import io
import json
import re
import unicodedata
import urllib.error
import urllib.request
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Identifier

from mechkg.errors import UnknownEntity
from mechkg.query.sparql import CheckedQuery, QueryResult, ResultTooLarge, SparqlError, check_query, prefix_block
from mechkg.terms.vocab import MKE, PREFIXES

__all__ = [
    "DEFAULT_ENGINE",
    "EndpointStore",
    "LoadReport",
    "OxigraphStore",
    "RdflibStore",
    "SparqlStore",
    "StoreSpec",
    "from_ox",
    "load_oxigraph",
    "open_store",
    "parse_store_spec",
    "rdf_format",
    "to_ox",
]

DEFAULT_ENGINE = "oxigraph"
"""The engine of the default store; see the module docstring for the measurements behind it."""

_LABELS = (
    "SELECT ?e ?l WHERE { { ?e rdfs:label ?l } UNION { ?e skos:altLabel ?l } "
    'FILTER(STRSTARTS(STR(?e), "https://w3id.org/mechkg/entity/")) }'
)


def _key(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip().casefold()


class SparqlStore(ABC):
    """A read-only SPARQL store. Subclasses implement :meth:`_run`; :meth:`query` checks first."""

    name: str = "store"

    def query(
        self,
        text: str,
        *,
        bindings: Mapping[str, Identifier] | None = None,
        max_results: int | None = None,
    ) -> QueryResult:
        """Check ``text`` (:func:`mechkg.query.sparql.check_query`), then run it with ``bindings``."""
        checked = check_query(text)
        return self._run(checked, dict(bindings or {}), max_results)

    @abstractmethod
    def _run(self, query: CheckedQuery, bindings: dict[str, Identifier], max_results: int | None) -> QueryResult: ...

    def resolve_entity(self, name: str) -> URIRef:
        """The IRI of the one entity ``name`` names: an id, ``mke:ID``, an IRI, or a label/synonym.

        Matching is case-insensitive after NFKC normalisation, as :func:`mechkg.network.names.resolve_name`.
        Raises :class:`~mechkg.errors.UnknownEntity` (with candidates) when none or several match.
        """
        text = name.strip()
        if text.startswith("<") and text.endswith(">"):
            candidate = URIRef(text[1:-1])
        elif text.startswith("mke:"):
            candidate = MKE[text[4:]]
        elif re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", text):
            candidate = MKE[text]
        else:
            candidate = None
        if candidate is not None and self.query("ASK { ?e a ?type }", bindings={"e": candidate}).boolean:
            return candidate
        index = self._label_index()
        found = sorted(index.get(_key(text), set()))
        if len(found) == 1:
            return URIRef(found[0])
        short = [iri.removeprefix(str(MKE)) for iri in found]
        if found:
            raise UnknownEntity(name, short, ambiguous=True)
        import difflib

        close = difflib.get_close_matches(_key(text), list(index), n=6, cutoff=0.6)
        candidates = sorted({iri.removeprefix(str(MKE)) for k in close for iri in index[k]})
        raise UnknownEntity(name, candidates)

    def _label_index(self) -> dict[str, set[str]]:
        # read-only stores: the index is built once per store object
        cached: dict[str, set[str]] | None = getattr(self, "_labels", None)
        if cached is not None:
            return cached
        index: dict[str, set[str]] = {}
        for entity, label in self.query(_LABELS).rows:
            assert entity is not None and label is not None
            index.setdefault(_key(str(label)), set()).add(str(entity))
            index.setdefault(_key(str(entity).removeprefix(str(MKE))), set()).add(str(entity))
        self._labels = index
        return index

    def close(self) -> None:  # noqa: B027 - most stores have nothing to release
        """Release the store's resources."""


def _capped(rows: Iterable[tuple[Identifier | None, ...]], max_results: int | None) -> tuple[tuple[Identifier | None, ...], ...]:
    out = []
    for row in rows:
        out.append(row)
        if max_results is not None and len(out) > max_results:
            raise ResultTooLarge(f"the query has more than {max_results} results; add a LIMIT or narrow it down")
    return tuple(out)


# ---------------------------------------------------------------------------------- rdflib


@lru_cache(maxsize=512)
def _prepared(text: str) -> Query:
    return translateQuery(parseQuery(text), initNs=PREFIXES)


class RdflibStore(SparqlStore):
    """An rdflib graph in memory: what the pipeline builds; pure Python, slow on big graphs."""

    name = "rdflib"

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def _run(self, query: CheckedQuery, bindings: dict[str, Identifier], max_results: int | None) -> QueryResult:
        result = self.graph.query(_prepared(query.text), initBindings=bindings)
        if query.kind == "ASK":
            return QueryResult("ASK", boolean=bool(result.askAnswer))
        if query.returns_graph:
            graph = Graph(bind_namespaces="none")
            for prefix, iri in PREFIXES.items():
                graph.bind(prefix, iri)
            for triple in result:
                graph.add(triple)  # type: ignore[arg-type]
            return QueryResult(query.kind, graph=graph)
        names = tuple(str(v) for v in result.vars or ())
        rows = _capped((tuple(row) for row in result), max_results)  # type: ignore[arg-type]
        return QueryResult("SELECT", vars=names, rows=rows)


# ---------------------------------------------------------------------------------- Oxigraph


def to_ox(term: Identifier) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise SparqlError(f"cannot bind {term!r}")


def _literal(lexical: str, datatype: str | None) -> Literal:
    """A typed literal as rdflib would make it from Python: plain for xsd:string, decimals as rdflib writes them."""
    if not datatype or datatype == str(XSD.string):
        return Literal(lexical)
    if datatype == str(XSD.decimal):
        try:
            return Literal(Decimal(lexical), datatype=XSD.decimal)
        except InvalidOperation:
            pass
    return Literal(lexical, datatype=URIRef(datatype))


def _bcp47_case(tag: str) -> str:
    """Conventional case of a language tag (Oxigraph lower-cases them): ``zh-hant`` -> ``zh-Hant``."""
    parts = tag.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) == 2 and part.isalpha():
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


def from_ox(term: Any) -> Identifier | None:
    """A pyoxigraph term as an rdflib term (``xsd:string`` literals become plain literals)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=_bcp47_case(term.language))
        return _literal(term.value, term.datatype.value)
    raise SparqlError(f"unsupported term in a result: {term!r}")


class OxigraphStore(SparqlStore):
    """A pyoxigraph store, in memory or persistent on disk (a RocksDB folder)."""

    name = "oxigraph"

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    @classmethod
    def from_graph(cls, graph: Graph) -> OxigraphStore:
        """An in-memory store holding the triples of an rdflib graph."""
        store = ox.Store()
        store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
        return cls(store)

    @classmethod
    def from_file(cls, path: Path) -> OxigraphStore:
        """An in-memory store holding an RDF file (format from its extension)."""
        store = ox.Store()
        store.load(path=str(path), format=_rdf_format(path))
        return cls(store)

    @classmethod
    def open(cls, path: Path, *, read_only: bool = True) -> OxigraphStore:
        """A persistent store; read-only by default, so that other processes may read it too."""
        if read_only:
            if not Path(path).is_dir():
                raise SparqlError(f"no Oxigraph store at {path}; fill one with `mechkg load --store oxigraph:{path}`")
            return cls(ox.Store.read_only(str(path)))
        return cls(ox.Store(str(path)))

    def _run(self, query: CheckedQuery, bindings: dict[str, Identifier], max_results: int | None) -> QueryResult:
        substitutions = {ox.Variable(k): to_ox(v) for k, v in bindings.items()}
        try:
            result = self.store.query(query.text, prefixes=PREFIXES, substitutions=substitutions or None)
        except SyntaxError as error:
            raise SparqlError(f"Oxigraph refused the query: {error}") from None
        except RuntimeError as error:
            # Oxigraph substitutes (SEP-0007) only variables that a SELECT projects.
            raise SparqlError(f"Oxigraph cannot run the query with these bindings: {error}") from None
        if query.kind == "ASK":
            return QueryResult("ASK", boolean=bool(result))
        if query.returns_graph:
            graph = Graph(bind_namespaces="none")
            for prefix, iri in PREFIXES.items():
                graph.bind(prefix, iri)
            for triple in result:
                graph.add((from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)))  # type: ignore[arg-type]
            return QueryResult(query.kind, graph=graph)
        names = tuple(v.value for v in result.variables)
        rows = _capped((tuple(from_ox(solution[i]) for i in range(len(names))) for solution in result), max_results)
        return QueryResult("SELECT", vars=names, rows=rows)


def _rdf_format(path: Path) -> ox.RdfFormat:
    suffix = Path(path).suffix.lstrip(".").lower()
    fmt = ox.RdfFormat.from_extension(suffix)
    if fmt is None:
        raise SparqlError(f"cannot tell the RDF format of {path} from its extension (.ttl, .nt, .nq, .trig, .rdf, .jsonld)")
    return fmt


# ---------------------------------------------------------------------------------- endpoint


def _parse_json_term(value: dict[str, str]) -> Identifier:
    kind = value["type"]
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    lang = value.get("xml:lang")
    datatype = value.get("datatype")
    if lang:
        return Literal(value["value"], lang=lang)
    return _literal(value["value"], datatype)


class EndpointStore(SparqlStore):
    """Any SPARQL 1.1 Protocol endpoint (Oxigraph server, Virtuoso, QLever, GraphDB, ``mechkg serve`` …).

    The project prefixes are sent as PREFIX declarations; bound variables as a trailing ``VALUES``
    block whose terms rdflib serialises (it refuses IRIs with characters that would break out).
    """

    name = "endpoint"

    def __init__(self, url: str, *, timeout: float = 60.0) -> None:
        if not re.match(r"https?://", url):
            raise SparqlError(f"an endpoint is an http(s) URL, not {url!r}")
        self.url = url
        self.timeout = timeout

    def _post(self, text: str, accept: str) -> bytes:
        request = urllib.request.Request(  # noqa: S310 - the scheme is checked to be http(s) above
            self.url,
            data=text.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query; charset=utf-8", "Accept": accept},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                return response.read()
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace").strip()[:500]
            raise SparqlError(f"endpoint {self.url} answered {error.code}: {detail}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise SparqlError(f"cannot reach endpoint {self.url}: {error}") from None

    def _run(self, query: CheckedQuery, bindings: dict[str, Identifier], max_results: int | None) -> QueryResult:
        text = prefix_block() + query.text
        if bindings:
            names = sorted(bindings)
            values = " ".join(bindings[n].n3() for n in names)
            text += f"\nVALUES ({' '.join('?' + n for n in names)}) {{ ({values}) }}\n"
        if query.returns_graph:
            body = self._post(text, "application/n-triples")
            graph = Graph(bind_namespaces="none")
            for prefix, iri in PREFIXES.items():
                graph.bind(prefix, iri)
            graph.parse(data=body.decode("utf-8"), format="nt")
            return QueryResult(query.kind, graph=graph)
        data = json.loads(self._post(text, "application/sparql-results+json"))
        if query.kind == "ASK":
            return QueryResult("ASK", boolean=bool(data["boolean"]))
        names = tuple(data["head"]["vars"])
        rows = _capped(
            (tuple(_parse_json_term(b[v]) if v in b else None for v in names) for b in data["results"]["bindings"]),
            max_results,
        )
        return QueryResult("SELECT", vars=names, rows=rows)


# ---------------------------------------------------------------------------------- choosing


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


# ---------------------------------------------------------------------------------- loading


class _CountingReader(io.RawIOBase):
    """A binary reader that counts the bytes read, for progress bars."""

    def __init__(self, handle: BinaryIO, on_read: Callable[[int], None]) -> None:
        self._handle = handle
        self._on_read = on_read

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._handle.read(len(buffer))
        buffer[: len(data)] = data
        if data:
            self._on_read(len(data))
        return len(data)


@dataclass(frozen=True)
class LoadReport:
    """What :func:`load_oxigraph` added: triples (quads), bytes read and seconds taken."""

    triples: int
    bytes: int
    seconds: float

    @property
    def triples_per_second(self) -> float:
        """Throughput in triples per second."""
        return self.triples / self.seconds if self.seconds else float("inf")


def load_oxigraph(
    path: Path,
    inputs: Iterable[tuple[BinaryIO, ox.RdfFormat]],
    *,
    clear: bool = False,
    on_read: Callable[[int], None] | None = None,
    batch: int = 200_000,
) -> LoadReport:
    """Stream RDF from ``inputs`` into the persistent Oxigraph store at ``path`` (created if needed).

    Quads are parsed by pyoxigraph's streaming parser and written in batches with
    ``bulk_extend``, so memory stays flat however large the input; ``on_read(n)`` is called with
    the number of bytes read, for a progress bar.
    """
    import time

    started = time.perf_counter()
    store = ox.Store(str(path))
    if clear:
        store.clear()
    total_bytes = 0
    count = 0

    def counted(n: int) -> None:
        nonlocal total_bytes
        total_bytes += n
        if on_read is not None:
            on_read(n)

    for handle, fmt in inputs:
        pending: list[ox.Quad] = []
        for quad in ox.parse(input=_CountingReader(handle, counted), format=fmt):
            pending.append(quad)
            if len(pending) >= batch:
                store.bulk_extend(pending)
                count += len(pending)
                pending = []
        if pending:
            store.bulk_extend(pending)
            count += len(pending)
    store.flush()
    store.optimize()
    del store
    return LoadReport(triples=count, bytes=total_bytes, seconds=time.perf_counter() - started)


def rdf_format(path: Path) -> ox.RdfFormat:
    """The RDF format of a file, from its extension (.ttl, .nt, .nq, .trig, .rdf, .jsonld …)."""
    return _rdf_format(path)
