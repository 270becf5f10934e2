"""Tests of the explorer page (graph/render/page.py) on a small hand-built graph."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from mechkg.errors import MechKGError, UnknownEntity
from mechkg.network.assemble import assemble
from mechkg.network.evidence import Arm, Claim, EntityNode, Figure, Flag, Source, Study, Xref
from mechkg.paths.defaults import TABLE_K
from mechkg.paths.table import pair_table
from mechkg.render import page as explorer
from mechkg.render.page import explorer_html, json_for_script, spring_positions, write_explorer
from mechkg.views.claims import claim_json

TEMPLATES = Path(explorer.__file__).parent / "templates"
XSS = "<img src=x onerror=alert(1)></script><script>alert(1)</script><!--"
ECO_REVIEW = "ECO:0000304"


def _claim(cid: str, s: str, p: str, o: str, sign: int, quote: str, statement: str, **extra: Any) -> Claim:
    fields: dict[str, Any] = {
        "section": "干細胞治療SLE的機制",
        "source": "hangji2024",
        "evidence": ECO_REVIEW,
        "evidence_level": "review_assertion",
        "disease": ("SLE",),
        "confidence": 0.8,
    }
    fields.update(extra)
    fields["flags"] = tuple(Flag(**f) for f in fields.get("flags", ()))
    return Claim(cid, s, p, o, sign, quote=quote, statement=statement, **fields)


def _node(nid: str, en: str, zh: str, cls: str, **extra: Any) -> EntityNode:
    extra["xrefs"] = tuple(Xref(x["curie"], x["match"], x["url"], "") for x in extra.get("xrefs", ()))
    extra["synonyms"] = tuple(extra.get("synonyms", ()))
    return EntityNode(nid, cls, en, zh, f"https://w3id.org/mechkg/entity/{nid}", **extra)


def build_graph(probe: str | None = None) -> nx.MultiDiGraph:
    """MSC -secretes-> TGFB1 -decreases-> TH17 -contributesTo-> SLE, a therapy and its study.

    With ``probe``, the probe string is put in a label, a quote, a note and a source title.
    """
    claims = [
        _claim(
            "sle-msc-secretes-tgfb1",
            "MSC",
            "secretes",
            "TGFB1",
            1,
            "間充質干細胞分泌TGF-β1",
            "MSCs secrete TGF-β1.",
            aspect="secretion",
            evidence="ECO:0007122",
            evidence_level="in_vitro",
        ),
        _claim(
            "sle-tgfb1-decreases-th17",
            "TGFB1",
            "decreases",
            "TH17",
            -1,
            "TGF-β1抑制Th17細胞分化",
            "TGF-β1 inhibits Th17 differentiation.",
            aspect="differentiation",
            evidence="ECO:0007120",
            evidence_level="animal_model",
            species="MOUSE",
            model="MRL/lpr mice",
            notes=probe,
        ),
        _claim(
            "sle-th17-contributes",
            "TH17",
            "contributesTo",
            "SLE",
            1,
            probe or "Th17細胞促進SLE發病",
            "Th17 cells drive SLE.",
            flags=[{"kind": "overstated", "note": "the review cites no study", "intended": "Th17細胞可能參與SLE"}],
            confidence=0.5,
        ),
        _claim(
            "sle-ucmsc-ameliorates",
            "UC_MSC_THERAPY",
            "ameliorates",
            "SLE",
            -1,
            "臍帶間充質干細胞治療使SLEDAI評分顯著下降",
            "UC-MSC therapy lowers SLEDAI.",
            evidence="ECO:0006017",
            evidence_level="human_trial",
            species="HUMAN",
            model="refractory SLE patients",
            study="STUDY_SLE_UCMSC",
        ),
    ]
    source = Source(
        "hangji2024",
        title_zh="干細胞及其分泌的外泌體治療自身免疫性疾病的機制",
        title_en=probe or "Mechanisms of stem cells and their exosomes in treating autoimmune diseases",
    )
    nodes = [
        _node(
            "MSC",
            "mesenchymal stem cell",
            "間充質干細胞",
            "CellType",
            synonyms=["MSCs", "间充质干细胞"],
            xrefs=[
                {
                    "curie": "CL:0000134",
                    "label": "mesenchymal stem cell",
                    "match": "exact",
                    "url": "http://purl.obolibrary.org/obo/CL_0000134",
                }
            ],
        ),
        _node(
            "TGFB1",
            "transforming growth factor beta 1",
            "轉化生長因子-β1",
            "GeneProduct",
            synonyms=["TGF-β1"],
            definition="A cytokine that suppresses Th17 differentiation.",
            xrefs=[{"curie": "HGNC:11766", "label": "TGFB1", "match": "exact", "url": "javascript:alert(1)"}],
        ),
        _node("TH17", probe or "T helper 17 cell", "輔助性T細胞17", "CellType", synonyms=["Th17"]),
        _node("SLE", "systemic lupus erythematosus", "系統性紅斑狼瘡", "Disease", synonyms=["SLE", "紅斑狼瘡"]),
        _node(
            "UC_MSC_THERAPY",
            "umbilical-cord MSC therapy",
            "臍帶間充質干細胞治療",
            "Therapy",
            properties={"kind": "cell_therapy", "origin": "allogeneic"},
        ),
        _node("SLEDAI", "SLE disease activity index", "SLE疾病活動指數", "ClinicalMeasure"),
        _node(
            "STUDY_SLE_UCMSC",
            "UC-MSC trial in refractory SLE",
            "臍帶MSC治療難治性SLE臨床試驗",
            "ClinicalStudy",
            study=Study(
                n=40,
                design="multicentre clinical trial",
                year=2010,
                journal="Ann Rheum Dis",
                quote="這是一項多中心臨床試驗",
                arms=(Arm("ucmsc", "UC-MSC infusion", 40, "UC_MSC_THERAPY", "40名患者接受臍帶間充質干細胞輸注"),),
                figures=(
                    Figure(
                        "sledai-drop",
                        "SLEDAI",
                        12.0,
                        "points",
                        "12 months",
                        "decreased",
                        "SLEDAI評分顯著下降",
                        "sle-ucmsc-ameliorates",
                    ),
                ),
            ),
        ),
        _node("HUMAN", "human", "人", "OrganismTaxon"),
        _node("MOUSE", "mouse", "小鼠", "OrganismTaxon"),
        _node("DRUG_X", "isolated drug", "孤立藥物", "Drug"),
    ]
    structural = [("UC_MSC_THERAPY", "uses", "MSC"), ("UC_MSC_THERAPY", "studiedIn", "STUDY_SLE_UCMSC"),
                  ("SLE", "studiedIn", "STUDY_SLE_UCMSC")]  # fmt: skip
    return assemble(nodes, claims, [*(c.triple for c in claims), *structural], sources=[source])


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return build_graph()


@pytest.fixture
def page(graph: nx.MultiDiGraph) -> str:
    return explorer_html(graph)


class _Tags(HTMLParser):
    """Collects start tags and the text of each <script> element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.title = ""
        self._in: str | None = None
        self._attrs: dict[str, str | None] = {}
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "title"):
            self._in, self._attrs, self._text = tag, dict(attrs), []

    def handle_data(self, data: str) -> None:
        if self._in:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in == "script":
            self.scripts.append((self._attrs, "".join(self._text)))
        elif tag == self._in == "title":
            self.title = "".join(self._text)
        if tag == self._in:
            self._in = None


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser


