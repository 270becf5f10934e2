"""The page's HTML (graph/render/template.py): the vendored files inlined, the data escaped for <script>."""

from __future__ import annotations

import hashlib
import json

from mechkg.render.template import VIS_NETWORK_VERSION, json_for_script, page_script, render_page
from tests.render.page_fixture import TEMPLATES, XSS, data_block, parse_page, small_page


def test_vis_network_is_inlined() -> None:
    page = small_page()
    vis_js = (TEMPLATES / "vendor" / "vis-network-9.1.2.min.js").read_text(encoding="utf-8")
    vis_css = (TEMPLATES / "vendor" / "vis-network-9.1.2.css").read_text(encoding="utf-8")
    assert vis_js in page and vis_css in page
    scripts = [text for attrs, text in parse_page(page).scripts if "type" not in attrs]
    assert len(scripts) == 2
    assert "@version 9.1.2" in scripts[0]
    assert "new vis.Network(" in scripts[1]


def test_vendored_files_are_the_recorded_ones() -> None:
    readme = (TEMPLATES / "README.md").read_text(encoding="utf-8")
    assert VIS_NETWORK_VERSION == "9.1.2"
    for name in ("vis-network-9.1.2.min.js", "vis-network-9.1.2.css"):
        digest = hashlib.sha256((TEMPLATES / "vendor" / name).read_bytes()).hexdigest()
        assert f"`{name}` `{digest}`" in readme


def test_json_for_script_escapes_line_separators() -> None:
    text = json_for_script({"s": "a\u2028b\u2029c</script>&"})
    assert text == '{"s":"a\\u2028b\\u2029c\\u003c/script\\u003e\\u0026"}'
    assert json.loads(text) == {"s": "a\u2028b\u2029c</script>&"}


def test_page_script_builds_text_safely() -> None:
    js = page_script()
    assert "innerHTML" not in js and "outerHTML" not in js and "insertAdjacentHTML" not in js
    assert "document.write" not in js and "eval(" not in js
    assert "/^https?:\\/\\//i.test(url)" in js  # only http(s) links: never javascript: URLs


def test_render_page_escapes_title_and_data() -> None:
    page = render_page(title=XSS, lang="zh-Hant", data={"label": XSS, "zh": "幹細胞"})
    parsed = parse_page(page)
    assert parsed.title == XSS
    assert page.count("&lt;img src=x onerror=alert(1)&gt;") == 2  # <title> and <h1>
    assert data_block(page)[1] == {"label": XSS, "zh": "幹細胞"}
    assert '<html lang="zh-Hant">' in page
    assert page.endswith("</html>\n")
