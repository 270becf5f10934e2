"""Content negotiation for /sparql."""

from __future__ import annotations

import pytest

from mechkg.app.negotiation import GRAPH_TYPES, RESULT_TYPES, negotiate


@pytest.mark.parametrize(
    ("accept", "offered", "chosen"),
    [
        ("", RESULT_TYPES, "application/sparql-results+json"),
        ("   ", GRAPH_TYPES, "text/turtle"),
        ("*/*", GRAPH_TYPES, "text/turtle"),
        ("text/*", RESULT_TYPES, "text/csv"),
        ("application/n-triples, text/turtle;q=0.5", GRAPH_TYPES, "application/n-triples"),
        ("text/turtle;q=0.5, application/n-triples", GRAPH_TYPES, "application/n-triples"),
        ("text/csv, text/tab-separated-values", RESULT_TYPES, "text/csv"),  # equal q: the first named wins
        ("TEXT/CSV", RESULT_TYPES, "text/csv"),
        ("text/csv;q=0, application/json;q=0.1", RESULT_TYPES, "application/json"),
        ("text/csv;q=zero, application/json;q=0.1", RESULT_TYPES, "application/json"),
        ("text/html", RESULT_TYPES, None),
        ("image/*", RESULT_TYPES, None),
        ("text/csv;q=0", RESULT_TYPES, None),
    ],
)
def test_negotiate(accept: str, offered: dict[str, str], chosen: str | None):
    assert negotiate(accept, offered) == chosen