def _data_block(page: str) -> tuple[str, dict[str, Any]]:
    blocks = [text for attrs, text in _parse(page).scripts if attrs.get("type") == "application/json"]
    assert len(blocks) == 1
    return blocks[0], json.loads(blocks[0])


def test_page_is_self_contained(page: str) -> None:
    parsed = _parse(page)
    for tag, attrs in parsed.tags:
        if tag in ("script", "link", "img", "iframe"):
            for name in ("src", "href"):
                value = attrs.get(name) or ""
                assert not re.match(r"\s*(https?:)?//", value, re.I), (tag, attrs)
    assert not any(tag == "link" for tag, _ in parsed.tags)
    assert not any(attrs.get("src") for tag, attrs in parsed.tags if tag == "script")
    assert "cdn" not in page  # (case-sensitive: base64 icons in vis-network.css contain 'cDn')
    assert not re.search(r"cdnjs|jsdelivr|unpkg|bootstrap", page, re.I)
    assert '<meta charset="utf-8">' in page
    assert page.startswith("<!DOCTYPE html>")


def test_vis_network_is_inlined(page: str) -> None:
    vis_js = (TEMPLATES / "vendor" / "vis-network-9.1.2.min.js").read_text(encoding="utf-8")
    vis_css = (TEMPLATES / "vendor" / "vis-network-9.1.2.css").read_text(encoding="utf-8")
    assert vis_js in page and vis_css in page
    scripts = [text for attrs, text in _parse(page).scripts if "type" not in attrs]
    assert len(scripts) == 2
    assert "@version 9.1.2" in scripts[0]
    assert "new vis.Network(" in scripts[1]


