"""One set of path defaults (mechkg.paths.defaults): every function of mechkg.paths takes its defaults from it."""

from __future__ import annotations

import inspect

import pytest

from mechkg.paths import defaults
from mechkg.paths.index import path_index
from mechkg.paths.nearest import partial_chains
from mechkg.paths.search import mechanism_paths, mechanisms
from mechkg.paths.table import pair_table

EXPECTED = {
    "k": defaults.K,
    "max_hops": defaults.MAX_HOPS,
    "mode": defaults.MODE,
    "min_evidence": defaults.MIN_EVIDENCE,
    "engine": defaults.ENGINE,
}


@pytest.mark.parametrize("function", [mechanism_paths, mechanisms, path_index, partial_chains, pair_table])
def test_path_functions_default_to_the_one_set(function):
    parameters = inspect.signature(function).parameters
    found = {
        name: parameters[name].default
        for name in EXPECTED
        if name in parameters and parameters[name].default is not inspect.Parameter.empty
    }
    expected = {**EXPECTED, "k": defaults.TABLE_K} if function is pair_table else EXPECTED
    assert found == {name: expected[name] for name in found}
    assert found, function


def test_the_defaults_are_among_their_options():
    assert defaults.MODE in ("causal", "exploratory") and defaults.MIN_EVIDENCE in ("human", "animal", "any")
    assert defaults.ENGINE in ("pruned", "full") and 1 <= defaults.TABLE_K <= defaults.K and defaults.MAX_HOPS >= 2
