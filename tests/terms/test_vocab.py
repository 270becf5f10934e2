"""The closed vocabulary ``MK``: every term it names is defined in ``ontology/mechkg.ttl``, and no other.

Each term has one label in @en and one in @zh-Hant and one English definition; a typo in code
(``MK.increasse``) raises instead of minting a new IRI.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, URIRef
from rdflib.namespace import OWL

from mechkg.terms.vocab import MK, MKC, MKE, MKS, PREFIXES

ONTOLOGY = Path(__file__).parents[2] / "ontology"
NS = str(MK._NS)


def vocab_names() -> set[str]:
    """The names declared in ``class MK`` (its annotations), without private attributes."""
    names: set[str] = set()
    for klass in MK.__mro__:
        names.update(name for name in getattr(klass, "__annotations__", {}) if not name.startswith("_"))
    return names


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY / "mechkg.ttl", format="turtle")


def test_vocab_names_are_found() -> None:
    names = vocab_names()
    assert {"Entity", "Claim", "increases", "sign", "statedBy", "kind"} <= names
    assert len(names) == len(set(names))


@pytest.mark.parametrize("name", sorted(vocab_names()))
def test_every_vocab_term_is_defined(ontology: Graph, name: str) -> None:
    term = URIRef(NS + name)
    assert getattr(MK, name) == term
    types = set(ontology.objects(term, RDF.type))
    assert types & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}, name
    labels = {label.language: str(label) for label in ontology.objects(term, RDFS.label)}
    assert labels.get("en"), f"{name} has no @en label"
    assert labels.get("zh-Hant"), f"{name} has no @zh-Hant label"
    assert len(list(ontology.objects(term, RDFS.label))) == 2, f"{name}: one label per language"
    definitions = [d for d in ontology.objects(term, SKOS.definition) if d.language == "en"]
    assert len(definitions) == 1, f"{name} needs one English skos:definition"


def test_ontology_defines_no_other_mk_term(ontology: Graph) -> None:
    defined = {str(s)[len(NS) :] for s in ontology.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(NS)}
    used = {str(t)[len(NS) :] for triple in ontology for t in triple if isinstance(t, URIRef) and str(t).startswith(NS)}
    assert defined == vocab_names()
    assert used <= vocab_names(), f"mk: terms used but not in MK: {sorted(used - vocab_names())}"


def test_a_misspelt_term_raises():
    with pytest.raises(AttributeError):
        _ = MK.increasse


def test_prefixes_name_mechkg_namespaces():
    assert PREFIXES["mk"] == NS
    assert (PREFIXES["mke"], PREFIXES["mkc"], PREFIXES["mks"]) == (str(MKE), str(MKC), str(MKS))
    assert len(set(PREFIXES.values())) == len(PREFIXES)
