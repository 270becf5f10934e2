"""A small, bounded version of benchmarks/load_test.py: 4 clients x 50 requests, zero errors.

It asserts correctness under concurrency (every request answered with the expected status, a
cut-off query among them), never timing; the full load test is run on demand.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from conftest import MINI, MINI_SOURCES

pytestmark = pytest.mark.slow  # servers, subprocesses or whole notebooks: the full suite runs them

_SPEC = importlib.util.spec_from_file_location("load_test", Path(__file__).parents[1] / "benchmarks" / "load_test.py")
assert _SPEC is not None and _SPEC.loader is not None
load_test = importlib.util.module_from_spec(_SPEC)
sys.modules["load_test"] = load_test  # dataclasses look their module up by name
_SPEC.loader.exec_module(load_test)


def test_concurrent_clients_get_no_errors_and_a_cut_off_query_frees_its_worker():
    report = load_test.run(
        clients=4,
        requests=200,
        curation=MINI,
        sources=MINI_SOURCES,
        timeout=2.0,
        workers=2,
        expensive_every=25,  # client 0's first request, and every 25th of its own, is cut off by the time limit
        max_seconds=240,
    )
    assert report.errors == []
    assert report.requests == 200 + 3  # and, after the load, one probe per worker plus one
    assert report.cut_off >= 1
    assert set(report.latencies) >= {"sparql", "path", "expensive"}
    assert report.answered_after_cut_off >= 3  # sent after a cut-off, all answered: the pool is whole again