def test_vendored_files_are_the_recorded_ones() -> None:
    readme = (TEMPLATES / "README.md").read_text(encoding="utf-8")
    for name in ("vis-network-9.1.2.min.js", "vis-network-9.1.2.css"):
        digest = hashlib.sha256((TEMPLATES / "vendor" / name).read_bytes()).hexdigest()
        assert f"`{name}` `{digest}`" in readme


def test_chinese_labels_are_utf8_in_the_data(graph: nx.MultiDiGraph, page: str) -> None:
    raw, data = _data_block(page)
    assert "系統性紅斑狼瘡" in raw and "間充質干細胞" in raw
    assert "\\u7cfb" not in raw  # not \u-escaped
    assert page.encode("utf-8").count("系統性紅斑狼瘡".encode()) >= 1
    assert data["entities"]["SLE"]["label_zh"] == "系統性紅斑狼瘡"
    assert data["claims"]["sle-tgfb1-decreases-th17"]["quote"] == "TGF-β1抑制Th17細胞分化"


def test_data_carries_nodes_edges_and_claims(graph: nx.MultiDiGraph, page: str) -> None:
    _, data = _data_block(page)
    assert sorted(data["entities"]) == sorted(graph.nodes)
    assert sorted(data["edges"]) == sorted(f"{u}|{k}|{v}" for u, v, k in graph.edges(keys=True))
    assert data["claims"] == {cid: claim_json(c) for cid, c in graph.graph["claims"].items()}
    edge = data["edges"]["TGFB1|decreases|TH17"]
    assert edge["sign"] == -1 and edge["claims"] == ["sle-tgfb1-decreases-th17"]
    assert data["edges"]["UC_MSC_THERAPY|uses|MSC"]["claims"] == []
    # a node lists the claims it takes part in, with its role
    assert data["entities"]["TH17"]["claims"] == [
        {"claim": "sle-tgfb1-decreases-th17", "roles": ["object"]},
        {"claim": "sle-th17-contributes", "roles": ["subject"]},
    ]
    assert data["entities"]["STUDY_SLE_UCMSC"]["claims"] == [{"claim": "sle-ucmsc-ameliorates", "roles": ["study"]}]
    assert data["entities"]["STUDY_SLE_UCMSC"]["properties"]["figures"][0]["measure"] == "SLEDAI"
    assert data["diseases"] == ["SLE"]
    assert [c["name"] for c in data["classes"]][:3] == ["Disease", "CellType", "GeneProduct"]


def test_visual_encoding(page: str) -> None:
    _, data = _data_block(page)
    vis_nodes = {n["id"]: n for n in data["vis"]["nodes"]}
    vis_edges = {e["id"]: e for e in data["vis"]["edges"]}
    assert vis_nodes["SLE"]["shape"] == "diamond" and vis_nodes["MSC"]["shape"] == "dot"
    assert vis_nodes["SLE"]["color"]["background"] != vis_nodes["MSC"]["color"]["background"]
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in vis_nodes.values())
    assert vis_nodes["SLE"]["size"] > vis_nodes["DRUG_X"]["size"]  # size by degree
    positive, negative = vis_edges["MSC|secretes|TGFB1"], vis_edges["TGFB1|decreases|TH17"]
    neutral = vis_edges["UC_MSC_THERAPY|uses|MSC"]
    # colour and arrow head by sign: one table, applied per edge by explorer.js (checked in the browser tests)
    signs = {s["sign"]: s for s in data["signs"]}
    assert [data["edges"][e["id"]]["sign"] for e in (positive, negative, neutral)] == [1, -1, 0]
    assert len({signs[1]["color"], signs[-1]["color"], signs[0]["color"]}) == 3
    assert signs[-1]["arrow"] == "bar" and signs[1]["arrow"] == "arrow"
    assert neutral["dashes"] is True and "dashes" not in positive
    assert data["vis"]["options"]["physics"]["enabled"] is False


