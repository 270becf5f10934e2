"""The explorer page as a whole (graph/render/page.py): self-contained, safe, deterministic, written atomically."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from mechkg.render.page import explorer_html, write_explorer
from tests.render.page_fixture import XSS, build_graph, data_block, parse_page, small_page


def test_page_is_self_contained() -> None:
    page = small_page()
    parsed = parse_page(page)
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


def test_chinese_labels_are_utf8_in_the_data() -> None:
    page = small_page()
    raw, data = data_block(page)
    assert "系統性紅斑狼瘡" in raw and "間充質干細胞" in raw
    assert "\\u7cfb" not in raw  # not \u-escaped
    assert page.encode("utf-8").count("系統性紅斑狼瘡".encode()) >= 1
    assert data["entities"]["SLE"]["label_zh"] == "系統性紅斑狼瘡"
    assert data["claims"]["sle-tgfb1-decreases-th17"]["quote"] == "TGF-β1抑制Th17細胞分化"


@pytest.mark.parametrize("where", ["label", "quote", "note", "source title", "page title"])
def test_xss_probe_is_never_live(where: str) -> None:
    G = build_graph(probe=XSS)
    page = explorer_html(G, title=XSS if where == "page title" else "MechKG")
    raw, data = data_block(page)
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
    parsed = parse_page(page)
    assert len([t for t, _ in parsed.tags if t == "script"]) == 3
    assert not any(t == "img" for t, _ in parsed.tags)
    if where == "page title":
        assert parsed.title == XSS  # shown as text, escaped in the source
        assert "<title>&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;" in page


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


def test_language_option() -> None:
    graph = build_graph()
    page = explorer_html(graph, lang="zh-Hant")
    assert '<html lang="zh-Hant">' in page
    assert data_block(page)[1]["lang"] == "zh-Hant"
    assert 'data-lang="zh-Hant"' in page and "繁體中文" in page and "English" in page
    assert explorer_html(graph, lang="zh") == page  # "zh" is a name for zh-Hant
    with pytest.raises(ValueError, match="'fr'"):
        explorer_html(graph, lang="fr")


def test_links_go_into_the_page() -> None:
    graph = build_graph()
    data = data_block(explorer_html(graph, links=[("overview", "mechkg.html")]))[1]
    assert data["links"] == [{"label": "overview", "href": "mechkg.html"}]
    assert data_block(explorer_html(graph))[1]["links"] == []


def test_write_explorer(tmp_path: Path) -> None:
    graph = build_graph()
    target = tmp_path / "explorer.html"
    write_explorer(graph, target)
    assert target.read_bytes() == explorer_html(graph).encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["explorer.html"]


def test_write_explorer_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    graph = build_graph()
    target = tmp_path / "explorer.html"
    target.write_text("old page", encoding="utf-8")

    def broken_replace(src: Any, dst: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_explorer(graph, target)
    assert target.read_text(encoding="utf-8") == "old page"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["explorer.html"]


def test_write_explorer_failing_mid_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    graph = build_graph()
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

    monkeypatch.setattr(os, "fdopen", lambda *a, **k: HalfWriter(real_fdopen(*a, **k)))
    with pytest.raises(KeyboardInterrupt):
        write_explorer(graph, target)
    assert target.read_text(encoding="utf-8") == "old page"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["explorer.html"]
