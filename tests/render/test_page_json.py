"""Plain JSON values and edge ids (graph/render/page_json.py)."""

from __future__ import annotations

import datetime
import json

from mechkg.render.page_json import edge_id, plain


def test_plain_makes_any_value_json_with_a_fixed_order() -> None:
    value = {
        "year": datetime.date(2010, 5, 1),
        "aspects": frozenset({"secretion", "apoptosis"}),
        "pairs": (("a", 1), ["b", 2.5]),
        "bad": float("inf"),
        3: None,
        "ok": True,
    }
    assert plain(value) == {
        "year": "2010-05-01",
        "aspects": ["apoptosis", "secretion"],
        "pairs": [["a", 1], ["b", 2.5]],
        "bad": "inf",
        "3": None,
        "ok": True,
    }
    json.dumps(plain(value), allow_nan=False)  # never raises


def test_edge_id() -> None:
    assert edge_id("TGFB1", "decreases", "TH17") == "TGFB1|decreases|TH17"
