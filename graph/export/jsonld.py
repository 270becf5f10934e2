"""The RDF graph as compacted JSON-LD with MechKG's published context inlined, nodes sorted by ``@id``.

The document is what rdflib (graph -> expanded JSON-LD) and pyld (compaction by the JSON-LD 1.1
algorithm) make of the graph, with every array and object sorted so the bytes are stable; it
expands (pyld, rdflib) to a graph isomorphic to the Turtle export. :func:`to_jsonld` makes that
document with :class:`mechkg.export.compaction.Compactor`, which gives pyld's answer about fifty
times faster, and with pyld itself (:func:`pyld_nodes`) for a graph the compactor refuses.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from rdflib import Graph

from mechkg.export.compaction import Compactor, Unsupported
from mechkg.export.jsontext import dumps
from mechkg.resources import ontology_dir

__all__ = ["jsonld_context", "pyld_nodes", "to_jsonld"]


@cache
def jsonld_context() -> dict[str, Any]:
    """The published JSON-LD context of MechKG (``ontology/context.jsonld``), its ``@context`` object."""
    data = json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))
    return data["@context"]


@cache
def _compactor() -> Compactor:
    return Compactor(jsonld_context())


def _canonical(value: Any) -> Any:
    """Sort every JSON array (RDF values are sets; the export uses no ``@list``) and object."""
    if isinstance(value, dict):
        return {key: _canonical(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        items = [_canonical(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return value


def pyld_nodes(rdf: Graph) -> list[dict[str, Any]]:
    """The graph's node objects as rdflib expands and pyld compacts them, sorted: the reference for :func:`to_jsonld`."""
    from pyld import jsonld

    # rdflib writes the expanded form quickly (pyld's own from_rdf takes ~15 s on 12k triples);
    # pyld then does the compaction, by the JSON-LD 1.1 algorithm.
    expanded = json.loads(rdf.serialize(format="json-ld", encoding="utf-8"))
    compacted = jsonld.compact(expanded, {"@context": jsonld_context()}, {"graph": True, "skipExpansion": True})
    return sorted((_canonical(n) for n in compacted.get("@graph", [])), key=lambda n: n["@id"])


def to_jsonld(rdf: Graph) -> bytes:
    """The whole graph as compacted JSON-LD with MechKG's context inlined, nodes sorted by ``@id``."""
    try:
        nodes = _compactor().nodes(rdf)
    except Unsupported:
        nodes = pyld_nodes(rdf)
    return dumps({"@context": jsonld_context(), "@graph": nodes})
