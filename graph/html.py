"""The explorer page: one self-contained HTML file that shows the MechKG graph offline.

``explorer_html(G)`` turns the :class:`networkx.MultiDiGraph` built by ``graph.network`` into
a single page that works from ``file://`` with no network: vis-network 9.1.2 (vendored in
``graph/templates/vendor``, see its README) and the page's own CSS and JavaScript are inlined,
and every datum travels in one ``<script type="application/json">`` block that the page reads
with ``JSON.parse`` and shows with ``textContent``, never as HTML.

pyvis makes the vis-network node and edge option dicts (:class:`pyvis.network.Network`
``add_node`` / ``add_edge``, and its option defaults); the page itself comes from our own
Jinja template, because pyvis' templates do not escape their data and load Bootstrap and
vis-network from CDNs.

The layout is computed here, deterministically, by a small pure-Python Fruchterman-Reingold
(:func:`spring_positions`; networkx' layouts need numpy, which MechKG does not depend on), so
the same graph always gives the same bytes.

>>> import networkx as nx
>>> G = nx.MultiDiGraph(name="MechKG", claims={}, sources={})
>>> G.add_node("MSC", label_en="mesenchymal stem cell", label_zh="間充質幹細胞", type="CellType")
>>> G.add_node("TGFB1", label_en="TGF-β1", label_zh="轉化生長因子-β1", type="GeneProduct")
>>> _ = G.add_edge("MSC", "TGFB1", key="secretes", predicate="secretes", sign=1, causal=True)
>>> page = explorer_html(G, title="MechKG <demo>")
>>> page.startswith("<!DOCTYPE html>") and "<title>MechKG &lt;demo&gt;</title>" in page
True
>>> "間充質幹細胞" in page and "https://cdn" not in page
True
>>> explorer_html(G, title="MechKG <demo>") == page
True
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import math
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, FunctionLoader
from markupsafe import Markup
from pyvis.network import Network

from .errors import MechKGError, UnknownEntity

__all__ = [
    "CLASS_STYLES",
    "EVIDENCE_LEVELS",
    "SIGN_STYLES",
    "ClassStyle",
    "explorer_html",
    "json_for_script",
    "spring_positions",
    "write_explorer",
]

VIS_NETWORK_VERSION = "9.1.2"


@dataclass(frozen=True, slots=True)
class ClassStyle:
    """How nodes of one entity class look, and what the legend calls the class."""

    color: str
    shape: str  # a vis-network shape whose label sits outside it, so ``size`` applies
    label_en: str
    label_zh: str


#: Colour and shape of each entity class, in legend order.
CLASS_STYLES: Mapping[str, ClassStyle] = {
    "Disease": ClassStyle("#d62728", "diamond", "disease", "疾病"),
    "Phenotype": ClassStyle("#ff9896", "triangleDown", "phenotype", "表型"),
    "CellType": ClassStyle("#1f77b4", "dot", "cell type", "細胞類型"),
    "GeneProduct": ClassStyle("#ff7f0e", "dot", "gene product", "基因產物"),
    "ProteinFamilyOrComplex": ClassStyle("#ffbb78", "hexagon", "protein family or complex", "蛋白家族或複合物"),
    "MicroRNA": ClassStyle("#9467bd", "triangle", "microRNA", "微小RNA"),
    "LncRNA": ClassStyle("#c5b0d5", "triangle", "lncRNA", "長鏈非編碼RNA"),
    "BiologicalProcess": ClassStyle("#17becf", "square", "biological process", "生物過程"),
    "Pathway": ClassStyle("#9edae5", "square", "pathway", "信號通路"),
    "ExtracellularVesicle": ClassStyle("#aec7e8", "hexagon", "extracellular vesicle", "細胞外囊泡"),
    "Therapy": ClassStyle("#2ca02c", "star", "therapy", "療法"),
    "Drug": ClassStyle("#98df8a", "star", "drug", "藥物"),
    "ChemicalEntity": ClassStyle("#bcbd22", "triangle", "chemical entity", "化學物質"),
    "ClinicalStudy": ClassStyle("#8c564b", "square", "clinical study", "臨床研究"),
    "ClinicalMeasure": ClassStyle("#c49c94", "triangleDown", "clinical measure", "臨床指標"),
    "AnatomicalEntity": ClassStyle("#e377c2", "hexagon", "anatomical entity", "解剖結構"),
    "Exposure": ClassStyle("#7f7f7f", "diamond", "exposure", "暴露因素"),
    "OrganismTaxon": ClassStyle("#f7b6d2", "dot", "organism", "物種"),
}
_OTHER_CLASS = ClassStyle("#c7c7c7", "dot", "other", "其他")

#: Edge colour and arrow head by sign: +1 green arrow, -1 red bar (inhibition), 0 grey arrow.
SIGN_STYLES: Mapping[int, dict[str, str]] = {
    1: {"color": "#1a9641", "arrow": "arrow", "label_en": "positive (+1)", "label_zh": "正向 (+1)"},
    -1: {"color": "#d7191c", "arrow": "bar", "label_en": "negative (−1)", "label_zh": "負向 (−1)"},
    0: {"color": "#8a8a8a", "arrow": "arrow", "label_en": "unsigned (0)", "label_zh": "無方向 (0)"},
}

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

_PREDICATE_LABELS: Mapping[str, tuple[str, str]] = {
    "increases": ("increases", "增加"),
    "decreases": ("decreases", "減少"),
    "regulates": ("regulates", "調控"),
    "secretes": ("secretes", "分泌"),
    "carries": ("carries", "攜帶"),
    "differentiatesInto": ("differentiates into", "分化為"),
    "derivesFrom": ("derives from", "來源於"),
    "contributesTo": ("contributes to", "促成"),
    "ameliorates": ("ameliorates", "改善"),
    "riskFactorFor": ("risk factor for", "是…的危險因素"),
    "hasAdverseEffect": ("has adverse effect", "不良反應"),
    "increasedIn": ("increased in", "在…中升高"),
    "decreasedIn": ("decreased in", "在…中降低"),
    "biomarkerOf": ("biomarker of", "是…的生物標誌物"),
    "associatedWith": ("associated with", "與…相關"),
    "partOf": ("part of", "屬於"),
    "expresses": ("expresses", "表達"),
    "studiedIn": ("studied in", "研究於"),
    "studyOf": ("study of", "研究對象"),
    "uses": ("uses", "使用"),
    "broader": ("broader", "上位概念"),
}

_FLAG_KINDS: Mapping[str, tuple[str, str]] = {
    "mistranslation": ("mistranslation", "誤譯"),
    "garbled_number": ("garbled number", "數字錯亂"),
    "garbled_name": ("garbled name", "名稱錯亂"),
    "contradicts_biology": ("contradicts biology", "與生物學知識矛盾"),
    "overstated": ("overstated", "言過其實"),
    "doubtful": ("doubtful", "存疑"),
    "unclear_referent": ("unclear referent", "指代不明"),
    "inconsistent": ("inconsistent", "前後不一致"),
}

_LANGS = {"en": "en", "zh": "zh-Hant", "zh-Hant": "zh-Hant"}
_TEMPLATE = "explorer.html"
_INLINED = {
    "vis_js": f"vendor/vis-network-{VIS_NETWORK_VERSION}.min.js",
    "vis_css": f"vendor/vis-network-{VIS_NETWORK_VERSION}.css",
    "app_js": "explorer.js",
    "app_css": "explorer.css",
}
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def explorer_html(
    G: nx.MultiDiGraph,
    *,
    title: str = "MechKG",
    highlight_paths: Iterable[Sequence[Any]] | None = None,
    lang: str = "en",
) -> str:
    """Render ``G`` as one self-contained, offline HTML page, identical for identical graphs.

    ``highlight_paths`` are paths to emphasise, each either a sequence of node ids (every edge
    from one node to the next is highlighted, or the reverse edges where there is none) or a
    sequence of ``(subject, predicate, object)`` edge keys. ``lang`` (``"en"`` or
    ``"zh-Hant"``) is the language the page opens in; the reader can switch.
    """
    if lang not in _LANGS:
        raise ValueError(f"lang must be 'en' or 'zh-Hant', not {lang!r}")
    data = _page_data(G, highlight_paths=highlight_paths, lang=_LANGS[lang])
    template = _environment().get_template(_TEMPLATE)
    # The only strings marked safe: the escaped title, the JSON with its '<', '>', '&' escaped,
    # and our own packaged files, which _inline_resource checks for closing tags.
    page = template.render(
        title=Markup(html.escape(title, quote=True)),  # noqa: S704
        html_lang=_LANGS[lang],
        data_json=Markup(json_for_script(data)),  # noqa: S704
        **{name: Markup(_inline_resource(path)) for name, path in _INLINED.items()},  # noqa: S704
    )
    return page if page.endswith("\n") else page + "\n"


def write_explorer(G: nx.MultiDiGraph, path: str | os.PathLike[str], **kwargs: Any) -> None:
    """Write :func:`explorer_html` of ``G`` to ``path`` atomically (temp file, then replace).

    A reader never sees a half-written page, and on any error the old file is left as it was.
    Keyword arguments go to :func:`explorer_html`.
    """
    target = Path(path)
    page = explorer_html(G, **kwargs)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(page)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def json_for_script(data: Any) -> str:
    r"""``data`` as JSON that is safe inside ``<script type="application/json">``.

    ``<``, ``>``, ``&`` and the JavaScript line terminators U+2028/U+2029 become ``\uXXXX``
    escapes (they can only occur inside JSON strings), so no ``</script>`` or ``<!--`` can end
    or confuse the element; ``json.loads`` gives back the same strings. Keys are sorted and
    non-ASCII text stays UTF-8.

    >>> json_for_script({"label": "</script><b>&", "zh": "幹細胞"})
    '{"label":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026","zh":"幹細胞"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    for char, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escape)
    return text


