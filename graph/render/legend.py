"""The page's legends and label tables, in English and Traditional Chinese.

Each function makes one table of ``DATA`` from the page's nodes, edges and claims: the classes
present (colour, shape, count), the edge signs, the evidence levels present (strongest first),
the predicates in use and the kinds of curators' flags. Class and predicate labels come from the graph (``G.graph["classes"]`` and
``G.graph["predicates"]``, set from the ontology by :func:`mechkg.network.assemble.assemble`);
a name without a label is shown as itself.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from mechkg.network.evidence import Claim, Edge, EntityNode
from mechkg.render.styles import CLASS_STYLES, SIGN_STYLES, class_style

__all__ = [
    "EVIDENCE_LEVELS",
    "FLAG_KINDS",
    "class_legend",
    "evidence_legend",
    "flag_kind_labels",
    "predicate_labels",
    "sign_legend",
]

#: Evidence levels from strongest to weakest, with their labels.
EVIDENCE_LEVELS: Mapping[str, tuple[str, str]] = {
    "human_trial": ("human trial", "人體臨床試驗"),
    "case_report": ("case report", "病例報告"),
    "human_observational": ("human observational", "人體觀察"),
    "animal_model": ("animal model", "動物模型"),
    "in_vitro": ("in vitro", "體外實驗"),
    "review_assertion": ("review assertion", "綜述陳述"),
    "author_statement": ("author statement", "作者陳述"),
}

#: The kinds of curators' flags, with their labels.
FLAG_KINDS: Mapping[str, tuple[str, str]] = {
    "mistranslation": ("mistranslation", "誤譯"),
    "garbled_number": ("garbled number", "數字錯亂"),
    "garbled_name": ("garbled name", "名稱錯亂"),
    "contradicts_biology": ("contradicts biology", "與生物學知識矛盾"),
    "overstated": ("overstated", "言過其實"),
    "doubtful": ("doubtful", "存疑"),
    "unclear_referent": ("unclear referent", "指代不明"),
    "inconsistent": ("inconsistent", "前後不一致"),
}


def class_legend(nodes: Iterable[EntityNode], info: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One entry per class of ``nodes``: its look, its labels (from ``info``) and its number of nodes.

    The classes of :data:`~mechkg.render.styles.CLASS_STYLES` come first, in its order; any
    other class follows, sorted by name.

    >>> types = [("MSC", "CellType"), ("SLE", "Disease"), ("W", "Widget"), ("TH17", "CellType")]
    >>> [(c["name"], c["count"]) for c in class_legend([EntityNode(n, t, n, n, "") for n, t in types], {})]
    [('Disease', 1), ('CellType', 2), ('Widget', 1)]
    """
    counts = Counter(node.type for node in nodes)
    order = [c for c in CLASS_STYLES if c in counts] + sorted(c for c in counts if c not in CLASS_STYLES)
    return [{"name": name, **_look(name), **_labels(name, info), "count": counts[name]} for name in order]


def sign_legend() -> list[dict[str, Any]]:
    """The edge signs with their colour, arrow head and labels: +1, -1, 0."""
    return [{"sign": sign, **SIGN_STYLES[sign]} for sign in (1, -1, 0)]


def evidence_legend(edges: Iterable[Edge]) -> list[dict[str, str]]:
    """The evidence levels of the claims behind ``edges``: the known ones strongest first, then any other, sorted.

    >>> edge = Edge("A", "increases", "B", 1, True, evidence_levels=("in_vitro", "hearsay", "human_trial"))
    >>> [(e["name"], e["label_zh"]) for e in evidence_legend([edge])]
    [('human_trial', '人體臨床試驗'), ('in_vitro', '體外實驗'), ('hearsay', 'hearsay')]
    """
    present = {level for edge in edges for level in edge.evidence_levels}
    order = [name for name in EVIDENCE_LEVELS if name in present] + sorted(present - EVIDENCE_LEVELS.keys())
    return [{"name": name, **_pair_labels(name, EVIDENCE_LEVELS)} for name in order]


def predicate_labels(
    edges: Iterable[Edge], claims: Iterable[Claim], info: Mapping[str, Mapping[str, Any]]
) -> dict[str, dict[str, str]]:
    """Predicate -> its labels (from ``info``), for the predicates of ``edges`` and ``claims``, sorted.

    >>> info = {"secretes": {"label_en": "secretes", "label_zh": "分泌"}}
    >>> predicate_labels([Edge("MSC", "secretes", "IL10", 1, True)], [], info)
    {'secretes': {'label_en': 'secretes', 'label_zh': '分泌'}}
    """
    names = {edge.predicate for edge in edges} | {claim.predicate for claim in claims}
    return {name: _labels(name, info) for name in sorted(names)}


def flag_kind_labels(nodes: Iterable[EntityNode], claims: Iterable[Claim]) -> dict[str, dict[str, str]]:
    """Flag kind -> its labels, for the kinds of the flags on ``nodes`` and ``claims``, sorted."""
    kinds = {flag.kind for node in nodes for flag in node.flags} | {flag.kind for claim in claims for flag in claim.flags}
    return {kind: _pair_labels(kind, FLAG_KINDS) for kind in sorted(kinds)}


def _look(name: str) -> dict[str, str]:
    style = class_style(name)
    return {"color": style.color, "shape": style.shape}


def _labels(name: str, info: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    """The labels of ``name`` in a table of the graph; the English one stands in for a missing Chinese one."""
    entry = info.get(name) or {}
    return {
        "label_en": str(entry.get("label_en") or name),
        "label_zh": str(entry.get("label_zh") or entry.get("label_en") or name),
    }


def _pair_labels(name: str, table: Mapping[str, tuple[str, str]]) -> dict[str, str]:
    en, zh = table.get(name, (name, name))
    return {"label_en": en, "label_zh": zh}
