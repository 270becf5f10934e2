"""Turtle and N-Triples: sorted, UTF-8, read back to the same graph (by rdflib and by raptor)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from mechkg.export.turtle import to_ntriples, to_turtle
from tests.export.tools import require_tool


def test_turtle_is_sorted_and_parses_back_isomorphic(mini_built):
    data = to_turtle(mini_built.rdf)
    back = Graph().parse(data=data, format="turtle")
    assert isomorphic(back, mini_built.rdf)
    text = data.decode("utf-8")
    subjects = [line.split(" ", 1)[0] for line in text.split("\n") if line and not line.startswith((" ", "@", "\t"))]
    assert subjects and subjects.index("mke:IL6") < subjects.index("mke:SLE") < subjects.index("mke:TH17")
    assert "系統性紅斑狼瘡" in text  # UTF-8, not escapes


@pytest.mark.slow
def test_turtle_accepted_by_rapper(mini_built, tmp_path: Path):
    rapper = require_tool("rapper")
    path = tmp_path / "mechkg.ttl"
    path.write_bytes(to_turtle(mini_built.rdf))
    result = subprocess.run([rapper, "-i", "turtle", "-o", "ntriples", str(path)], capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()
    back = Graph().parse(data=result.stdout.decode("utf-8"), format="nt")
    assert len(back) == len(mini_built.rdf) and isomorphic(back, mini_built.rdf)


def test_ntriples_sorted_unique_lines_isomorphic(mini_built):
    data = to_ntriples(mini_built.rdf)
    lines = data.decode("utf-8").splitlines()
    assert lines == sorted(set(lines), key=lambda line: line.encode("utf-8"))
    assert len(lines) == len(mini_built.rdf)
    assert isomorphic(Graph().parse(data=data, format="nt"), mini_built.rdf)
