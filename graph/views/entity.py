"""One entity as JSON and as text: what ``mechkg show`` prints and ``/api/entity`` returns."""

from __future__ import annotations

from typing import Any

import networkx as nx

__all__ = ["entity_json", "entity_text"]


def entity_json(G: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    """The JSON of ``mechkg show`` and ``/api/entity``: one entity and every claim about it."""
    data = G.nodes[node]
    claims = G.graph["claims"]
    related = sorted(
        (c for c in claims.values() if node in (c["subject"], c["object"])),
        key=lambda c: c["id"],
    )
    return {
        "id": node,
        "iri": data["iri"],
        "type": data["type"],
        "labels": {"en": data["label_en"], "zh-Hant": data["label_zh"]},
        "synonyms": data["synonyms"],
        "xrefs": [x["curie"] for x in data["xrefs"]],
        "claims": [
            {
                "id": c["id"],
                "subject": c["subject"],
                "predicate": c["predicate"],
                "object": c["object"],
                "sign": c["sign"],
                "aspect": c["aspect"],
                "disease": c["disease"],
                "quote": c["quote"],
                "statement": c["statement"],
                "evidence": c["evidence"],
                "evidence_level": c["evidence_level"],
                "confidence": c["confidence"],
                "flags": c["flags"],
                "study": c["study"],
                "section": c["section"],
                "source": c["source"],
            }
            for c in related
        ],
        "properties": {
            **data["properties"],
            "definition": data["definition"],
            "broader": data["broader"],
            "ungrounded": data["ungrounded"],
            "xref_matches": data["xrefs"],
            "flags": data["flags"],
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
