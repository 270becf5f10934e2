"""One entity as JSON and as text: what ``mechkg show`` prints, ``/api/entity`` returns and the page carries."""

from __future__ import annotations

from typing import Any

import networkx as nx

from mechkg.network.assemble import node_of
from mechkg.network.evidence import Claim, EntityNode, Xref
from mechkg.views.claims import claim_json, flag_json
from mechkg.views.studies import study_json

__all__ = ["entity_json", "entity_text", "node_json", "properties_json", "xref_json"]


def xref_json(xref: Xref) -> dict[str, str]:
    """A standard identifier: ``{"curie", "match", "url", "iri"}``."""
    return {"curie": xref.curie, "match": xref.match, "url": xref.url, "iri": xref.iri}


def properties_json(node: EntityNode) -> dict[str, Any]:
    """A therapy's kind, origin, route and dose, or a study's numbers (:func:`mechkg.views.studies.study_json`)."""
    return {**node.properties, **(study_json(node.study) if node.study is not None else {})}


def node_json(node: EntityNode) -> dict[str, Any]:
    """Every field of a node, as the explorer page carries it."""
    return {
        "id": node.id,
        "label_en": node.label_en,
        "label_zh": node.label_zh,
        "type": node.type,
        "iri": node.iri,
        "xrefs": [xref_json(x) for x in node.xrefs],
        "synonyms": list(node.synonyms),
        "definition": node.definition,
        "ungrounded": node.ungrounded,
        "broader": list(node.broader),
        "notes": node.notes,
        "flags": [flag_json(f) for f in node.flags],
        "properties": properties_json(node),
    }


def entity_json(G: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    """The JSON of ``mechkg show`` and ``/api/entity``: one entity and every claim about it (either role)."""
    info = node_of(G, node)
    claims: dict[str, Claim] = G.graph["claims"]
    related = sorted((c for c in claims.values() if node in (c.subject, c.object)), key=lambda c: c.id)
    return {
        "id": node,
        "iri": info.iri,
        "type": info.type,
        "labels": {"en": info.label_en, "zh-Hant": info.label_zh},
        "synonyms": list(info.synonyms),
        "xrefs": [x.curie for x in info.xrefs],
        "claims": [claim_json(c) for c in related],
        "properties": {
            **properties_json(info),
            "definition": info.definition,
            "broader": list(info.broader),
            "ungrounded": info.ungrounded,
            "xref_matches": [xref_json(x) for x in info.xrefs],
            "flags": [flag_json(f) for f in info.flags],
        },
    }


def entity_text(info: dict[str, Any]) -> str:
    """The plain-text form of :func:`entity_json` for the terminal."""
    lines = [
        f"{info['labels']['en']} / {info['labels']['zh-Hant']}  [{info['id']}, {info['type']}]",
        f"  IRI: {info['iri']}",
    ]
    if info["synonyms"]:
        lines.append(f"  synonyms: {', '.join(info['synonyms'])}")
    for xref in info["properties"]["xref_matches"]:
        lines.append(f"  {xref['match']} match: {xref['curie']}  {xref['url']}")
    if info["properties"]["ungrounded"]:
        lines.append(f"  ungrounded: {info['properties']['ungrounded']}")
    if info["properties"]["definition"]:
        lines.append(f"  definition: {info['properties']['definition']}")
    for flag in info["properties"]["flags"]:
        lines.append(f"  FLAG {flag['kind']}: {flag['note']}")
    lines.append(f"  claims: {len(info['claims'])}")
    for claim in info["claims"]:
        aspect = f" ({claim['aspect']})" if claim["aspect"] else ""
        lines.append(f"  - {claim['subject']} —{claim['predicate']}{aspect}→ {claim['object']}   [{claim['id']}]")
        lines.append(f"      「{claim['quote']}」")
        lines.append(f"      {claim['statement']}")
        lines.append(f"      evidence: {claim['evidence_level']} ({claim['evidence']}), confidence {claim['confidence']}")
        for flag in claim["flags"]:
            lines.append(f"      FLAG {flag['kind']}: {flag['note']}")
    return "\n".join(lines)
