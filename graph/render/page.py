"""The explorer page: one self-contained HTML file that shows the MechKG graph offline.

``explorer_html(G)`` turns the :class:`networkx.MultiDiGraph` built by ``mechkg.network.build`` into
a single page that works from ``file://`` with no network: vis-network 9.1.2 (vendored in
``graph/render/templates/vendor``, see its README) and the page's own CSS and JavaScript are inlined,
and every datum travels in one ``<script type="application/json">`` block that the page reads
with ``JSON.parse`` and shows with ``textContent``, never as HTML.

pyvis makes the vis-network node and edge option dicts (:class:`pyvis.network.Network`
``add_node`` / ``add_edge``, and its option defaults); the page itself comes from our own
Jinja template, because pyvis' templates do not escape their data and load Bootstrap and
vis-network from CDNs.

The paths panel reads ``DATA.paths``: ``[{"therapy", "disease", "paths": [record, ...]}]``, one
entry per therapy-disease pair that has a mechanism path (top 3 each, made in the build by
:func:`pair_paths` with :func:`mechkg.paths.search.mechanism_paths`), where a record is
``{"nodes": [id, ...], "edges": ["subject|predicate|object", ...], "net_sign", "score"}``
(:func:`path_record`). ``explorer_html(G, highlight_paths=...)`` opens the page on given paths
(``mechkg path --format html``). Above :data:`MAX_PAGE_NODES` nodes :func:`explorer_pages` writes
an overview plus one page per disease.

The layout is computed in the build, deterministically (:func:`mechkg.render.layout.spring_positions`:
disease-centred clusters, compiled Fruchterman-Reingold), so the page opens at once on a still
picture and the same graph always gives the same bytes.

>>> from mechkg.network.assemble import assemble
>>> from mechkg.network.evidence import EntityNode
>>> G = assemble(
...     [EntityNode("MSC", "CellType", "mesenchymal stem cell", "間充質幹細胞", "urn:MSC"),
...      EntityNode("TGFB1", "GeneProduct", "TGF-β1", "轉化生長因子-β1", "urn:TGFB1")],
...     [], [("MSC", "secretes", "TGFB1")])
>>> page = explorer_html(G, title="MechKG <demo>")
>>> page.startswith("<!DOCTYPE html>") and "<title>MechKG &lt;demo&gt;</title>" in page
True
>>> "間充質幹細胞" in page and "https://cdn" not in page
True
>>> explorer_html(G, title="MechKG <demo>") == page
True
"""

from __future__ import annotations

import html
import itertools
import json
import math
import os
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

from mechkg.errors import MechKGError, UnknownEntity
from mechkg.files import write_file_atomically
from mechkg.network.assemble import edge_of, node_of
from mechkg.network.evidence import Claim, Edge, Source
from mechkg.paths.table import PairPaths
from mechkg.render.layout import spring_positions
from mechkg.views.claims import claim_json, source_json
from mechkg.views.edges import edge_json
from mechkg.views.entity import node_json

__all__ = [
    "CLASS_STYLES",
    "EVIDENCE_LEVELS",
    "MAX_PAGE_NODES",
    "SIGN_STYLES",
    "ClassStyle",
    "disease_subgraph",
    "explorer_html",
    "explorer_pages",
    "json_for_script",
    "pair_paths",
    "path_record",
    "spring_positions",
    "write_explorer",
]

#: Above this many nodes the build writes an overview page plus one page per disease.
MAX_PAGE_NODES = 3000

VIS_NETWORK_VERSION = "9.1.2"


@dataclass(frozen=True, slots=True)
class ClassStyle:
    """How nodes of one entity class look (their names come from the ontology, via ``G.graph["classes"]``)."""

    color: str
    shape: str  # a vis-network shape whose label sits outside it, so ``size`` applies


