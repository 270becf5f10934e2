"""MechKG in the formats other tools read: RDF, JSON-LD, KGX, GraphML, Cytoscape.js, Neo4j, paths.

One module per format, one function each; each returns bytes (or, for formats of several files, a mapping of
file name to bytes) that are byte-identical for the same graph, so exports diff cleanly and a
rebuild that changes nothing changes no file.

- ``turtle`` and ``ntriples`` (:mod:`mechkg.export.turtle`): the whole RDF graph (ontology,
  entities, claim nodes, studies). Turtle lists subjects in IRI order; N-Triples is one sorted
  line per triple.
- ``jsonld`` (:mod:`mechkg.export.jsonld`): the same graph compacted with the published context
  ``ontology/context.jsonld`` (inlined, so the file expands offline), nodes sorted by ``@id``.
- ``kgx`` (:mod:`mechkg.export.kgx`): Biolink-aligned KGX TSV (``mechkg_kgx_nodes.tsv`` /
  ``mechkg_kgx_edges.tsv``) and the JSON-LD context of their CURIE prefixes
  (``mechkg_kgx_context.jsonld``).
- ``graphml`` and ``cytoscape`` (:mod:`mechkg.export.flat`): the network of
  :func:`mechkg.network.build.to_networkx`, one edge per (subject, predicate, object), with
  scalar attributes only (lists joined with ``|``).
- ``neo4j`` (:mod:`mechkg.export.neo4j`): CSV files for ``neo4j-admin database import full``.
- ``paths`` (:mod:`mechkg.export.drugmechdb`): the precomputed therapy → disease mechanism
  paths as DrugMechDB-style JSON path records (``mechkg_paths.json``).

>>> from mechkg.network.built import build_graphs
>>> from mechkg.resources import default_curation_dir
>>> built = build_graphs(default_curation_dir(), check_shapes=False)
>>> sorted(export(built, "kgx"))
['mechkg_kgx_context.jsonld', 'mechkg_kgx_edges.tsv', 'mechkg_kgx_nodes.tsv']
>>> export(built, "ntriples")["mechkg.nt"].count(b"\\n") == len(built.rdf)
True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from mechkg.export.drugmechdb import PATHS_FILE, to_paths
from mechkg.export.flat import to_cytoscape, to_graphml
from mechkg.export.jsonld import to_jsonld
from mechkg.export.kgx import to_kgx
from mechkg.export.neo4j import to_neo4j
from mechkg.export.turtle import to_ntriples, to_turtle
from mechkg.paths.table import PairPaths

if TYPE_CHECKING:
    from mechkg.network.built import Built

__all__ = ["FORMATS", "Table", "export", "export_all"]


Table = Sequence[PairPaths] | None
"""The build's all-pairs path table, when it has made one (:func:`mechkg.paths.table.pair_table`)."""

Maker = Callable[["Built", Table], dict[str, bytes]]
"""A format: a :class:`mechkg.network.built.Built` and the path table -> {file name: bytes}."""

FORMATS: dict[str, Maker] = {
    "turtle": lambda built, table: {"mechkg.ttl": to_turtle(built.rdf)},
    "ntriples": lambda built, table: {"mechkg.nt": to_ntriples(built.rdf)},
    "jsonld": lambda built, table: {"mechkg.jsonld": to_jsonld(built.rdf)},
    "kgx": lambda built, table: to_kgx(built.network),
    "graphml": lambda built, table: {"mechkg.graphml": to_graphml(built.network)},
    "cytoscape": lambda built, table: {"mechkg.cyjs": to_cytoscape(built.network)},
    "neo4j": lambda built, table: to_neo4j(built.network),
    "paths": lambda built, table: {PATHS_FILE: to_paths(built.network, table)},
}
"""Format name -> function of a :class:`mechkg.network.built.Built` (and the path table) giving {file name: bytes}."""


def export(built: Built, fmt: str, *, table: Table = None) -> dict[str, bytes]:
    """The files of one format, as {file name: content}; ``fmt`` is a key of :data:`FORMATS`.

    ``table`` is the build's path table; the paths export makes its own when it is not given.
    """
    try:
        function = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}") from None
    return function(built, table)


def export_all(built: Built, *, table: Table = None) -> dict[str, bytes]:
    """The files of every format, as {file name: content} (what ``mechkg build`` writes)."""
    files: dict[str, bytes] = {}
    for fmt in FORMATS:
        files.update(export(built, fmt, table=table))
    return files
