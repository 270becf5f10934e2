"""Render: the self-contained, offline explorer page.

* :mod:`~mechkg.render.page` — ``explorer_html`` / ``write_explorer``: a graph as one HTML page;
* :mod:`~mechkg.render.disease_pages` — ``explorer_pages``: one page, or an overview plus one per disease;
* :mod:`~mechkg.render.page_data` — what the page carries (``DATA``), from :mod:`mechkg.views`;
* :mod:`~mechkg.render.path_records` — paths as the page stores them (every step, marks, score parts), the paths panel's table;
  :mod:`~mechkg.render.page_paths` — those the page carries, packed;
* :mod:`~mechkg.render.legend` — legends and label tables; :mod:`~mechkg.render.styles` — colours and shapes;
* :mod:`~mechkg.render.vis` — the vis-network drawing; :mod:`~mechkg.render.layout` — its positions;
* :mod:`~mechkg.render.template` — the HTML template, inlining and escaping;
  :mod:`~mechkg.render.page_json` — plain JSON values and edge ids.
"""
