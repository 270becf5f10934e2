"""The page's JSON values: plain data in a fixed order, and the ids the page gives edges.

Everything the page carries goes through :func:`plain` once, so that ``json.dumps`` always
succeeds and always writes the same bytes: sets become sorted lists, tuples lists, and values
JSON has no form for (a date in a therapy's properties, a non-finite number) become strings.

>>> plain({"aspects": {"secretion", "apoptosis"}, "year": 2010, "ratio": float("nan")})
{'aspects': ['apoptosis', 'secretion'], 'year': 2010, 'ratio': 'nan'}
>>> edge_id("MSC", "secretes", "TGFB1")
'MSC|secretes|TGFB1'
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

__all__ = ["edge_id", "plain"]


def edge_id(subject: str, predicate: str, obj: str) -> str:
    """The page's id of an edge, ``"subject|predicate|object"`` (``DATA.edges`` keys, path records, deep links)."""
    return f"{subject}|{predicate}|{obj}"


def plain(value: Any) -> Any:
    """``value`` as plain JSON data with a fixed order: sets sorted, unknown objects as ``str``."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return [plain(v) for v in sorted(value, key=str)]
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return str(value)
