"""Deep calls: rdflib's recursive parser on a thread with a deep stack, errors handed back."""

from __future__ import annotations

import sys

import pytest

from mechkg.query.deep import deep_call
from mechkg.query.sparql import check_query


def test_a_long_triple_block_parses_instead_of_crashing():
    # rdflib's grammar recurses once per triple pattern: 150 of them pass Python's default limit
    checked = check_query("SELECT * WHERE { " + "?s <urn:p> ?o . " * 150 + "}")
    assert checked.kind == "SELECT"


def test_the_recursion_limit_is_restored_and_errors_are_raised_here():
    before = sys.getrecursionlimit()

    def fails() -> None:
        raise KeyError("x")

    with pytest.raises(KeyError):
        deep_call(fails)
    assert sys.getrecursionlimit() == before


def test_a_deep_call_inside_a_deep_call_runs_in_place():
    assert deep_call(lambda: deep_call(lambda: 7)) == 7
