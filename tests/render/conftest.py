"""Fixtures of the explorer page tests: the small hand-built graph and its page."""

from __future__ import annotations

import networkx as nx
import pytest

from mechkg.render.page import explorer_html
from tests.render.page_fixture import build_graph


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return build_graph()


@pytest.fixture
def page(graph: nx.MultiDiGraph) -> str:
    return explorer_html(graph)
