"""Which SPARQL store a command runs on, as a :class:`~mechkg.query.stores.StoreSpec` worker processes can open.

``mechkg sparql`` and ``mechkg serve`` both choose here: an endpoint URL or a persistent Oxigraph
folder is used as it is; an in-memory store (rdflib or Oxigraph) is given the curation's graph as
an N-Triples file, written only then, so a command naming an endpoint never builds the graph.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from mechkg.query.store_lock import store_lock
from mechkg.query.stores import StoreSpec, parse_store_spec

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["reading_store", "store_spec_for"]


@contextlib.contextmanager
def reading_store(spec: str | None) -> Iterator[None]:
    """Hold a persistent store's shared lock while it is read (:mod:`mechkg.query.store_lock`).

    A ``mechkg load`` into the same store is refused meanwhile, and a store being loaded is not
    read. Other stores (in memory, an endpoint) need no lock.
    """
    engine, location = parse_store_spec(spec)
    if engine == "oxigraph" and location:
        with store_lock(Path(location), shared=True):
            yield
    else:
        yield


def _ntriples(graph: Graph | bytes | Callable[[], bytes]) -> bytes:
    if isinstance(graph, bytes):
        return graph
    if hasattr(graph, "serialize"):
        return graph.serialize(format="nt", encoding="utf-8")
    return graph()


def store_spec_for(spec: str | None, graph: Graph | bytes | Callable[[], bytes], workdir: Path) -> StoreSpec:
    """The store ``spec`` names (see :func:`mechkg.query.stores.parse_store_spec`); in-memory ones hold ``graph``.

    ``graph`` is an rdflib graph, its N-Triples, or a function returning them that is called only
    when an in-memory store needs them; they are written to ``workdir/mechkg.nt``.
    """
    engine, location = parse_store_spec(spec)
    if engine == "endpoint":
        return StoreSpec("endpoint", url=location)
    if engine == "oxigraph" and location:
        return StoreSpec("oxigraph", path=Path(location))
    data = Path(workdir) / "mechkg.nt"
    data.write_bytes(_ntriples(graph))
    return StoreSpec(engine, data=data)
