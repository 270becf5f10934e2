"""The SPARQL editor page (graph/app/editor.py): vendored YASGUI as recorded, browsers told from clients, runnable examples."""

from __future__ import annotations

import hashlib
import json
import re
from importlib import resources

import pytest
from rdflib.plugins.sparql import prepareQuery

from mechkg.app import editor
from mechkg.query.named import named_queries

STATIC = resources.files("mechkg.app") / "static"
RECORDED = {
    f"yasgui-{editor.YASGUI_VERSION}.min.js": "55034eaac74c55f55fbd1eeed008ae38a79053651cbed2b453f1fcfd895a4b75",
    f"yasgui-{editor.YASGUI_VERSION}.min.css": "085b94556b97f9928981bdedb6848fd11ad4d8d950e821f0d698c58ca538fc55",
}


def test_vendored_yasgui_is_the_recorded_one():
    readme = (STATIC / "README.md").read_text(encoding="utf-8")
    for name, digest in RECORDED.items():
        assert hashlib.sha256((STATIC / "vendor" / name).read_bytes()).hexdigest() == digest, (
            f"{name} changed: see static/README.md"
        )
        assert f"`{name}` `{digest}`" in readme
    assert f"YASGUI {editor.YASGUI_VERSION}" in readme and "MIT" in readme
    assert sorted(p.name for p in (STATIC / "vendor").iterdir()) == sorted(RECORDED)


def test_only_the_listed_files_are_served():
    for name in editor.STATIC_FILES:
        assert editor.static_file(name)
    for name in ("README.md", "../editor.py", "vendor/yasgui-4.6.2.min.js", "", "editor.js.map"):
        assert editor.static_file(name) is None


@pytest.mark.parametrize(
    ("accept", "wanted"),
    [
        ("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8", True),  # Chromium
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", True),  # Firefox
        ("TEXT/HTML", True),
        ("text/html;q=0.9, text/csv;q=0.5", False),
        ("application/sparql-results+json,application/json,text/javascript,application/javascript", False),  # SPARQLWrapper
        ("application/sparql-results+json, text/html", False),  # a client naming results first
        ("*/*", False),
        ("", False),
    ],
)
def test_wants_editor(accept, wanted):
    assert editor.wants_editor(accept) is wanted


def test_every_example_is_a_complete_query():
    examples = {q.name: editor.example_text(q) for q in named_queries().values()}
    for name, text in examples.items():
        prepareQuery(text)  # every prefix declared, no parameter left unbound in a way that breaks the syntax
        assert not re.search(r"#\s*(with|without)\s+\w+\s*$", text, re.MULTILINE), name
        assert text.startswith(f"# {named_queries()[name].title}\n")


def test_the_page_carries_its_data_escaped_and_loads_only_its_own_files():
    query = 'SELECT * WHERE { ?s ?p "</script><b>" }'
    page = editor.editor_html(query)
    data = json.loads(re.search(r'<script type="application/json" id="editor-data">(.*?)</script>', page, re.DOTALL)[1])
    assert data["query"] == query and data["run"] is True and data["endpoint"] == "/sparql"
    assert [e["name"] for e in data["examples"]] == list(named_queries())
    assert data["prefixes"]["mke"] == "https://w3id.org/mechkg/entity/"
    assert "<b>" not in page
    loaded = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sorted(loaded) == sorted(["/", "/api", *(f"/static/{n}" for n in editor.STATIC_FILES)])
    assert re.findall(r"<script>", page) == []  # no inline script: the policy allows none
    assert json.loads(re.search(r'id="editor-data">(.*?)</script>', editor.editor_html(), re.DOTALL)[1])["run"] is False
