"""Biolink terms from the ontology's alignments: best alignment wins, never a narrower term or a mixin."""

from __future__ import annotations

import pytest

from mechkg.terms.biolink import (
    BIOLINK_MIXINS,
    biolink_curie,
    categories,
    is_kgx_category_name,
    kgx_categories,
    predicate_terms,
)
from mechkg.terms.ontology import class_labels, predicates


def test_every_entity_class_and_predicate_has_a_biolink_term():
    assert set(categories()) == set(class_labels()) - {
        "Entity",
        "Claim",
        "Source",
        "PrimarySource",
        "StudyArm",
        "StudyFigure",
        "Flag",
    }
    assert set(predicate_terms()) == set(predicates())
    assert all(curie.startswith("biolink:") for curie in [*categories().values(), *predicate_terms().values()])


def test_mixins_are_never_categories():
    assert not set(categories().values()) & BIOLINK_MIXINS
    assert categories()["GeneProduct"] == "biolink:BiologicalEntity"


def test_kgx_categories_pass_kgx_name_rule_and_differ_only_where_needed():
    assert set(kgx_categories()) == set(categories())
    assert all(is_kgx_category_name(curie) for curie in kgx_categories().values())
    differ = {name for name in categories() if categories()[name] != kgx_categories()[name]}
    assert differ == {name for name, curie in categories().items() if not is_kgx_category_name(curie)}
    assert "MicroRNA" in differ


def test_biolink_curie():
    assert biolink_curie("https://w3id.org/biolink/vocab/Cell") == "biolink:Cell"
    with pytest.raises(ValueError, match="not a Biolink IRI"):
        biolink_curie("http://purl.obolibrary.org/obo/CL_0000000")
