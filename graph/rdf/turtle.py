"""The Turtle writer: a graph as Turtle bytes that stay the same, and stay in place, from build to build.

rdflib's Turtle serializer orders subjects by how often they are referenced, so adding one
reference moves a whole block of the file; here subjects are in plain IRI order (blank nodes
last), so each subject is where a reader, and a diff, expects it. Predicates and objects are
already sorted by rdflib. The prefixes are MechKG's own (:data:`mechkg.terms.vocab.PREFIXES`).

>>> from rdflib import Graph, URIRef
>>> g = Graph()
>>> for s in ("b", "a"):
...     _ = g.add((URIRef(f"https://w3id.org/mechkg/entity/{s}"), URIRef("https://w3id.org/mechkg/vocab/uses"),
...                URIRef("https://w3id.org/mechkg/entity/c")))
>>> print(serialize_turtle(g).decode().split("\\n\\n", 1)[1].strip())
mke:a mk:uses mke:c .
<BLANKLINE>
mke:b mk:uses mke:c .
"""

from __future__ import annotations

import io
from typing import Any

from rdflib import BNode, Graph
from rdflib.plugins.serializers.turtle import TurtleSerializer

from mechkg.terms.vocab import PREFIXES

__all__ = ["serialize_turtle"]


class _SortedTurtle(TurtleSerializer):
    """rdflib's Turtle writer, with subjects in plain IRI order (blank nodes last)."""

    def orderSubjects(self) -> list[Any]:  # noqa: N802 - rdflib's hook name
        return sorted(self._subjects, key=lambda s: (isinstance(s, BNode), str(s)))


def serialize_turtle(rdf: Graph) -> bytes:
    """The whole graph as UTF-8 Turtle, subjects in IRI order, with MechKG's prefixes."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    graph += rdf
    stream = io.BytesIO()
    _SortedTurtle(graph).serialize(stream, encoding="utf-8")
    return stream.getvalue()
