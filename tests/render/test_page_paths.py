"""The paths a page carries, packed (graph/render/page_paths.py)."""

from __future__ import annotations

import json

from mechkg.render.page_paths import page_paths
from mechkg.render.path_records import pair_paths, pairs_on_page, path_record


def test_page_paths_are_packed_and_unpack_to_the_records(packaged_built, packaged_table) -> None:
    G = packaged_built.network
    table = pair_paths(G, packaged_table)
    highlighted = [packaged_table[0].paths[0]]
    packed = page_paths(G, highlighted, table)
    assert packed == page_paths(G, highlighted, table)  # deterministic
    steps, parts = packed["path_steps"], packed["path_score_parts"]
    assert len({json.dumps(s, sort_keys=True) for s in steps}) == len(steps)
    assert len({json.dumps(p, sort_keys=True) for p in parts}) == len(parts)

    def unpack(record: dict) -> dict:
        return {**record, "steps": [steps[i] for i in record["steps"]], "score_parts": parts[record["score_parts"]]}

    assert [{**e, "paths": [unpack(r) for r in e["paths"]]} for e in packed["paths"]] == pairs_on_page(G, table)
    assert [unpack(r) for r in packed["highlight"]["paths"]] == [path_record(G, highlighted[0])]
    whole = sum(len(json.dumps(r["steps"])) + len(json.dumps(r["score_parts"])) for e in table for r in e["paths"])
    assert len(json.dumps(packed)) < len(json.dumps(pairs_on_page(G, table))) - whole // 2  # the packing saves most of it
