"""The RDF graph as Turtle and as N-Triples (Turtle's one-triple-per-line subset), byte-stable.

Both hold the whole graph: ontology, entities, claim nodes, sources and studies. The graph has no
blank nodes, so the same graph always gives the same bytes.
"""

from __future__ import annotations

from rdflib import Graph

from mechkg.rdf.turtle import serialize_turtle

__all__ = ["to_ntriples", "to_turtle"]

to_turtle = serialize_turtle
"""The whole graph as Turtle, subjects in IRI order (see :func:`mechkg.rdf.turtle.serialize_turtle`)."""


def to_ntriples(rdf: Graph) -> bytes:
    """The whole graph as N-Triples, one line per triple, lines sorted (byte order)."""
    text = rdf.serialize(format="nt", encoding="utf-8")
    lines = sorted({line for line in text.split(b"\n") if line.strip()})
    return b"\n".join(lines) + b"\n"