def spring_positions(G: nx.Graph, *, scale: float = 150.0, iterations: int | None = None) -> dict[str, tuple[int, int]]:
    """Deterministic force-directed positions of the nodes of ``G``, in integer pixels.

    Fruchterman-Reingold on each connected component of the undirected simple graph beneath
    ``G`` (parallel edges and directions ignored, self-loops dropped); the components are then
    packed in rows, largest first, so that isolated nodes do not fly off. Start positions come
    from a hash of each node id and everything runs in sorted order, so the result depends
    only on the nodes and edges. One unit of ``scale`` pixels is the ideal edge length.

    >>> P = nx.path_graph(["a", "b", "c"])
    >>> pos = spring_positions(P)
    >>> sorted(pos) == ["a", "b", "c"] and pos == spring_positions(P)
    True
    >>> spring_positions(nx.Graph([("x", "x")]))
    {'x': (0, 0)}
    """
    simple = nx.Graph()
    simple.add_nodes_from(sorted(G.nodes, key=str))
    simple.add_edges_from(sorted((tuple(sorted((u, v), key=str)) for u, v in G.edges() if u != v), key=str))
    components = sorted((sorted(c, key=str) for c in nx.connected_components(simple)), key=lambda c: (-len(c), str(c[0])))
    boxes = [_fruchterman_reingold(simple.subgraph(c), c, iterations) for c in components]
    placed = _pack(boxes, gap=1.0)
    if not placed:
        return {}
    cx = (min(x for x, _ in placed.values()) + max(x for x, _ in placed.values())) / 2
    cy = (min(y for _, y in placed.values()) + max(y for _, y in placed.values())) / 2
    return {node: (round((x - cx) * scale), round((y - cy) * scale)) for node, (x, y) in sorted(placed.items(), key=str)}