@pytest.mark.parametrize("where", ["label", "quote", "note", "source title", "page title"])
def test_xss_probe_is_never_live(where: str) -> None:
    G = build_graph(probe=XSS)
    page = explorer_html(G, title=XSS if where == "page title" else "MechKG")
    raw, data = _data_block(page)
    # the probe never appears as markup anywhere in the page
    assert "<img src=x" not in page
    assert "<script>alert(1)" not in page
    assert page.lower().count("</script") == 3  # exactly the three real closing tags
    assert "<!--" not in page
    # ... and the data block holds it escaped, and parses back to the original strings
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in raw
    assert data["entities"]["TH17"]["label_en"] == XSS
    assert data["claims"]["sle-th17-contributes"]["quote"] == XSS
    assert data["claims"]["sle-tgfb1-decreases-th17"]["notes"] == XSS
    assert data["sources"]["hangji2024"]["title_en"] == XSS
    parsed = _parse(page)
    assert len([t for t, _ in parsed.tags if t == "script"]) == 3
    assert not any(t == "img" for t, _ in parsed.tags)
    if where == "page title":
        assert parsed.title == XSS  # shown as text, escaped in the source
        assert "<title>&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;" in page


def test_json_for_script_escapes_line_separators() -> None:
    text = json_for_script({"s": "a\u2028b\u2029c</script>&"})
    assert text == '{"s":"a\\u2028b\\u2029c\\u003c/script\\u003e\\u0026"}'
    assert json.loads(text) == {"s": "a\u2028b\u2029c</script>&"}


def test_page_script_builds_text_safely() -> None:
    js = (TEMPLATES / "explorer.js").read_text(encoding="utf-8")
    assert "innerHTML" not in js and "outerHTML" not in js and "insertAdjacentHTML" not in js
    assert "document.write" not in js and "eval(" not in js
    assert "/^https?:\\/\\//i.test(url)" in js  # only http(s) links: never javascript: URLs


def test_two_renders_are_byte_identical() -> None:
    first = explorer_html(build_graph())
    second = explorer_html(build_graph())
    assert first == second
    # insertion order of nodes and edges does not matter either
    G = build_graph()
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    assert explorer_html(H) == first


def test_language_option(graph: nx.MultiDiGraph) -> None:
    page = explorer_html(graph, lang="zh-Hant")
    assert '<html lang="zh-Hant">' in page
    assert _data_block(page)[1]["lang"] == "zh-Hant"
    assert 'data-lang="zh-Hant"' in page and "繁體中文" in page and "English" in page
    with pytest.raises(ValueError, match="'fr'"):
        explorer_html(graph, lang="fr")


def test_highlight_paths(graph: nx.MultiDiGraph) -> None:
    page = explorer_html(graph, highlight_paths=[["UC_MSC_THERAPY", "MSC", "TGFB1", "TH17", "SLE"]])
    highlight = _data_block(page)[1]["highlight"]
    assert highlight["edges"] == sorted(
        ["UC_MSC_THERAPY|uses|MSC", "MSC|secretes|TGFB1", "TGFB1|decreases|TH17", "TH17|contributesTo|SLE"]
    )
    assert "DRUG_X" not in highlight["nodes"] and "SLE" in highlight["nodes"]
    by_triples = explorer_html(graph, highlight_paths=[[("MSC", "secretes", "TGFB1"), ("TGFB1", "decreases", "TH17")]])
    assert _data_block(by_triples)[1]["highlight"]["edges"] == ["MSC|secretes|TGFB1", "TGFB1|decreases|TH17"]
    assert _data_block(explorer_html(graph))[1]["highlight"] == {"nodes": [], "edges": [], "paths": []}
    with pytest.raises(UnknownEntity):
        explorer_html(graph, highlight_paths=[["MSC", "NOPE"]])
    with pytest.raises(MechKGError, match="DRUG_X"):
        explorer_html(graph, highlight_paths=[["MSC", "DRUG_X"]])


