"""Mechanism paths as JSON, the shape ``mechkg path``, ``/api/path`` and the page share.

The JSON follows the design's contract, ``{"source", "target", "paths": [{"nodes": [{"id",
"label", "type"}], "edges": [{"subject", "predicate", "object", "sign", "claims": […]}],
"net_sign", "score"}]}``, with extra keys: per path ``verdict``, ``score_parts``, ``therapy``,
``variants``, per edge ``kind`` (mechanism / entry / exit; a ``broader`` entry or exit edge is an
*is-a* step), ``forward``, ``aspects``, ``support``, ``independent_sources``, ``flagged`` and
``other_disease`` (:func:`hop_marks`); at the top ``query``, ``therapies``, ``mode``,
``constraints``, ``observed`` (the direct therapy → disease outcome with study figures),
``partial`` (nearest partial chains when there is no path) and ``truncated``. Each claim is
:func:`mechkg.views.claims.claim_json` plus the ``value`` it adds to its hop.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from mechkg.paths.result import Hop, MechanismPath, MechanismResult, ObservedOutcome, TherapyMechanism
from mechkg.paths.taxonomy import borrowed_hops
from mechkg.views.claims import claim_json
from mechkg.views.studies import study_json

__all__ = ["HopMarks", "hop_marks", "mechanisms_json", "result_json"]


@dataclass(frozen=True, slots=True)
class HopMarks:
    """What the reader should know about one hop before trusting it (see :func:`hop_marks`)."""

    flagged: bool
    other_diseases: tuple[str, ...] = ()


def hop_marks(G: nx.MultiDiGraph, path: MechanismPath) -> tuple[HopMarks, ...]:
    """One :class:`HopMarks` per hop of ``path``, in order.

    ``flagged``: at least one claim the hop counts (``hop.claims``, the claims that gave it its
    support) carries a curator's flag. That is the rule of :mod:`mechkg.paths.score`: each flagged
    claim counts at half strength; claims flagged as probably wrong are not counted at all (so they
    mark nothing) unless the search includes them (``--include-doubtful``). An edge of the graph
    is ``flagged`` by the same rule (any of its claims). ``other_diseases``: when the hop rests only on claims about other
    diseases than the path's (:func:`mechkg.paths.taxonomy.borrowed_hops`, the rule of
    :meth:`mechkg.paths.criteria.Criteria.is_other`), those diseases; else empty. Entry and exit
    hops (``uses``, ``broader``) count no claim, so they carry neither mark.
    """
    borrowed = dict(borrowed_hops(G, path))
    return tuple(HopMarks(any(c.flagged for c in hop.claims), borrowed.get(hop, ())) for hop in path.hops)


def _claim_json(G: nx.MultiDiGraph, claim_id: str, value: float) -> dict[str, Any]:
    return {**claim_json(G.graph["claims"][claim_id]), "value": round(value, 6)}


def _hop_json(G: nx.MultiDiGraph, hop: Hop, marks: HopMarks | None = None) -> dict[str, Any]:
    marks = marks or HopMarks(any(c.flagged for c in hop.claims))
    return {
        "subject": hop.subject,
        "predicate": hop.predicate,
        "object": hop.object,
        "sign": hop.sign,
        "kind": hop.kind,
        "forward": hop.forward,
        "aspects": list(hop.aspects),
        "support": round(hop.support, 6) if hop.kind == "mechanism" else None,
        "independent_sources": hop.sources,
        "flagged": marks.flagged,
        "other_disease": bool(marks.other_diseases),
        "claims": [_claim_json(G, c.id, c.value) for c in hop.claims],
    }


def _path_json(G: nx.MultiDiGraph, path: MechanismPath) -> dict[str, Any]:
    return {
        "therapy": path.therapy,
        "nodes": [n.to_dict() for n in path.nodes],
        "edges": [_hop_json(G, h, m) for h, m in zip(path.hops, hop_marks(G, path), strict=True)],
        "net_sign": path.net_sign,
        "verdict": path.verdict,
        "score": round(path.score.total, 6),
        "score_parts": path.score.to_dict(),
        "variants": [list(v) for v in path.variants],
        "borrowed_context": [
            {"subject": hop.subject, "predicate": hop.predicate, "object": hop.object, "diseases": list(diseases)}
            for hop, diseases in borrowed_hops(G, path)
        ],
    }


def _observed_json(G: nx.MultiDiGraph, outcome: ObservedOutcome) -> dict[str, Any]:
    return {
        "entry": [_hop_json(G, h) for h in outcome.entry],
        "edge": _hop_json(G, outcome.hop),
        "studies": [{"id": s.id, "label": s.label, **study_json(s.study)} for s in outcome.studies],
    }


def result_json(G: nx.MultiDiGraph, result: MechanismResult) -> dict[str, Any]:
    """The JSON form of a :class:`~mechkg.paths.result.MechanismResult` (see the module docstring)."""
    return {
        "source": result.source,
        "target": result.target,
        "query": result.query,
        "therapies": list(result.therapies),
        "mode": result.mode,
        "constraints": dict(result.constraints),
        "paths": [_path_json(G, p) for p in result.paths],
        "observed": [_observed_json(G, o) for o in result.observed],
        "partial": [
            {"side": c.side, "nodes": list(c.nodes), "edges": [_hop_json(G, h) for h in c.hops], "gap": c.gap}
            for c in result.partial
        ],
        "truncated": result.truncated,
    }


def mechanisms_json(G: nx.MultiDiGraph, disease: str, rows: Sequence[TherapyMechanism]) -> dict[str, Any]:
    """JSON of :func:`~mechkg.paths.search.mechanisms`: one entry per therapy.

    Each entry has the therapy's best path, its best counteracting (net −1) and best aggravating
    (net +1) paths under the path rules, and beside them the observed outcome (direct claims).
    """
    return {
        "target": disease,
        "therapies": [
            {
                "therapy": r.therapy,
                "label": G.nodes[r.therapy].get("label_en", r.therapy),
                "path_count": r.paths,
                "net_sign": r.best.net_sign if r.best else None,
                "verdict": r.best.verdict if r.best else None,
                "best": _path_json(G, r.best) if r.best else None,
                "counteracting": _path_json(G, r.counteracting) if r.counteracting else None,
                "aggravating": _path_json(G, r.aggravating) if r.aggravating else None,
                "observed": [_observed_json(G, o) for o in r.observed],
            }
            for r in rows
        ],
    }
