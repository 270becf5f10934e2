"""Terms across store boundaries: rdflib -> pyoxigraph -> rdflib, and results JSON -> rdflib, keep their meaning."""

from __future__ import annotations

from decimal import Decimal

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import given
from hypothesis import strategies as st
from rdflib import BNode, Literal, URIRef

from mechkg.query.convert import from_json_term, from_ox, literal, to_ox
from mechkg.query.results import QueryResult
from mechkg.query.sparql import SparqlError

TERMS = [
    URIRef("https://w3id.org/mechkg/entity/SLE"),
    BNode("b0"),
    Literal("lupus"),
    Literal("系統性紅斑狼瘡", lang="zh-Hant"),
    Literal("lupus", lang="en-GB"),
    Literal(85),
    Literal(Decimal("0.84")),
    Literal("2024-01-31", datatype=rdflib.XSD.date),
    Literal(True),
]


@pytest.mark.parametrize("term", TERMS, ids=repr)
def test_a_term_survives_the_trip_through_oxigraph(term):
    assert from_ox(to_ox(term)) == term


@pytest.mark.parametrize("term", TERMS, ids=repr)
def test_a_term_survives_the_trip_through_results_json(term):
    (binding,) = QueryResult("SELECT", vars=("x",), rows=((term,),)).to_json()["results"]["bindings"]
    assert from_json_term(binding["x"]) == term


def test_oxigraph_lower_cases_language_tags_and_the_conversion_restores_their_case():
    assert to_ox(Literal("狼瘡", lang="zh-Hant")).language == "zh-hant"
    assert from_ox(ox.Literal("狼瘡", language="zh-hant-tw")).language == "zh-Hant-TW"


def test_xsd_string_becomes_a_plain_literal_and_decimals_stay_decimals():
    assert literal("lupus", str(rdflib.XSD.string)) == Literal("lupus")
    assert literal("0.840", str(rdflib.XSD.decimal)).toPython() == Decimal("0.840")
    assert literal("not a number", str(rdflib.XSD.decimal)) == Literal("not a number", datatype=rdflib.XSD.decimal)


def test_unbound_values_stay_unbound_and_strange_terms_are_refused():
    assert from_ox(None) is None
    with pytest.raises(SparqlError):
        to_ox(rdflib.Variable("x"))
    with pytest.raises(SparqlError):
        from_ox(ox.Variable("x"))


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40), st.sampled_from(["en", "zh-Hant", None]))
def test_any_text_literal_survives_both_trips(text, lang):
    term = Literal(text, lang=lang)
    assert from_ox(to_ox(term)) == term
    (binding,) = QueryResult("SELECT", vars=("x",), rows=((term,),)).to_json()["results"]["bindings"]
    assert from_json_term(binding["x"]) == term