def test_layout_is_deterministic_and_spread(graph: nx.MultiDiGraph) -> None:
    pos = spring_positions(graph)
    assert pos == spring_positions(graph)
    assert len(set(pos.values())) == len(pos)  # no two nodes on one spot
    assert spring_positions(nx.MultiDiGraph()) == {}


def test_write_explorer(tmp_path: Path, graph: nx.MultiDiGraph) -> None:
    target = tmp_path / "explorer.html"
    write_explorer(graph, target)
    assert target.read_bytes() == explorer_html(graph).encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["explorer.html"]


def test_write_explorer_is_atomic(tmp_path: Path, graph: nx.MultiDiGraph, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "explorer.html"
    target.write_text("old page", encoding="utf-8")

    def broken_replace(src: Any, dst: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(explorer.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_explorer(graph, target)
    assert target.read_text(encoding="utf-8") == "old page"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["explorer.html"]


def test_write_explorer_failing_mid_write(tmp_path: Path, graph: nx.MultiDiGraph, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "explorer.html"
    target.write_text("old page", encoding="utf-8")
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, text: str) -> None:
            self.handle.write(text[: len(text) // 2])
            raise KeyboardInterrupt

    monkeypatch.setattr(explorer.os, "fdopen", lambda *a, **k: HalfWriter(real_fdopen(*a, **k)))
    with pytest.raises(KeyboardInterrupt):
        write_explorer(graph, target)
    assert target.read_text(encoding="utf-8") == "old page"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["explorer.html"]


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


# Drives the page like a reader: switch to Chinese, search, open the first hit, filter by disease.
_DRIVER = """<script>
window.addEventListener("load", function () {
  document.querySelector('#lang-switch [data-lang="zh-Hant"]').click();
  var search = document.getElementById("search");
  search.value = "紅斑";
  search.dispatchEvent(new Event("input"));
  var hits = document.querySelectorAll("#search-results button");
  document.body.setAttribute("data-hits", String(hits.length));
  hits[0].click();
  var select = document.getElementById("disease-filter");
  select.value = "SLE";
  select.dispatchEvent(new Event("change"));
  document.body.setAttribute("data-status", document.getElementById("status").textContent);
  document.body.setAttribute("data-done", "yes");
});
</script>
"""


def _dump_dom(page: Path, url_suffix: str = "") -> str:
    chromium = _chromium()
    assert chromium is not None
    result = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--virtual-time-budget=3000",
            "--dump-dom",
            page.as_uri() + url_suffix,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.mark.skipif(_chromium() is None, reason="no chromium to render the page")
def test_page_works_in_headless_chromium(tmp_path: Path, graph: nx.MultiDiGraph) -> None:
    target = tmp_path / "explorer.html"
    write_explorer(graph, target)
    dom = _dump_dom(target, "#node=STUDY_SLE_UCMSC")
    assert "40名患者接受臍帶間充質干細胞輸注" in dom and "SLEDAI評分顯著下降" in dom  # arms and figures tables
    dom = _dump_dom(target, "#edge=" + "TH17|contributesTo|SLE".replace("|", "%7C"))
    assert "<canvas" in dom  # vis-network drew
    assert "系統性紅斑狼瘡" in dom  # the disease filter was filled from the data
    assert "Th17細胞促進SLE發病" in dom and "Th17 cells drive SLE." in dom  # the deep-linked edge's claim

    driven = tmp_path / "driven.html"
    driven.write_text(target.read_text(encoding="utf-8").replace("</body>", _DRIVER + "</body>"), encoding="utf-8")
    dom = _dump_dom(driven)
    assert 'data-done="yes"' in dom
    assert 'data-hits="1"' in dom  # 紅斑 matches the zh label and synonym of SLE only
    assert '<h2 lang="zh-Hant">系統性紅斑狼瘡</h2>' in dom  # panel in Chinese
    assert 'data-status="顯示 6 個節點 · 5 條邊"' in dom  # filtered to the SLE context


@pytest.mark.skipif(_chromium() is None, reason="no chromium to render the page")
def test_xss_probe_stays_text_in_the_browser(tmp_path: Path) -> None:
    target = tmp_path / "explorer.html"
    write_explorer(build_graph(probe=XSS), target, title=XSS)
    dom = _dump_dom(target, "#node=TH17")
    assert "<img" not in dom
    assert "&lt;img src=x onerror=alert(1)&gt;" in dom  # shown as text in the panel


# -- ontology labels, paths, pages and layout -------------------------------------------------


def test_class_and_predicate_labels_come_from_the_graph(graph: nx.MultiDiGraph) -> None:
    graph.graph["classes"] = {"Disease": {"label_en": "illness", "label_zh": "病症"}}
    graph.graph["predicates"] = {"secretes": {"label_en": "gives off", "label_zh": "釋出"}}
    data = _data_block(explorer_html(graph))[1]
    disease = next(c for c in data["classes"] if c["name"] == "Disease")
    assert (disease["label_en"], disease["label_zh"]) == ("illness", "病症")
    assert data["predicates"]["secretes"] == {"label_en": "gives off", "label_zh": "釋出"}
    assert data["predicates"]["decreases"] == {"label_en": "decreases", "label_zh": "decreases"}  # not given: the name


def test_labels_default_to_the_ontology(graph: nx.MultiDiGraph) -> None:
    from mechkg.terms.ontology import class_labels, predicates

    data = _data_block(explorer_html(graph))[1]
    cell = next(c for c in data["classes"] if c["name"] == "CellType")
    assert (cell["label_en"], cell["label_zh"]) == class_labels()["CellType"]
    assert data["predicates"]["decreases"]["label_zh"] == predicates()["decreases"].label_zh


def test_packaged_page_uses_the_ontology_labels(packaged_built) -> None:
    G = packaged_built.network
    data = _data_block(explorer_html(G))[1]
    for entry in data["classes"]:
        assert entry["label_zh"] == G.graph["classes"][entry["name"]]["label_zh"]
    for name, labels in data["predicates"].items():
        assert labels["label_en"] == G.graph["predicates"][name]["label_en"]


def test_path_record_forms(graph: nx.MultiDiGraph) -> None:
    triples = [("MSC", "secretes", "TGFB1"), ("TGFB1", "decreases", "TH17"), ("TH17", "contributesTo", "SLE")]
    expected_edges = ["MSC|secretes|TGFB1", "TGFB1|decreases|TH17", "TH17|contributesTo|SLE"]
    by_nodes = explorer.path_record(graph, ["UC_MSC_THERAPY", "MSC", "TGFB1", "TH17", "SLE"])
    assert by_nodes["edges"] == ["UC_MSC_THERAPY|uses|MSC", *expected_edges]
    assert by_nodes["net_sign"] == -1  # the non-causal `uses` entry hop does not count
    as_json = {
        "nodes": [{"id": n} for n in ("MSC", "TGFB1", "TH17", "SLE")],
        "edges": [{"subject": s, "predicate": p, "object": o, "sign": 0} for s, p, o in triples],
        "net_sign": -1,
        "score": 0.25,
    }
    assert explorer.path_record(graph, as_json) == {
        "nodes": ["MSC", "TGFB1", "TH17", "SLE"],
        "edges": expected_edges,
        "net_sign": -1,
        "score": 0.25,
    }
    assert explorer.path_record(graph, ["MSC|secretes|TGFB1"])["nodes"] == ["MSC", "TGFB1"]
    with pytest.raises(MechKGError, match="no edge"):
        explorer.path_record(graph, {"edges": [("SLE", "secretes", "MSC")]})


def test_paths_table_in_the_page(graph: nx.MultiDiGraph) -> None:
    path = ["UC_MSC_THERAPY", "MSC", "TGFB1", "TH17", "SLE"]
    page = explorer_html(graph, paths={("UC_MSC_THERAPY", "SLE"): [path], ("UC_MSC_THERAPY", "NOT_HERE"): [path]})
    table = _data_block(page)[1]["paths"]
    assert [(e["therapy"], e["disease"]) for e in table] == [("UC_MSC_THERAPY", "SLE")]  # pairs outside the page dropped
    assert table[0]["paths"][0]["nodes"] == path


def test_mechanism_paths_go_into_the_page(mini_built) -> None:
    paths_module = pytest.importorskip("mechkg.paths.search")
    G = mini_built.network
    result = paths_module.mechanism_paths(G, "MSC_THERAPY", "SLE", k=TABLE_K)
    table = explorer.pair_paths(G, pair_table(G))
    assert [(e["therapy"], e["disease"]) for e in table] == ([("MSC_THERAPY", "SLE")] if result.paths else [])
    for entry in table:
        for record, path in zip(entry["paths"], result.paths, strict=False):
            assert record["nodes"] == [n.id for n in path.nodes]
            assert record["net_sign"] == path.net_sign
            assert record["score"] == round(path.score.total, 6)
            assert all(e.split("|")[1] != "broader" for e in record["edges"])
    # what `mechkg path --format html` passes: the MechanismPath objects themselves
    if result.paths:
        highlight = _data_block(explorer_html(G, highlight_paths=result.paths))[1]["highlight"]
        assert highlight["paths"][0]["net_sign"] == result.paths[0].net_sign


def _two_diseases(n_each: int) -> nx.MultiDiGraph:
    nodes, claims = [_node("HUB", "hub", "樞紐", "CellType")], []
    for d in ("DA", "DB"):
        nodes.append(_node(d, d, d, "Disease"))
        previous = d
        for i in range(n_each):
            node = f"{d}_{i}"
            nodes.append(_node(node, node, node, "GeneProduct"))
            claims.append(_claim(f"{previous}-{node}", previous, "increases", node, 1, "q", "s", disease=(d,)))
            claims.append(_claim(f"{node}-{d}", node, "contributesTo", d, 1, "q", "s", disease=(d,)))
            previous = node
        claims.append(_claim(f"hub-{d}", "HUB", "increases", f"{d}_0", 1, "q", "s", disease=(d,)))
    return assemble(nodes, claims, [c.triple for c in claims])


@pytest.mark.parametrize("max_spring", [1500, 10])  # one force-directed layout, or group-in-a-box
def test_layout_gathers_each_disease_cluster(max_spring: int) -> None:
    G = _two_diseases(12)
    pos = spring_positions(G, max_spring=max_spring)
    assert pos == spring_positions(G, max_spring=max_spring)
    assert len(set(pos.values())) == len(pos)

    def dist(a: str, b: str) -> float:
        return ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5

    for own, other in (("DA", "DB"), ("DB", "DA")):
        members = [n for n in G if n.startswith(own + "_")]
        assert sum(dist(n, own) for n in members) < sum(dist(n, other) for n in members)


def test_small_graph_is_one_page(graph: nx.MultiDiGraph) -> None:
    pages = explorer.explorer_pages(graph)
    assert list(pages) == ["mechkg.html"]
    assert pages["mechkg.html"] == explorer_html(graph)


def test_large_graph_is_split_by_disease(tmp_path: Path) -> None:
    G = _two_diseases(12)
    pages = explorer.explorer_pages(G, max_nodes=10)
    assert sorted(pages) == ["mechkg-DA.html", "mechkg-DB.html", "mechkg.html"]
    for name, page in pages.items():
        (tmp_path / name).write_text(page, encoding="utf-8")
    page_a = _data_block((tmp_path / "mechkg-DA.html").read_text(encoding="utf-8"))[1]
    assert "DA_11" in page_a["entities"] and "DB_3" not in page_a["entities"]
    assert {"label": "DB", "href": "mechkg-DB.html"} in page_a["links"]
    overview = _data_block((tmp_path / "mechkg.html").read_text(encoding="utf-8"))[1]
    assert {"DA", "DB"} <= set(overview["entities"]) and len(overview["entities"]) == 10
    assert [link["href"] for link in overview["links"]] == ["mechkg-DA.html", "mechkg-DB.html"]
