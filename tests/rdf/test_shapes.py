"""The SHACL shapes (ontology/shapes.ttl) and their check, mechkg.rdf.shapes, with the real pySHACL.

* the shapes accept a small hand-written graph of the shape ``graph/rdf/triples.py`` writes (and the
  shipped graph), and each breaker of tests/rdf/shacl_cases.py makes them fail, in the shape it names;
* together the breakers violate every node shape of the file;
* ``shape_violations`` answers through its cache only for the very graph it validated.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import RDF, RDFS, SKOS, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH
from shacl_cases import BREAKERS, MK, NoVictim, broken_copy, sample_graph

from mechkg.rdf.shapes import shape_violations, shapes_graph
from mechkg.terms.ontology import ontology_graph
from mechkg.terms.vocab import MKE

SHAPES_NS = "https://w3id.org/mechkg/shapes/"


@pytest.fixture(autouse=True)
def own_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty SHACL result cache for each test: results are computed, and no user's cache is touched."""
    monkeypatch.setenv("MECHKG_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def node_shapes() -> set[str]:
    """The local names of the node shapes declared in ontology/shapes.ttl."""
    return {str(s).removeprefix(SHAPES_NS) for s in shapes_graph().subjects(RDF.type, SH.NodeShape)}


def owner(node: URIRef | BNode) -> str:
    """The named node shape that ``node`` (a property shape, a qualified shape, an sh:or member …) belongs to."""
    shapes = shapes_graph()
    seen: set[URIRef | BNode] = set()
    while not (isinstance(node, URIRef) and str(node).startswith(SHAPES_NS)):
        seen.add(node)
        parents = [s for s in shapes.subjects(None, node) if s not in seen]
        assert parents, f"no shape owns {node}"
        node = parents[0]
    return str(node).removeprefix(SHAPES_NS)


def violated_shapes(data: Graph) -> set[str]:
    """The named shapes with at least one sh:Violation in pySHACL's report on ``data``."""
    conforms, report, _ = validate(data + ontology_graph(), shacl_graph=shapes_graph(), advanced=True, allow_warnings=True)
    results = set(report.subjects(SH.resultSeverity, SH.Violation))
    assert conforms == (not results)
    return {owner(report.value(result, SH.sourceShape)) for result in results}


def test_shapes_parse() -> None:
    assert len(shapes_graph()) > 100
    assert node_shapes() >= {"EntityShape", "ClaimShape", "SourceShape", "EntityNode"}


def test_the_sample_conforms() -> None:
    assert shape_violations(sample_graph()) == []


def test_the_sample_conforms_with_the_ontology_inside() -> None:
    """graph/rdf/triples.py ships the ontology inside the built graph; that must not break the shapes."""
    data = sample_graph()
    data += ontology_graph()
    assert shape_violations(data) == []


def test_clinical_study_needs_no_xref() -> None:
    data = sample_graph()
    assert not list(data.objects(MKE.STUDY_2018, SKOS.exactMatch))
    assert not list(data.objects(MKE.STUDY_2018, MK.ungroundedReason))
    assert shape_violations(data) == []


def test_the_breakers_between_them_violate_every_shape() -> None:
    named = {name for shape, _, _ in BREAKERS.values() for name in re.findall(r"\w+", shape)}
    assert named == node_shapes()
    data = sample_graph()
    for name in BREAKERS:
        BREAKERS[name][2](data)
    assert violated_shapes(data) == node_shapes()


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(BREAKERS))
def test_each_breaker_violates_the_shape_it_names(name: str) -> None:
    data = broken_copy(sample_graph(), name)
    expected = set(re.findall(r"\w+", BREAKERS[name][0]))
    assert expected <= violated_shapes(data), name
    assert shape_violations(data), name