#: Colour and shape of each entity class, in legend order.
CLASS_STYLES: Mapping[str, ClassStyle] = {
    "Disease": ClassStyle("#d62728", "diamond"),
    "Phenotype": ClassStyle("#ff9896", "triangleDown"),
    "CellType": ClassStyle("#1f77b4", "dot"),
    "GeneProduct": ClassStyle("#ff7f0e", "dot"),
    "ProteinFamilyOrComplex": ClassStyle("#ffbb78", "hexagon"),
    "MicroRNA": ClassStyle("#9467bd", "triangle"),
    "LncRNA": ClassStyle("#c5b0d5", "triangle"),
    "BiologicalProcess": ClassStyle("#17becf", "square"),
    "Pathway": ClassStyle("#9edae5", "square"),
    "ExtracellularVesicle": ClassStyle("#aec7e8", "hexagon"),
    "Therapy": ClassStyle("#2ca02c", "star"),
    "Drug": ClassStyle("#98df8a", "star"),
    "ChemicalEntity": ClassStyle("#bcbd22", "triangle"),
    "ClinicalStudy": ClassStyle("#8c564b", "square"),
    "ClinicalMeasure": ClassStyle("#c49c94", "triangleDown"),
    "AnatomicalEntity": ClassStyle("#e377c2", "hexagon"),
    "Exposure": ClassStyle("#7f7f7f", "diamond"),
    "OrganismTaxon": ClassStyle("#f7b6d2", "dot"),
}
_OTHER_CLASS = ClassStyle("#c7c7c7", "dot")
_FONT_SIZES = {"Disease": 34, "Therapy": 22}

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
    highlight_paths: Iterable[Any] | None = None,
    lang: str = "en",
    paths: Iterable[Mapping[str, Any]] | Mapping[tuple[str, str], Iterable[Any]] | None = None,
    links: Sequence[tuple[str, str]] = (),
) -> str:
    """Render ``G`` as one self-contained, offline HTML page, identical for identical graphs.

    ``highlight_paths`` are paths to emphasise; the page opens on them, highlighted on the graph
    and listed hop by hop with their evidence in the side panel. Each is any form that
    :func:`path_record` accepts: a path of :mod:`mechkg.paths.search` (or its JSON), a sequence of node
    ids (every edge from one node to the next, or the reverse edges where there is none) or a
    sequence of ``(subject, predicate, object)`` edge keys.

    ``paths`` is the table behind the page's *paths panel* (pick a disease and a therapy, see
    their top mechanism paths): either ``{(therapy, disease): [path, ...]}`` or a list of
    ``{"therapy": id, "disease": id, "paths": [path, ...]}`` (see :func:`pair_paths`, which
    makes it in the build). ``links`` are ``(label, href)`` pairs shown in the top bar (the
    per-disease pages link each other this way). ``lang`` (``"en"`` or ``"zh-Hant"``) is the
    language the page opens in; the reader can switch.
    """
    if lang not in _LANGS:
        raise ValueError(f"lang must be 'en' or 'zh-Hant', not {lang!r}")
    data = _page_data(G, highlight_paths=highlight_paths, lang=_LANGS[lang])
    data["paths"] = _pair_table(G, paths)
    data["links"] = [{"label": str(label), "href": str(href)} for label, href in links]
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
    write_file_atomically(Path(path), explorer_html(G, **kwargs).encode("utf-8"))


def disease_subgraph(G: nx.MultiDiGraph, disease: str) -> nx.MultiDiGraph:
    """The part of ``G`` about ``disease``, for a per-disease page.

    The edges whose claims name ``disease`` as their context, the edges touching it (its studies
    among them) and the nodes they join; ``G.graph`` (claims, sources, labels) is shared.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("A", "B", key="increases", diseases=["SLE"]); _ = G.add_edge("B", "SLE", key="contributesTo", diseases=[])
    >>> _ = G.add_edge("C", "RA", key="contributesTo", diseases=["RA"])
    >>> sorted(disease_subgraph(G, "SLE"))
    ['A', 'B', 'SLE']
    """
    keep = [
        (u, v, k) for u, v, k, diseases in G.edges(keys=True, data="diseases") if disease in (diseases or ()) or disease in (u, v)
    ]
    H = G.edge_subgraph(keep).copy() if keep else nx.MultiDiGraph()
    H.add_node(disease, **G.nodes[disease])
    H.graph.update(G.graph)
    H.graph["name"] = f"{G.graph.get('name', 'MechKG')}: {G.nodes[disease].get('label_en') or disease}"
    return H


