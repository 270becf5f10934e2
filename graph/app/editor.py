"""The SPARQL editor page of ``mechkg serve`` (``GET /sparql`` from a browser), and the files it loads.

The page is YASGUI's editor (Yasqe) and result viewer (Yasr) from the vendored ``@zazuko/yasgui``
bundle (``static/vendor``, see its README), wired by our ``static/editor.js``: a picker fills the
editor with a named query (``graph/queries/*.rq``, its parameters left out, its prefixes
declared), queries run against the server's own ``/sparql``, results show as a table. Opened as
``/sparql?query=…`` it starts with that query and runs it. Everything it loads comes from this
server (:data:`STATIC_FILES`, under :data:`EDITOR_CSP`): no CDN, no prefix service, no CORS proxy.

>>> page = editor_html("SELECT * WHERE { ?s ?p ?o } # </script>")
>>> page.startswith("<!DOCTYPE html>") and "\\u003c/script\\u003e" in page and "</script> #" not in page
True
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

from mechkg.query.named import NamedQuery, named_queries
from mechkg.render.template import json_for_script
from mechkg.terms.vocab import PREFIXES

__all__ = ["EDITOR_CSP", "STATIC_FILES", "YASGUI_VERSION", "editor_html", "example_text", "static_file", "wants_editor"]

YASGUI_VERSION = "4.6.2"
"""The vendored ``@zazuko/yasgui`` (``static/vendor/yasgui-<version>.min.js`` and ``.min.css``)."""

STATIC_FILES = {
    f"yasgui-{YASGUI_VERSION}.min.js": ("vendor", "text/javascript; charset=utf-8"),
    f"yasgui-{YASGUI_VERSION}.min.css": ("vendor", "text/css; charset=utf-8"),
    "editor.js": ("", "text/javascript; charset=utf-8"),
    "editor.css": ("", "text/css; charset=utf-8"),
}
"""The files served under ``/static/``: name -> (folder in ``mechkg/app/static``, media type). Nothing else is."""

EDITOR_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
"""The editor page's Content-Security-Policy: scripts only from this server's files (no inline script);
inline styles allowed because CodeMirror, DataTables and YASGUI set ``style`` attributes in the HTML they build."""

_CONDITION = re.compile(r"\s*#\s*(with|without)\s+\w+\s*$")


def example_text(query: NamedQuery) -> str:
    """A named query as the editor offers it: titled, its parameters left out, the prefixes it uses declared.

    >>> text = example_text(named_queries()["therapies-for-disease"])
    >>> text.splitlines()[0], "PREFIX mk: <https://w3id.org/mechkg/vocab/>" in text, "# with" in text
    ('# Therapies that ameliorate a disease, with the evidence', True, False)
    """
    lines = query.text_for([]).splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip() and not line.startswith("#")), len(lines))
    body = [_CONDITION.sub("", line) for line in lines[start:] if line.strip()]
    used = [name for name in PREFIXES if re.search(rf"(?<![\w:]){re.escape(name)}:", "\n".join(body))]
    head = [f"# {query.title}", f"# {query.question_en}", *(f"PREFIX {name}: <{PREFIXES[name]}>" for name in used), ""]
    return "\n".join(head + body) + "\n"


def _examples() -> list[dict[str, Any]]:
    return [
        {"name": q.name, "title": q.title, "question": {"en": q.question_en, "zh-Hant": q.question_zh}, "query": example_text(q)}
        for q in named_queries().values()
    ]


def editor_html(query: str | None = None, *, endpoint: str = "/sparql") -> str:
    """The editor page; with ``query`` it opens with that query and runs it."""
    data = {
        "endpoint": endpoint,
        "query": query,
        "run": bool(query),
        "examples": _examples(),
        "prefixes": dict(PREFIXES),
    }
    return _PAGE.format(version=YASGUI_VERSION, data=json_for_script(data))


def wants_editor(accept: str) -> bool:
    """Whether a GET of ``/sparql`` asks for the editor page: ``text/html`` is wanted first, at full quality.

    A browser sends ``text/html,…,application/xml;q=0.9,*/*;q=0.8``; a SPARQL client names result
    types (``application/sparql-results+json``, ``text/csv``) and gets results, as does one that
    merely tolerates HTML (``text/html;q=0.9, text/csv;q=0.5``).

    >>> wants_editor("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    True
    >>> wants_editor("text/html;q=0.9, text/csv;q=0.5"), wants_editor("application/sparql-results+json"), wants_editor("")
    (False, False, False)
    """
    best: tuple[float, str] | None = None
    for item in accept.split(","):
        media, *params = (part.strip().lower() for part in item.split(";"))
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and (best is None or quality > best[0]):
            best = (quality, media)
    return best is not None and best == (1.0, "text/html")


@cache
def static_file(name: str) -> bytes | None:
    """The bytes of ``/static/NAME`` (one of :data:`STATIC_FILES`), or None."""
    if name not in STATIC_FILES:
        return None
    folder = resources.files(__package__) / "static"
    sub = STATIC_FILES[name][0]
    return (folder / sub / name if sub else folder / name).read_bytes()


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>MechKG SPARQL editor</title>
<link rel="stylesheet" href="/static/yasgui-{version}.min.css">
<link rel="stylesheet" href="/static/editor.css">
</head>
<body>
<header id="topbar">
  <h1>MechKG SPARQL</h1>
  <nav aria-label="MechKG server"><a href="/" data-i18n="explorer">Explorer</a> <a href="/api" data-i18n="api">HTTP API</a></nav>
  <div id="lang-switch" role="group" aria-label="language / 語言">
    <button type="button" data-lang="zh-Hant" lang="zh-Hant">繁體中文</button>
    <button type="button" data-lang="en" lang="en">English</button>
  </div>
</header>
<main>
  <section id="examples">
    <label for="example" data-i18n="examples">Example queries</label>
    <select id="example"></select>
    <p id="question"></p>
  </section>
  <p class="note" data-i18n="hint"></p>
  <div id="yasqe"></div>
  <div id="yasr"></div>
</main>
<noscript><p>This page needs JavaScript. 本頁需要啟用 JavaScript。</p></noscript>
<script type="application/json" id="editor-data">{data}</script>
<script src="/static/yasgui-{version}.min.js"></script>
<script src="/static/editor.js"></script>
</body>
</html>
"""