@pytest.mark.slow
def test_the_shipped_graph_breaks_in_every_shape(packaged_built) -> None:
    """That the shipped graph conforms is tested in tests/test_curation.py; here every shape bites on it (one run)."""
    broken = Graph()
    broken += packaged_built.rdf
    for name in BREAKERS:
        BREAKERS[name][2](broken)
    broken.remove((MKE.SLE, None, Literal("系統性紅斑狼瘡", lang="zh-Hant")))
    conforms, report, _ = validate(broken + ontology_graph(), shacl_graph=shapes_graph(), advanced=True, allow_warnings=True)
    results = set(report.subjects(SH.resultSeverity, SH.Violation))
    assert not conforms and {owner(report.value(r, SH.sourceShape)) for r in results} == node_shapes()
    sle_label = [r for r in results if report.value(r, SH.focusNode) == MKE.SLE and report.value(r, SH.resultPath) == RDFS.label]
    assert sle_label, "the zh-Hant label of SLE removed, and no violation says so"


def test_the_lines_name_the_focus_node_the_path_and_the_message() -> None:
    (line,) = shape_violations(broken_copy(sample_graph(), "therapy of unknown kind"))
    assert line.startswith(
        'mke:UC_MSC_THERAPY mk:therapyKind: Value Literal("magic") not in list ['
    )  # then the list, in set order
    flagged = shape_violations(broken_copy(sample_graph(), "flagged claim with confidence 0.9"))
    assert flagged == ["mk:Claim : a flagged claim must have confidence <= 0.5"]


# ---------------------------------------------------------------- the cache, seen from shape_violations


def test_a_remembered_conforms_is_not_returned_for_a_changed_graph(own_cache_dir: Path) -> None:
    data = sample_graph()
    assert shape_violations(data) == []
    assert len(list((own_cache_dir / "shacl").glob("*.json"))) == 1
    changed = broken_copy(data, "claim evidence level hearsay")
    assert shape_violations(changed) != []
    assert len(list((own_cache_dir / "shacl").glob("*.json"))) == 2
    data.remove((MKE.SLE, SKOS.definition, None))  # one triple fewer, still conforming: validated again
    assert shape_violations(data) == []
    assert len(list((own_cache_dir / "shacl").glob("*.json"))) == 3


def test_the_same_graph_is_answered_from_the_cache(own_cache_dir: Path) -> None:
    """Proof that the remembered file is what answers: replace its content, and that content comes back."""
    data = sample_graph()
    assert shape_violations(data) == []
    (entry,) = (own_cache_dir / "shacl").glob("*.json")
    key = entry.stem
    entry.write_text(f'{{"key": "{key}", "violations": ["remembered"]}}', encoding="utf-8")
    reordered = Graph()
    for triple in sorted(data, reverse=True):
        reordered.add(triple)
    assert shape_violations(reordered) == ["remembered"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{",
        b"\xff\xfe not utf-8",
        b"[]",
        b'{"key": "another", "violations": []}',
        b'{"key": "KEY", "violations": [1]}',
        b'{"key": "KEY"}',
        b'{"key": "KEY", "violations": "[]"}',
    ],
    ids=["empty", "truncated", "binary", "a list", "another key", "not strings", "no violations", "a string"],
)
def test_a_corrupt_cache_file_is_ignored_and_replaced(own_cache_dir: Path, content: bytes) -> None:
    data = broken_copy(sample_graph(), "flag of unknown kind")
    expected = shape_violations(data)
    assert expected
    (entry,) = (own_cache_dir / "shacl").glob("*.json")
    entry.write_bytes(content.replace(b"KEY", entry.stem.encode()))
    assert shape_violations(data) == expected
    assert entry.read_bytes() != content.replace(b"KEY", entry.stem.encode())


def test_an_unusable_cache_folder_only_costs_the_cache(own_cache_dir: Path) -> None:
    own_cache_dir.parent.mkdir(parents=True, exist_ok=True)
    own_cache_dir.write_text("a file where the cache folder should be", encoding="utf-8")
    assert shape_violations(sample_graph()) == []
    assert shape_violations(broken_copy(sample_graph(), "flag without note")) != []


def test_no_victim_is_reported_as_such() -> None:
    with pytest.raises(NoVictim):
        broken_copy(Graph(), "claim without quote")
