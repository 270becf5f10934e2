"""Parameter values: a value that names nothing is refused (naming the allowed values or the closest), never an empty answer."""

from __future__ import annotations

import pytest

from mechkg.query.named import named_query, run_query
from mechkg.query.oxigraph_store import OxigraphStore
from mechkg.query.param_values import closed_values, property_iri
from mechkg.query.sparql import ParameterError
from mechkg.terms.vocab import MK


@pytest.fixture(scope="module")
def store(sparql_built):
    return OxigraphStore.from_graph(sparql_built.rdf)


def test_closed_values_are_the_shapes_sh_in_lists():
    assert closed_values("mk:evidenceLevel") == (
        "human_trial", "case_report", "human_observational", "animal_model", "in_vitro", "review_assertion", "author_statement",
    )  # fmt: skip
    assert "contradicts_biology" in closed_values("mk:flagKind")
    assert closed_values("mk:model") == ()  # open: the graph's own values count
    assert property_iri("mk:model") == MK.model
    with pytest.raises(ParameterError, match="known prefix"):
        property_iri("nope:model")


def test_an_unknown_level_or_kind_names_every_allowed_value(store):
    with pytest.raises(ParameterError, match="'bogus' is not a value of mk:evidenceLevel; one of: human_trial, case_report"):
        run_query(store, named_query("claims-by-evidence"), params={"level": "bogus"})
    with pytest.raises(ParameterError, match="one of: mistranslation, garbled_number"):
        run_query(store, named_query("flags"), params={"kind": "mistranslaton"})
    # a value the shapes allow stays valid where this graph has none of it: an empty answer, not an error
    assert run_query(store, named_query("claims-by-evidence"), params={"level": "author_statement"}).rows == ()


def test_an_unknown_claim_or_model_names_the_closest(store):
    with pytest.raises(
        ParameterError, match=r"'sp-msc-sle-trail' is not a claim id \(\d+ in this graph\); closest: sp-msc-sle-trial"
    ):
        run_query(store, named_query("claim-provenance"), params={"claim": "mkc:sp-msc-sle-trail"})
    assert run_query(store, named_query("claim-provenance"), params={"claim": "mkc:sp-msc-sle-trial"}).rows
    with pytest.raises(ParameterError, match="is not a value of mk:model"):
        run_query(store, named_query("claims-by-model"), params={"model": "no such model"})
    with pytest.raises(ParameterError, match="closest: mk:Therapy"):
        run_query(store, named_query("ungrounded-entities"), params={"type": "mk:Therapi"})
