"""A small hand-built graph for the explorer page tests, and helpers that read a rendered page."""

from __future__ import annotations

import json
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx

import mechkg.render
from mechkg.network.assemble import assemble
from mechkg.network.evidence import Arm, Claim, EntityNode, Figure, Flag, Source, Study, Xref
from mechkg.render.page import explorer_html

TEMPLATES = Path(mechkg.render.__file__).parent / "templates"
XSS = "<img src=x onerror=alert(1)></script><script>alert(1)</script><!--"
ECO_REVIEW = "ECO:0000304"


def make_claim(cid: str, s: str, p: str, o: str, sign: int, quote: str, statement: str, **extra: Any) -> Claim:
    """A claim from the review about SLE unless ``extra`` says otherwise."""
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


def make_node(nid: str, en: str, zh: str, cls: str, **extra: Any) -> EntityNode:
    """A node; ``xrefs`` are given as dicts and ``synonyms`` as a list."""
    extra["xrefs"] = tuple(Xref(x["curie"], x["match"], x["url"], "") for x in extra.get("xrefs", ()))
    extra["synonyms"] = tuple(extra.get("synonyms", ()))
    return EntityNode(nid, cls, en, zh, f"https://w3id.org/mechkg/entity/{nid}", **extra)


def build_graph(probe: str | None = None) -> nx.MultiDiGraph:
    """MSC -secretes-> TGFB1 -decreases-> TH17 -contributesTo-> SLE, a therapy and its study.

    With ``probe``, the probe string is put in a label, a quote, a note and a source title.
    """
    claims = [
        make_claim(
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
        make_claim(
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
        make_claim(
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
        make_claim(
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
        make_node(
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
        make_node(
            "TGFB1",
            "transforming growth factor beta 1",
            "轉化生長因子-β1",
            "GeneProduct",
            synonyms=["TGF-β1"],
            definition="A cytokine that suppresses Th17 differentiation.",
            xrefs=[{"curie": "HGNC:11766", "label": "TGFB1", "match": "exact", "url": "javascript:alert(1)"}],
        ),
        make_node("TH17", probe or "T helper 17 cell", "輔助性T細胞17", "CellType", synonyms=["Th17"]),
        make_node("SLE", "systemic lupus erythematosus", "系統性紅斑狼瘡", "Disease", synonyms=["SLE", "紅斑狼瘡"]),
        make_node(
            "UC_MSC_THERAPY",
            "umbilical-cord MSC therapy",
            "臍帶間充質干細胞治療",
            "Therapy",
            properties={"kind": "cell_therapy", "origin": "allogeneic"},
        ),
        make_node("SLEDAI", "SLE disease activity index", "SLE疾病活動指數", "ClinicalMeasure"),
        make_node(
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
        make_node("HUMAN", "human", "人", "OrganismTaxon"),
        make_node("MOUSE", "mouse", "小鼠", "OrganismTaxon"),
        make_node("DRUG_X", "isolated drug", "孤立藥物", "Drug"),
    ]
    structural = [("UC_MSC_THERAPY", "uses", "MSC"), ("UC_MSC_THERAPY", "studiedIn", "STUDY_SLE_UCMSC"),
                  ("SLE", "studiedIn", "STUDY_SLE_UCMSC")]  # fmt: skip
    return assemble(nodes, claims, [*(c.triple for c in claims), *structural], sources=[source])


def two_diseases(n_each: int) -> nx.MultiDiGraph:
    """Two diseases DA and DB, each with a chain of ``n_each`` genes around it, joined by one hub."""
    nodes, claims = [make_node("HUB", "hub", "樞紐", "CellType")], []
    for d in ("DA", "DB"):
        nodes.append(make_node(d, d, d, "Disease"))
        previous = d
        for i in range(n_each):
            node = f"{d}_{i}"
            nodes.append(make_node(node, node, node, "GeneProduct"))
            claims.append(make_claim(f"{previous}-{node}", previous, "increases", node, 1, "q", "s", disease=(d,)))
            claims.append(make_claim(f"{node}-{d}", node, "contributesTo", d, 1, "q", "s", disease=(d,)))
            previous = node
        claims.append(make_claim(f"hub-{d}", "HUB", "increases", f"{d}_0", 1, "q", "s", disease=(d,)))
    return assemble(nodes, claims, [c.triple for c in claims])


class PageTags(HTMLParser):
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


def parse_page(page: str) -> PageTags:
    """The tags, scripts and title of ``page``."""
    parser = PageTags()
    parser.feed(page)
    parser.close()
    return parser


def data_block(page: str) -> tuple[str, dict[str, Any]]:
    """The page's one JSON data block: its raw text and its value."""
    blocks = [text for attrs, text in parse_page(page).scripts if attrs.get("type") == "application/json"]
    assert len(blocks) == 1
    return blocks[0], json.loads(blocks[0])


@cache
def small_page() -> str:
    """The page of :func:`build_graph`, rendered once (a page is an immutable string)."""
    return explorer_html(build_graph())