def explorer_pages(
    G: nx.MultiDiGraph,
    *,
    max_nodes: int = MAX_PAGE_NODES,
    paths: Iterable[Mapping[str, Any]] | None = None,
    name: str = "mechkg",
    title: str = "MechKG",
    lang: str = "en",
) -> dict[str, str]:
    """The explorer as pages, file name -> HTML: one page, or an overview plus one per disease.

    Up to ``max_nodes`` nodes, ``{"<name>.html": page}``. Beyond, one unusable hairball is
    avoided: ``<name>.html`` becomes an overview (the diseases, therapies and every node that
    touches a disease or a therapy, best connected first, up to ``max_nodes``; with links to
    the other pages) and each disease gets
    ``<name>-<disease id>.html`` with :func:`disease_subgraph`. Every page carries the paths
    panel for the pairs that lie in it.
    """
    table = list(paths or ())
    if G.number_of_nodes() <= max_nodes:
        return {f"{name}.html": explorer_html(G, title=title, lang=lang, paths=table)}
    diseases = sorted((n for n, t in G.nodes(data="type") if t == "Disease"), key=str)
    files = {d: f"{name}-{_file_safe(d)}.html" for d in diseases}
    links = [(str(G.nodes[d].get("label_en") or d), href) for d, href in files.items()]
    pages: dict[str, str] = {}
    for disease, file in files.items():
        sub = disease_subgraph(G, disease)
        label = str(G.nodes[disease].get("label_en") or disease)
        pages[file] = explorer_html(
            sub, title=f"{title}: {label}", lang=lang, paths=table, links=[("overview", f"{name}.html"), *links]
        )
    anchors = {n for n, t in G.nodes(data="type") if t in ("Disease", "Therapy")}
    near: set[Any] = set()
    for u, v in G.edges():
        if u in anchors or v in anchors:
            near.update((u, v))
    # the diseases and therapies, and as many of their neighbours as fit, best connected first
    room = max(0, max_nodes - len(anchors))
    core = anchors | set(sorted(near - anchors, key=lambda n: (-G.degree(n), str(n)))[:room])
    overview = G.subgraph(core).copy()
    overview.graph.update(G.graph)
    pages[f"{name}.html"] = explorer_html(overview, title=f"{title} (overview)", lang=lang, paths=table, links=links)
    return dict(sorted(pages.items()))


def _file_safe(node: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in str(node))


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


# -- page data ---------------------------------------------------------------------------------


def _page_data(G: nx.MultiDiGraph, *, highlight_paths: Iterable[Any] | None, lang: str) -> dict[str, Any]:
    claims: Mapping[str, Claim] = G.graph.get("claims") or {}
    sources: Mapping[str, Source] = G.graph.get("sources") or {}
    node_ids = sorted(G.nodes, key=str)
    edge_keys = sorted(G.edges(keys=True), key=lambda e: (str(e[0]), str(e[2]), str(e[1])))

    entities = {str(n): _entity(G, n) for n in node_ids}
    roles: dict[str, dict[str, set[str]]] = {}
    for claim_id, claim in claims.items():
        for role, ref in (("subject", claim.subject), ("object", claim.object), ("study", claim.study)):
            if ref is not None and str(ref) in entities:
                roles.setdefault(str(ref), {}).setdefault(str(claim_id), set()).add(role)
    for node, by_claim in roles.items():
        entities[node]["claims"] = [{"claim": cid, "roles": sorted(by_claim[cid])} for cid in sorted(by_claim)]

    edges = {_edge_id(u, k, v): _edge(edge_of(G, u, v, k)) for u, v, k in edge_keys}
    network = _vis_network(G, node_ids, edge_keys)
    predicate_info, class_info = _ontology_labels(G)
    present = sorted({e["type"] for e in entities.values()})
    classes = [c for c in CLASS_STYLES if c in present] + [c for c in present if c not in CLASS_STYLES]
    counts = {c: sum(1 for e in entities.values() if e["type"] == c) for c in classes}
    levels_present = {lvl for e in edges.values() for lvl in e["evidence_levels"]}
    diseases = sorted(
        (n for n, e in entities.items() if e["type"] == "Disease"),
        key=lambda n: (entities[n]["label_en"].casefold(), n),
    )
    used = {c for e in edges.values() for c in e["claims"]} | {c["claim"] for e in entities.values() for c in e["claims"]}
    claims = {cid: claim for cid, claim in claims.items() if str(cid) in used}  # a per-disease page: its own claims
    predicates = sorted({e["predicate"] for e in edges.values()} | {c.predicate for c in claims.values()})
    class_entries = [_class_entry(c, counts[c], class_info) for c in classes]
    predicate_labels = {p: _predicate_labels(p, predicate_info) for p in predicates}
    flag_kinds = sorted(
        {f.kind for c in claims.values() for f in c.flags}
        | {str(f.get("kind")) for e in entities.values() for f in e["flags"]}
    )
    return {
        "lang": lang,
        "graph_name": str(G.graph.get("name", "MechKG")),
        "vis": network,
        "entities": entities,
        "edges": edges,
        "claims": {str(cid): _plain(claim_json(claims[cid])) for cid in sorted(claims, key=str)},
        "sources": {str(sid): source_json(sources[sid]) for sid in sorted(sources, key=str)},
        "classes": class_entries,
        "signs": [{"sign": s, **SIGN_STYLES[s]} for s in (1, -1, 0)],
        "evidence_levels": [
            {"name": name, "label_en": en, "label_zh": zh} for name, (en, zh) in EVIDENCE_LEVELS.items() if name in levels_present
        ]
        + [{"name": name, "label_en": name, "label_zh": name} for name in sorted(levels_present - EVIDENCE_LEVELS.keys())],
        "predicates": predicate_labels,
        "flag_kinds": {k: _labels(k, _FLAG_KINDS) for k in flag_kinds},
        "diseases": diseases,
        "highlight": _highlight(G, highlight_paths),
    }


