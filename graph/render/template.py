"""The page's HTML: our Jinja template, with vis-network and the page's own script and style inlined.

The page works from ``file://`` with no network: vis-network 9.1.2 (vendored in
``graph/render/templates/vendor``, see its README), the page script and ``explorer.css`` are
copied into it, and every datum travels in one ``<script type="application/json">`` block that
the page reads with ``JSON.parse`` and shows with ``textContent``, never as HTML. The script is
the files of ``templates/explorer/`` joined in name order inside one function, so its modules
share one scope and nothing leaks into ``window`` but the test hook. The template is
ours, not pyvis', because pyvis' templates do not escape their data and load Bootstrap and
vis-network from CDNs.

Only three kinds of string reach the page unescaped: the title, escaped here; the data, made
safe by :func:`json_for_script`; and our own packaged files, which are refused if they contain
a closing tag or ``<!--``.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, FunctionLoader
from markupsafe import Markup

from mechkg.errors import MechKGError

__all__ = ["VIS_NETWORK_VERSION", "json_for_script", "page_script", "render_page", "script_modules"]

#: The vendored vis-network (``templates/vendor/vis-network-<version>.min.js`` and ``.css``).
VIS_NETWORK_VERSION = "9.1.2"

_TEMPLATE = "explorer.html"
_INLINED = {
    "vis_js": f"vendor/vis-network-{VIS_NETWORK_VERSION}.min.js",
    "vis_css": f"vendor/vis-network-{VIS_NETWORK_VERSION}.css",
    "app_css": "explorer.css",
    "paths_css": "explorer-paths.css",
    "canvas_css": "explorer-canvas.css",
}
#: The page script's modules, joined in this order (``templates/explorer/NN-name.js``).
_SCRIPT_FOLDER = "explorer"
_SCRIPT_HEADER = """/* MechKG explorer page.
 *
 * Reads all data from the JSON block #mechkg-data and builds every piece of text with
 * textContent / createElement: no data is ever parsed as HTML. Links are made only
 * for http(s) URLs. Joined from graph/render/templates/explorer/*.js (one scope).
 */
(function () {
  "use strict";

"""
_SCRIPT_FOOTER = "}());\n"
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def render_page(*, title: str, lang: str, data: Mapping[str, Any]) -> str:
    """The page: ``title`` as its title and heading, ``lang`` its language, ``data`` its ``DATA``; ends with a newline.

    >>> page = render_page(title="MechKG <demo>", lang="en", data={"note": "</script>"})
    >>> "<title>MechKG &lt;demo&gt;</title>" in page and '{"note":"\\\\u003c/script\\\\u003e"}' in page
    True
    """
    page = (
        _environment()
        .get_template(_TEMPLATE)
        .render(
            title=Markup(html.escape(title, quote=True)),  # noqa: S704
            html_lang=lang,
            data_json=Markup(json_for_script(data)),  # noqa: S704
            app_js=Markup(page_script()),  # noqa: S704
            **{name: Markup(_inline_resource(path)) for name, path in _INLINED.items()},  # noqa: S704
        )
    )
    return page if page.endswith("\n") else page + "\n"


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


def script_modules() -> list[str]:
    """The names of the page script's modules, in the order they are joined (``explorer/*.js``)."""
    folder = resources.files(__package__) / "templates" / _SCRIPT_FOLDER
    return sorted(f"{_SCRIPT_FOLDER}/{entry.name}" for entry in folder.iterdir() if entry.name.endswith(".js"))


@cache
def page_script() -> str:
    """The page's script: its modules joined inside one strict-mode function.

    >>> script = page_script()
    >>> script.startswith("/* MechKG explorer page.") and script.rstrip().endswith("}());")
    True
    """
    return _SCRIPT_HEADER + "".join(_inline_resource(name) for name in script_modules()) + _SCRIPT_FOOTER


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