def _fruchterman_reingold(G: nx.Graph, nodes: list[Any], iterations: int | None) -> dict[Any, tuple[float, float]]:
    """Positions of one connected component, ideal edge length 1, shifted to start at (0, 0)."""
    n = len(nodes)
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = sorted({tuple(sorted((index[u], index[v]))) for u, v in G.edges()})
    side = math.sqrt(n)
    xs, ys = [], []
    for node in nodes:
        digest = hashlib.sha256(str(node).encode("utf-8")).digest()
        xs.append((int.from_bytes(digest[:8], "big") / 2**64 - 0.5) * side)
        ys.append((int.from_bytes(digest[8:16], "big") / 2**64 - 0.5) * side)
    if iterations is None:
        iterations = max(50, min(300, 4_000_000 // (n * n)))
    temperature = start = side / 4
    gravity = 0.02
    for _ in range(iterations):
        dx = [0.0] * n
        dy = [0.0] * n
        for i in range(n):
            xi, yi = xs[i], ys[i]
            for j in range(i + 1, n):
                ddx, ddy = xi - xs[j], yi - ys[j]
                d2 = ddx * ddx + ddy * ddy
                if d2 < 1e-12:
                    ddx, ddy, d2 = 1e-3 * (j - i), 1e-3, 1e-6 * ((j - i) ** 2 + 1)
                force = 1.0 / d2  # repulsion k^2/d along the unit vector, k = 1
                dx[i] += ddx * force
                dy[i] += ddy * force
                dx[j] -= ddx * force
                dy[j] -= ddy * force
        for i, j in pairs:
            ddx, ddy = xs[i] - xs[j], ys[i] - ys[j]
            force = math.sqrt(ddx * ddx + ddy * ddy)  # attraction d^2/k along the unit vector
            dx[i] -= ddx * force
            dy[i] -= ddy * force
            dx[j] += ddx * force
            dy[j] += ddy * force
        cx, cy = sum(xs) / n, sum(ys) / n
        for i in range(n):
            fx = dx[i] - gravity * (xs[i] - cx)
            fy = dy[i] - gravity * (ys[i] - cy)
            length = math.sqrt(fx * fx + fy * fy)
            if length > 0:
                step = min(length, temperature) / length
                xs[i] += fx * step
                ys[i] += fy * step
        temperature = max(temperature - start / iterations, start / 100)
    x0, y0 = min(xs), min(ys)
    return {node: (xs[i] - x0, ys[i] - y0) for i, node in enumerate(nodes)}


def _pack(boxes: list[dict[Any, tuple[float, float]]], *, gap: float) -> dict[Any, tuple[float, float]]:
    """Shelf-pack component layouts (each starting at (0, 0)) in rows, in the given order."""
    if not boxes:
        return {}
    sizes = [(max(x for x, _ in b.values()), max(y for _, y in b.values())) for b in boxes]
    area = sum((w + gap) * (h + gap) for w, h in sizes)
    row_width = max(max(w for w, _ in sizes), math.sqrt(area) * 1.3)
    placed: dict[Any, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for box, (w, h) in zip(boxes, sizes, strict=True):
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        for node, (bx, by) in box.items():
            placed[node] = (x + bx, y + by)
        x += w + gap
        row_height = max(row_height, h)
    return placed


# -- page data ---------------------------------------------------------------------------------


def _page_data(G: nx.MultiDiGraph, *, highlight_paths: Iterable[Sequence[Any]] | None, lang: str) -> dict[str, Any]:
    claims: Mapping[str, Mapping[str, Any]] = G.graph.get("claims") or {}
    sources: Mapping[str, Mapping[str, Any]] = G.graph.get("sources") or {}
    node_ids = sorted(G.nodes, key=str)
    edge_keys = sorted(G.edges(keys=True), key=lambda e: (str(e[0]), str(e[2]), str(e[1])))

    entities = {str(n): _entity(n, G.nodes[n], G.degree(n)) for n in node_ids}
    roles: dict[str, dict[str, set[str]]] = {}
    for claim_id, claim in claims.items():
        for role in ("subject", "object", "study"):
            ref = claim.get(role)
            if ref is not None and str(ref) in entities:
                roles.setdefault(str(ref), {}).setdefault(str(claim_id), set()).add(role)
    for node, by_claim in roles.items():
        entities[node]["claims"] = [{"claim": cid, "roles": sorted(by_claim[cid])} for cid in sorted(by_claim)]

    edges = {_edge_id(u, k, v): _edge(u, k, v, G.edges[u, v, k]) for u, v, k in edge_keys}
    network = _vis_network(G, node_ids, edge_keys)
    present = sorted({e["type"] for e in entities.values()})
    classes = [c for c in CLASS_STYLES if c in present] + [c for c in present if c not in CLASS_STYLES]
    counts = {c: sum(1 for e in entities.values() if e["type"] == c) for c in classes}
    levels_present = {lvl for e in edges.values() for lvl in e["evidence_levels"]}
    diseases = sorted(
        (n for n, e in entities.items() if e["type"] == "Disease"),
        key=lambda n: (entities[n]["label_en"].casefold(), n),
    )
    predicates = sorted({e["predicate"] for e in edges.values()} | {str(c.get("predicate")) for c in claims.values()})
    flag_kinds = sorted(
        {str(f.get("kind")) for c in claims.values() for f in c.get("flags") or []}
        | {str(f.get("kind")) for e in entities.values() for f in e["flags"]}
    )
    return {
        "lang": lang,
        "graph_name": str(G.graph.get("name", "MechKG")),
        "vis": network,
        "entities": entities,
        "edges": edges,
        "claims": {str(cid): _plain(claims[cid]) for cid in sorted(claims, key=str)},
        "sources": {str(sid): _plain(sources[sid]) for sid in sorted(sources, key=str)},
        "classes": [_class_entry(c, counts[c]) for c in classes],
        "signs": [{"sign": s, **SIGN_STYLES[s]} for s in (1, -1, 0)],
        "evidence_levels": [
            {"name": name, "label_en": en, "label_zh": zh} for name, (en, zh) in EVIDENCE_LEVELS.items() if name in levels_present
        ]
        + [{"name": name, "label_en": name, "label_zh": name} for name in sorted(levels_present - EVIDENCE_LEVELS.keys())],
        "predicates": {p: _labels(p, _PREDICATE_LABELS) for p in predicates},
        "flag_kinds": {k: _labels(k, _FLAG_KINDS) for k in flag_kinds},
        "diseases": diseases,
        "highlight": _highlight(G, highlight_paths),
    }


def _entity(node: Any, attrs: Mapping[str, Any], degree: int) -> dict[str, Any]:
    entity = {
        "id": str(node),
        "label_en": str(attrs.get("label_en") or node),
        "label_zh": str(attrs.get("label_zh") or attrs.get("label_en") or node),
        "type": str(attrs.get("type") or "Entity"),
        "iri": attrs.get("iri"),
        "xrefs": attrs.get("xrefs") or [],
        "synonyms": attrs.get("synonyms") or [],
        "definition": attrs.get("definition"),
        "ungrounded": attrs.get("ungrounded"),
        "broader": attrs.get("broader") or [],
        "notes": attrs.get("notes"),
        "flags": attrs.get("flags") or [],
        "properties": attrs.get("properties") or {},
        "degree": degree,
        "claims": [],
    }
    return _plain(entity)


def _edge_id(u: Any, key: Any, v: Any) -> str:
    return f"{u}|{key}|{v}"


def _edge(u: Any, key: Any, v: Any, attrs: Mapping[str, Any]) -> dict[str, Any]:
    return _plain(
        {
            "id": _edge_id(u, key, v),
            "from": str(u),
            "to": str(v),
            "predicate": str(attrs.get("predicate") or key),
            "sign": _sign(attrs.get("sign")),
            "causal": bool(attrs.get("causal", False)),
            "claims": sorted(str(c) for c in attrs.get("claims") or []),
            "aspects": sorted({str(a) for a in attrs.get("aspects") or [] if a is not None}),
            "diseases": sorted({str(d) for d in attrs.get("diseases") or []}),
            "confidence": attrs.get("confidence"),
            "evidence_levels": sorted({str(e) for e in attrs.get("evidence_levels") or []}),
            "flagged": bool(attrs.get("flagged", False)),
        }
    )


def _sign(value: Any) -> int:
    sign = int(value or 0)
    return (sign > 0) - (sign < 0)


def _labels(name: str, table: Mapping[str, tuple[str, str]]) -> dict[str, str]:
    en, zh = table.get(name, (name, name))
    return {"label_en": en, "label_zh": zh}


def _class_entry(name: str, count: int) -> dict[str, Any]:
    style = CLASS_STYLES.get(name)
    if style is None:
        style = ClassStyle(_OTHER_CLASS.color, _OTHER_CLASS.shape, name, name)
    return {
        "name": name,
        "color": style.color,
        "shape": style.shape,
        "label_en": style.label_en,
        "label_zh": style.label_zh,
        "count": count,
    }


def _vis_network(G: nx.MultiDiGraph, node_ids: list[Any], edge_keys: list[tuple[Any, Any, Any]]) -> dict[str, Any]:
    """The vis-network nodes, edges and options, made with pyvis."""
    positions = spring_positions(G)
    net = Network(directed=True)
    net.toggle_physics(False)
    for node in node_ids:
        attrs = G.nodes[node]
        style = CLASS_STYLES.get(str(attrs.get("type")), _OTHER_CLASS)
        x, y = positions[node]
        degree = G.degree(node)
        net.add_node(
            str(node),
            label=str(attrs.get("label_en") or node),
            shape=style.shape,
            color={
                "background": style.color,
                "border": "#444444",
                "highlight": {"background": style.color, "border": "#000000"},
                "hover": {"background": style.color, "border": "#000000"},
            },
            size=round(min(12 + 5 * math.sqrt(degree), 45), 2),
            x=x,
            y=y,
            borderWidth=2 if attrs.get("flags") else 1,
            shapeProperties={"borderDashes": [4, 3]} if attrs.get("flags") else {"borderDashes": False},
        )
    siblings: dict[tuple[str, str], list[str]] = {}
    for u, v, k in edge_keys:
        siblings.setdefault(_pair(u, v), []).append(_edge_id(u, k, v))
    for u, v, k in edge_keys:
        attrs = G.edges[u, v, k]
        edge_id = _edge_id(u, k, v)
        style = SIGN_STYLES[_sign(attrs.get("sign"))]
        group = siblings[_pair(u, v)]
        smooth: dict[str, Any] | bool = False
        if len(group) > 1 or u == v:
            smooth = {"enabled": True, "type": "curvedCW", "roundness": round(0.15 * (group.index(edge_id) + 1), 2)}
        n_claims = len(attrs.get("claims") or [])
        net.add_edge(
            str(u),
            str(v),
            id=edge_id,
            arrows={"to": {"enabled": True, "type": style["arrow"], "scaleFactor": 0.8}},
            color={"color": style["color"], "highlight": style["color"], "hover": style["color"], "opacity": 1.0},
            dashes=not attrs.get("causal", False),
            width=round(1 + min(n_claims, 8) * 0.5, 2),
            smooth=smooth,
        )
    options = json.loads(net.options.to_json())
    options.update(
        {
            "autoResize": True,
            "layout": {"improvedLayout": False, "randomSeed": 1},
            "interaction": {
                "hover": True,
                "tooltipDelay": 200,
                "multiselect": True,
                "navigationButtons": False,
                "keyboard": False,
            },
            "nodes": {
                "font": {
                    "size": 14,
                    "face": "'Noto Sans CJK TC', 'PingFang TC', 'Microsoft JhengHei', system-ui, sans-serif",
                    "strokeWidth": 3,
                    "strokeColor": "#ffffff",
                },
            },
            "edges": {
                "arrowStrikethrough": False,
                "font": {"size": 10, "align": "middle", "color": "#444444", "strokeWidth": 3},
                "selectionWidth": 2,
                "smooth": False,
            },
        }
    )
    options["physics"].update({"solver": "forceAtlas2Based", "stabilization": {"enabled": False}})
    nodes, edges, _heading, _height, _width, _options = net.get_network_data()
    return _plain({"nodes": nodes, "edges": edges, "options": options})


def _pair(u: Any, v: Any) -> tuple[str, str]:
    """The unordered pair of two node ids, as a key for the edges that join them."""
    a, b = str(u), str(v)
    return (a, b) if a <= b else (b, a)


def _highlight(G: nx.MultiDiGraph, paths: Iterable[Sequence[Any]] | None) -> dict[str, list[str]]:
    nodes: set[str] = set()
    edges: set[str] = set()
    for path in paths or ():
        steps = list(path)
        if all(isinstance(step, str) for step in steps):
            for node in steps:
                if node not in G:
                    raise UnknownEntity(node, [])
            nodes.update(steps)
            for a, b in itertools.pairwise(steps):
                found = [(a, k, b) for k in G[a].get(b, {})] or [(b, k, a) for k in G[b].get(a, {})]
                if not found:
                    raise MechKGError(f"no edge joins {a!r} and {b!r} in the highlighted path {steps!r}")
                edges.update(_edge_id(*e) for e in found)
        else:
            for step in steps:
                if not (isinstance(step, Sequence) and len(step) == 3):
                    raise MechKGError(f"a highlighted path step must be (subject, predicate, object), not {step!r}")
                u, key, v = step
                if not G.has_edge(u, v, key):
                    raise MechKGError(f"no edge {u} -{key}-> {v} in the graph (highlighted path {steps!r})")
                nodes.update((str(u), str(v)))
                edges.add(_edge_id(u, key, v))
    return {"nodes": sorted(nodes), "edges": sorted(edges)}


def _plain(value: Any) -> Any:
    """``value`` as plain JSON data with a fixed order: sets sorted, unknown objects as ``str``."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return [_plain(v) for v in sorted(value, key=str)]
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return str(value)


# -- template ----------------------------------------------------------------------------------


def _read_template_file(name: str) -> str:
    return (resources.files(__package__) / "templates" / name).read_text(encoding="utf-8")


@cache
def _inline_resource(name: str) -> str:
    text = _read_template_file(name)
    closing = "</style" if name.endswith(".css") else "</script"
    for bad in (closing, "<!--"):
        if bad in text.lower():
            raise MechKGError(f"graph/templates/{name} contains {bad!r} and cannot be inlined")
    return text


@cache
def _environment() -> Environment:
    return Environment(
        loader=FunctionLoader(_read_template_file),
        autoescape=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