def _entity(G: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    entity = node_json(node_of(G, node))
    entity["label_en"] = entity["label_en"] or node
    entity["label_zh"] = entity["label_zh"] or entity["label_en"]
    return _plain({**entity, "degree": G.degree(node), "claims": []})


def _edge_id(u: Any, key: Any, v: Any) -> str:
    return f"{u}|{key}|{v}"


def _edge(edge: Edge) -> dict[str, Any]:
    data = edge_json(edge)
    ends = {"from": data.pop("subject"), "to": data.pop("object")}
    return _plain({"id": _edge_id(edge.subject, edge.predicate, edge.object), **ends, **data})


def _sign(value: Any) -> int:
    sign = int(value or 0)
    return (sign > 0) - (sign < 0)


def _labels(name: str, table: Mapping[str, tuple[str, str]]) -> dict[str, str]:
    en, zh = table.get(name, (name, name))
    return {"label_en": en, "label_zh": zh}


def _ontology_labels(G: nx.MultiDiGraph) -> tuple[Mapping[str, Mapping[str, Any]], Mapping[str, Mapping[str, Any]]]:
    """Predicate and class labels (en, zh-Hant) from ``G.graph`` (set by mechkg.network.build), else from the ontology."""
    predicate_info = G.graph.get("predicates")
    class_info = G.graph.get("classes")
    if predicate_info is None or class_info is None:
        from mechkg.terms.ontology import class_labels, predicates

        if predicate_info is None:
            predicate_info = {n: {"label_en": i.label_en, "label_zh": i.label_zh} for n, i in predicates().items()}
        if class_info is None:
            class_info = {n: {"label_en": en, "label_zh": zh} for n, (en, zh) in class_labels().items()}
    return predicate_info, class_info


def _predicate_labels(name: str, info: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    entry = info.get(name) or {}
    return {
        "label_en": str(entry.get("label_en") or name),
        "label_zh": str(entry.get("label_zh") or entry.get("label_en") or name),
    }


def _class_entry(name: str, count: int, info: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    style = CLASS_STYLES.get(name, _OTHER_CLASS)
    entry = info.get(name) or {}
    return {
        "name": name,
        "color": style.color,
        "shape": style.shape,
        "label_en": str(entry.get("label_en") or name),
        "label_zh": str(entry.get("label_zh") or entry.get("label_en") or name),
        "count": count,
    }


def _vis_network(G: nx.MultiDiGraph, node_ids: list[Any], edge_keys: list[tuple[Any, Any, Any]]) -> dict[str, Any]:
    """The vis-network nodes, edges and options, made with pyvis."""
    positions = spring_positions(G, scale=100.0)
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
            # disease and therapy names stay legible when the whole graph is in view
            font={"size": _FONT_SIZES.get(str(attrs.get("type")), 14)},
            shapeProperties={"borderDashes": [4, 3]} if attrs.get("flags") else {"borderDashes": False},
        )
    siblings: dict[tuple[str, str], list[str]] = {}
    for u, v, k in edge_keys:
        siblings.setdefault(_pair(u, v), []).append(_edge_id(u, k, v))
    for u, v, k in edge_keys:
        attrs = G.edges[u, v, k]
        edge_id = _edge_id(u, k, v)
        group = siblings[_pair(u, v)]
        smooth: dict[str, Any] | bool = False
        if len(group) > 1 or u == v:
            smooth = {"enabled": True, "type": "curvedCW", "roundness": round(0.15 * (group.index(edge_id) + 1), 2)}
        n_claims = len(attrs.get("claims") or [])
        # colour and arrow head come from the edge's sign (DATA.signs) in explorer.js, so that
        # 20,000 edges do not each carry the same style objects (3 MB of the page)
        extra: dict[str, Any] = {"dashes": True} if not attrs.get("causal", False) else {}
        if smooth:
            extra["smooth"] = smooth
        net.add_edge(str(u), str(v), id=edge_id, width=round(1 + min(n_claims, 8) * 0.5, 2), **extra)
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


def path_record(G: nx.MultiDiGraph, path: Any) -> dict[str, Any]:
    """One path as the page stores it: ``{"nodes", "edges", "net_sign", "score"}``.

    This is the page's path data shape (``DATA.paths[i].paths[j]`` and ``DATA.highlight.paths[j]``
    in ``explorer.js``): ``nodes`` the node ids in walking order, ``edges`` the ids
    ``"subject|predicate|object"`` of the edges walked (a hop may walk an edge against its
    direction in exploratory mode), ``net_sign`` the product of the edge signs (-1: the therapy
    counteracts the disease) or ``None``, ``score`` a number or ``None``.

    ``path`` may be a mapping or an object (e.g. a dataclass of :mod:`mechkg.paths.search`, or its
    ``to_dict()`` / ``as_dict()``) with ``edges`` (each ``{"subject", "predicate", "object"}``,
    an object with those attributes, a ``(subject, predicate, object)`` triple or an edge id)
    and optional ``nodes`` (ids or ``{"id"}``), ``net_sign`` and ``score`` (a number, or a
    mapping with ``"total"``); or a plain sequence of node ids or of triples.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("T", "X", key="secretes", sign=1); _ = G.add_edge("X", "D", key="decreases", sign=-1)
    >>> path_record(G, ["T", "X", "D"])
    {'nodes': ['T', 'X', 'D'], 'edges': ['T|secretes|X', 'X|decreases|D'], 'net_sign': -1, 'score': None}
    >>> path_record(G, {"edges": [{"subject": "T", "predicate": "secretes", "object": "X"}], "score": {"total": 0.5}})
    {'nodes': ['T', 'X'], 'edges': ['T|secretes|X'], 'net_sign': 1, 'score': 0.5}
    """
    for method in ("to_dict", "as_dict", "model_dump"):
        if hasattr(path, method) and not isinstance(path, Mapping):
            path = getattr(path, method)()
            break
    if isinstance(path, Mapping) or hasattr(path, "edges") or hasattr(path, "hops"):
        get = path.get if isinstance(path, Mapping) else lambda k, d=None: getattr(path, k, d)
        steps = get("edges") or get("hops") or ()
        # entry/exit hops along ``broader`` are node attributes, not edges: they are not drawn
        triples = [t for t in (_triple(step) for step in steps) if t[1] != "broader" or G.has_edge(t[0], t[2], t[1])]
        node_ids = [str(n.get("id") if isinstance(n, Mapping) else getattr(n, "id", n)) for n in get("nodes") or ()]
        net_sign, score = get("net_sign"), get("score")
        if score is not None and not isinstance(score, (int, float, Mapping)):
            score = getattr(score, "total", None)
    else:
        steps = list(path)
        if steps and all(isinstance(step, str) and (step in G or step.count("|") != 2) for step in steps):
            return _node_path(G, [str(n) for n in steps])
        triples = [_triple(step) for step in steps]
        node_ids, net_sign, score = [], None, None
    edges = []
    for u, key, v in triples:
        if not G.has_edge(u, v, key):
            raise MechKGError(f"no edge {u} -{key}-> {v} in the graph (path {path!r})")
        edges.append(_edge_id(u, key, v))
    if not node_ids:
        node_ids = _walk(triples)
    for node in node_ids:
        if node not in G:
            raise UnknownEntity(node, [])
    given = ("net_sign" in path) if isinstance(path, Mapping) else hasattr(path, "net_sign")
    if not given:
        net_sign = _net_sign(G, triples)  # the product of the causal edges' signs
    if isinstance(score, Mapping):
        score = score.get("total")
    return {
        "nodes": node_ids,
        "edges": edges,
        "net_sign": None if net_sign is None else _sign(net_sign),
        "score": None if score is None else round(float(score), 6),
    }


def _triple(step: Any) -> tuple[str, str, str]:
    if isinstance(step, str) and step.count("|") == 2:
        u, key, v = step.split("|")
        return u, key, v
    if isinstance(step, Mapping):
        return str(step["subject"]), str(step["predicate"]), str(step["object"])
    if hasattr(step, "key") and isinstance(step.key, tuple) and len(step.key) == 3:
        return str(step.key[0]), str(step.key[1]), str(step.key[2])
    if all(hasattr(step, a) for a in ("subject", "predicate", "object")):
        return str(step.subject), str(step.predicate), str(step.object)
    if isinstance(step, Sequence) and not isinstance(step, str) and len(step) == 3:
        return str(step[0]), str(step[1]), str(step[2])
    raise MechKGError(f"a path step must be (subject, predicate, object), not {step!r}")


def _walk(triples: list[tuple[str, str, str]]) -> list[str]:
    """The node ids along edges given in walking order, whichever way each edge points."""
    if not triples:
        return []
    first, second = triples[0], triples[1] if len(triples) > 1 else None
    start = first[2] if second and first[2] not in (second[0], second[2]) else first[0]
    nodes = [start]
    for u, _key, v in triples:
        nodes.append(v if nodes[-1] == u else u)
    return nodes


def _node_path(G: nx.MultiDiGraph, steps: list[str]) -> dict[str, Any]:
    for node in steps:
        if node not in G:
            raise UnknownEntity(node, [])
    edges: list[str] = []
    walked: list[tuple[str, str, str]] = []
    for a, b in itertools.pairwise(steps):
        found = [(a, k, b) for k in sorted(G[a].get(b, {}), key=str)] or [(b, k, a) for k in sorted(G[b].get(a, {}), key=str)]
        if not found:
            raise MechKGError(f"no edge joins {a!r} and {b!r} in the highlighted path {steps!r}")
        edges.extend(_edge_id(*e) for e in found)
        walked.append(found[0])
    return {"nodes": steps, "edges": edges, "net_sign": _net_sign(G, walked), "score": None}


def _net_sign(G: nx.MultiDiGraph, triples: Sequence[tuple[str, str, str]]) -> int | None:
    """The product of the signs of the causal edges walked, or None when no edge is causal.

    ``uses`` and other structural edges do not count.
    """
    signs = [_sign(G.edges[u, v, k].get("sign")) for u, k, v in triples if G.edges[u, v, k].get("causal", True)]
    return math.prod(signs) if signs else None


def _highlight(G: nx.MultiDiGraph, paths: Iterable[Any] | None) -> dict[str, Any]:
    records = [path_record(G, path) for path in paths or ()]
    return {
        "nodes": sorted({n for r in records for n in r["nodes"]}),
        "edges": sorted({e for r in records for e in r["edges"]}),
        "paths": records,
    }


def _pair_table(
    G: nx.MultiDiGraph, paths: Iterable[Mapping[str, Any]] | Mapping[tuple[str, str], Iterable[Any]] | None
) -> list[dict[str, Any]]:
    """The paths panel's data: ``[{"therapy", "disease", "paths": [path_record, ...]}]``, sorted, no empty pairs."""
    if not paths:
        return []
    if isinstance(paths, Mapping):
        entries = [{"therapy": t, "disease": d, "paths": found} for (t, d), found in paths.items()]
    else:
        entries = list(paths)
    table = []
    for entry in entries:
        therapy, disease = str(entry["therapy"]), str(entry["disease"])
        if therapy not in G or disease not in G:
            continue  # a pair outside this page (a per-disease page gets the whole table)
        try:
            records = [path_record(G, p) for p in entry["paths"]]
        except (MechKGError, UnknownEntity):
            continue  # a path that leaves this page's subgraph
        if records:
            table.append({"therapy": therapy, "disease": disease, "paths": records})
    return sorted(table, key=lambda e: (e["disease"], e["therapy"]))


def pair_paths(G: nx.MultiDiGraph, table: Iterable[PairPaths]) -> list[dict[str, Any]]:
    """The page's paths table (what ``explorer_html(paths=...)`` takes) from the build's :func:`mechkg.paths.table.pair_table`."""
    return [{"therapy": row.therapy, "disease": row.disease, "paths": [path_record(G, p) for p in row.paths]} for row in table]


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
            raise MechKGError(f"graph/render/templates/{name} contains {bad!r} and cannot be inlined")
    return text


@cache
def _environment() -> Environment:
    return Environment(
        loader=FunctionLoader(_read_template_file),
        autoescape=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
