"""The explorer page: one self-contained HTML file that shows the MechKG graph offline.

``explorer_html(G)`` turns the :class:`networkx.MultiDiGraph` built by :mod:`mechkg.network`
into a single page that works from ``file://`` with no network: :mod:`mechkg.render.page_data`
makes what it carries, :mod:`mechkg.render.template` the HTML. The same graph always gives the
same bytes (the layout is computed in the build, deterministically, by
:func:`mechkg.render.layout.spring_positions`). ``explorer_html(G, highlight_paths=...)`` opens
the page on given paths (``mechkg path --format html``); ``paths=`` fills its paths panel (see
:mod:`mechkg.render.path_records`). Large graphs are split into pages by
:func:`mechkg.render.disease_pages.explorer_pages`.

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

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from mechkg.files import write_file_atomically
from mechkg.render.page_data import page_data
from mechkg.render.path_records import HighlightPath, PairRecords
from mechkg.render.template import render_page

__all__ = ["explorer_html", "write_explorer"]

_LANGS = {"en": "en", "zh": "zh-Hant", "zh-Hant": "zh-Hant"}


def explorer_html(
    G: nx.MultiDiGraph,
    *,
    title: str = "MechKG",
    highlight_paths: Iterable[HighlightPath] = (),
    lang: str = "en",
    paths: Iterable[PairRecords] = (),
    links: Sequence[tuple[str, str]] = (),
    live: Mapping[str, Any] | None = None,
) -> str:
    """Render ``G`` as one self-contained, offline HTML page, identical for identical graphs.

    ``highlight_paths`` are paths to emphasise; the page opens on them, highlighted on the graph
    and listed hop by hop with their evidence in the side panel. Each is a
    :class:`~mechkg.paths.result.MechanismPath`, a sequence of node ids (every edge from one node
    to the next, or the reverse edges where there is none) or a sequence of
    ``(subject, predicate, object)`` edge keys (:func:`mechkg.render.path_records.path_record`).

    ``paths`` is the table behind the page's *paths panel* (pick a disease and a therapy, see
    their top mechanism paths), as :func:`mechkg.render.path_records.pair_paths` makes it in the
    build; pairs that do not lie in ``G`` are left out. ``links`` are ``(label, href)`` pairs
    shown in the top bar (the per-disease pages link each other this way). ``lang`` (``"en"``
    or ``"zh-Hant"``) is the language the page opens in; the reader can switch. ``live`` (the
    served page only, :mod:`mechkg.app.live`) becomes ``DATA.live``: the paths panel then offers
    every therapy and disease it names and fetches a pair's paths from its endpoint.
    """
    if lang not in _LANGS:
        raise ValueError(f"lang must be 'en' or 'zh-Hant', not {lang!r}")
    data = page_data(G, lang=_LANGS[lang], highlight_paths=highlight_paths, paths=paths, links=links)
    if live is not None:
        data["live"] = dict(live)
    return render_page(title=title, lang=_LANGS[lang], data=data)


def write_explorer(G: nx.MultiDiGraph, path: str | os.PathLike[str], **kwargs: Any) -> None:
    """Write :func:`explorer_html` of ``G`` to ``path`` atomically (temp file, then replace).

    A reader never sees a half-written page, and on any error the old file is left as it was.
    Keyword arguments go to :func:`explorer_html`.
    """
    write_file_atomically(Path(path), explorer_html(G, **kwargs).encode("utf-8"))
