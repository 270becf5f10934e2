"""An edge of the network as JSON: the triple, its sign and what its claims say together."""

from __future__ import annotations

from typing import Any

from mechkg.network.evidence import Edge

__all__ = ["edge_json"]


def edge_json(edge: Edge) -> dict[str, Any]:
    """Every field of an :class:`~mechkg.network.evidence.Edge`, tuples as lists.

    >>> edge_json(Edge("MSC", "secretes", "IL10", 1, True, claims=("c1",)))["claims"]
    ['c1']
    """
    return {
        "subject": edge.subject,
        "predicate": edge.predicate,
        "object": edge.object,
        "sign": edge.sign,
        "causal": edge.causal,
        "claims": list(edge.claims),
        "aspects": list(edge.aspects),
        "diseases": list(edge.diseases),
        "confidence": edge.confidence,
        "evidence_levels": list(edge.evidence_levels),
        "flagged": edge.flagged,
    }
